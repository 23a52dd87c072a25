// How the search box reads text, the same rules as builder/site/search.py: a text's runs
// and their tokens, the code word of a token, which tokens of a query are asked for and
// where a page holds them, and an excerpt of a page's real text around a match.
// Used by digest-search.js (loaded after it).
(function () {
  "use strict";
  var EXCERPT = 50;  // characters of context on each side of the match
  var CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var UNIT = new RegExp("[" + CJK + "]|[a-z0-9]+", "gu");
  var SEGMENT = new RegExp("(?:[" + CJK + "]|[a-z0-9])+", "gu");
  var LETTERS = 6;
  var SPACE = Math.pow(26, LETTERS);
  var FIELD_MARK = "\u2042";  // opens and closes the hidden field in Pagefind's copy of the page text
  var TITLE_SLOTS = 64;  // a phrase found before this position of a page is in its headline

  function code(token) {
    var h = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h %= SPACE;
    var out = "";
    for (var k = 0; k < LETTERS; k++) {
      out += String.fromCharCode(97 + h % 26);
      h = Math.floor(h / 26);
    }
    return out;
  }

  function normal(text) { return text.normalize("NFKC").toLowerCase(); }

  function segmentTokens(segment) {
    var units = segment.match(UNIT) || [];
    var out = [];
    var prev = null;
    units.forEach(function (u) {
      if (prev !== null) out.push(prev + u);
      if (u < "\u3400") out.push(u);  // a Latin word or number is a token of its own
      prev = u;
    });
    return out;
  }

  // The query's runs of Chinese characters, Latin letters and digits, each with its tokens.
  function segments(text) {
    return (normal(text).match(SEGMENT) || []).map(function (s) {
      return { text: s, tokens: segmentTokens(s) };
    }).filter(function (s) { return s.tokens.length; });
  }

  // The tokens of a run that are asked for: every other one, and the last. Within a run the
  // tokens stand at consecutive positions, so two found two positions apart imply the one
  // between them (数智 at p and 工匠 at p + 2 hold 智工 at p + 1): a query of n characters
  // fetches the index chunks of about n / 2 tokens instead of n - 1.
  function picked(tokens) {
    var picks = [];
    for (var i = 0; i < tokens.length; i += 2) picks.push(i);
    if (picks[picks.length - 1] !== tokens.length - 1) picks.push(tokens.length - 1);
    return picks.map(function (i) { return { code: code(tokens[i]), offset: i }; });
  }

  // The first position where a page holds the run's picked tokens at their offsets, or -1.
  function firstMatch(picks, where, id) {
    var lists = picks.map(function (p) { return where[p.code][id]; });
    if (lists.some(function (l) { return !l; })) return -1;
    var sets = lists.map(function (l) { return new Set(l); });
    var starts = lists[0].slice().sort(function (x, y) { return x - y; });
    for (var i = 0; i < starts.length; i++) {
      var at = starts[i] - picks[0].offset;
      if (picks.every(function (p, j) { return sets[j].has(at + p.offset); })) return at;
    }
    return -1;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The page's own text, as Pagefind keeps it, without the hidden field of codes.
  function pageText(content) {
    var open = content.indexOf(FIELD_MARK);
    var close = open >= 0 ? content.indexOf(FIELD_MARK, open + 1) : -1;
    if (close >= 0) content = content.slice(0, open) + content.slice(close + 1);
    // Pagefind ends a block (a subheading) that has no final punctuation with ". ": not Chinese text.
    var text = content.replace(/\u200b/g, "");
    return text.replace(new RegExp("([" + CJK + "])\\.(?= |$)", "gu"), "$1").replace(/\s+/g, " ").trim();
  }

  // Where the query's runs occur in the text: [start, end) pairs in the text's own characters.
  function matches(text, runs) {
    var norm = "";
    var at = [];  // at[i]: the text index of norm's i-th character
    for (var i = 0; i < text.length; i++) {
      var cp = text.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      var n = normal(ch);
      for (var k = 0; k < n.length; k++) { norm += n[k]; at.push(i); }
      if (cp > 0xffff) i++;
    }
    at.push(text.length);
    var found = [];
    runs.forEach(function (run) {
      for (var from = norm.indexOf(run); from >= 0; from = norm.indexOf(run, from + 1)) {
        found.push([at[from], at[from + run.length]]);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }

  // An excerpt of the real text around the first match after the title, matches marked.
  function excerpt(text, title, runs) {
    var found = matches(text, runs);
    var at = text.indexOf(title);
    var body = at >= 0 ? at + title.length : 0;
    var first = found.filter(function (m) { return m[0] >= body; })[0] || found[0];
    // The headline is shown above the excerpt: a match in the text is shown from the text only.
    var start = first ? Math.max(first[0] >= body ? body : 0, first[0] - EXCERPT) : body;
    while (text[start] === " ") start++;
    var end = Math.min(text.length, (first ? first[1] : 0) + EXCERPT);
    var html = start > 0 ? "…" : "";
    var pos = start;
    found.forEach(function (m) {
      if (m[0] < pos || m[1] > end) return;
      html += escapeHtml(text.slice(pos, m[0])) + "<mark>" + escapeHtml(text.slice(m[0], m[1])) + "</mark>";
      pos = m[1];
    });
    return html + escapeHtml(text.slice(pos, end)) + (end < text.length ? "…" : "");
  }

  window.digestSearchText = {
    FIELD_MARK: FIELD_MARK, TITLE_SLOTS: TITLE_SLOTS, code: code, segments: segments,
    picked: picked, firstMatch: firstMatch, pageText: pageText, matches: matches, excerpt: excerpt,
  };
})();
