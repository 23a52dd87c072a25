// Material's search box, answered by Pagefind: the index comes in small chunks,
// fetched only when a reader searches, and only those a query needs.
//
// Chinese is searched as Lucene's CJK analyzer does (see builder/site/search.py and
// digest-search-text.js, which cuts the query and reads the pages' text):
// every two adjacent Chinese characters of an article are one token, indexed
// under an ASCII code word in a hidden field; a query is cut the same way and
// asked as exact phrases of code words, so any string of two or more Chinese
// characters finds exactly the articles that contain it. The code of a token
// is computed here from the query itself (FNV-1a over UTF-16 code units, six
// letters): no table to download. Latin words and numbers are tokens too.
(function () {
  "use strict";
  var root = document.querySelector("[data-digest-search]");
  if (!root) return;

  var T = window.digestSearchText;
  var code = T.code, segments = T.segments, picked = T.picked, firstMatch = T.firstMatch;
  var pageText = T.pageText, matches = T.matches, excerpt = T.excerpt, TITLE_SLOTS = T.TITLE_SLOTS;

  var toggle = document.getElementById("__search");
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector(".md-search__form");
  var result = root.querySelector(".md-search-result");
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var filters = root.querySelector("[data-digest-filters]");
  var placeholder = meta.textContent;
  var bundle = new URL(root.getAttribute("data-pagefind"), location.href);
  // Results shown first, and then at each "more": every one shown fetches its fragment (the page's
  // text, about 2.5 kB), so the first search shows five, as Pagefind's own interface does.
  var FIRST = 5;
  var PAGE = 10;
  var pagefind = null;
  var pinyin = null;
  var serial = 0;

  // The site's root, which the results' addresses are relative to, wherever the site is published.
  var siteRoot = new URL("..", new URL(".", bundle)).pathname;
  var index = null;

  // Pagefind itself: for a lone character, or where the box cannot read its files.
  function load() {
    // Loaded on first use, so a reader who never searches downloads nothing of it.
    if (!pagefind) {
      pagefind = import(bundle.href).then(function (pf) {
        // No web worker: searching these small chunks takes milliseconds, and its script is 41 kB more.
        return pf.options({ baseUrl: siteRoot, noWorker: true })
          .then(function () { pf.init(); return pf; });
      });
    }
    return pagefind;
  }

  // The box's reader of Pagefind's index (digest-search-index.js), opened when a reader comes to
  // the box; null when it cannot read these files.
  function openIndex() {
    if (!index) {
      index = Promise.resolve().then(function () { return window.digestSearchIndex.open(new URL(".", bundle).href); })
        .catch(function () { return null; });
    }
    return index;
  }

  // Place names typed in pinyin (hengyang, heng yang): a small table built from the gazetteer,
  // fetched only when a query has Latin letters.
  function loadPinyin() {
    if (!pinyin) {
      pinyin = fetch(new URL("pinyin.json", bundle).href)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return pinyin;
  }

  // The query as one or more Chinese queries: runs of pinyin syllables that spell a place
  // name are replaced by that name (each name, when several places read alike).
  function spellings(query, table) {
    var words = query.trim().split(/\s+/);
    var variants = [[]];
    for (var i = 0; i < words.length;) {
      var names = null;
      var j = words.length;
      for (; j > i; j--) {
        var key = words.slice(i, j).join("").toLowerCase();
        if (/^[a-z]+$/.test(key) && table[key]) { names = table[key]; break; }
      }
      if (!names) { names = [words[i]]; j = i + 1; }
      var next = [];
      variants.forEach(function (v) {
        names.forEach(function (n) { if (next.length < 6) next.push(v.concat([n])); });
      });
      variants = next;
      i = j;
    }
    return variants.map(function (v) { return v.join(" "); });
  }

  // The results for one Chinese query: the pages holding every run of the query, ranked by the
  // sum of each code's score (Pagefind's BM25: more mentions first), those with the query in
  // their headline first (unless sorted by date).
  function find(query, options, facets) {
    var runs = segments(query);
    if (!runs.length && query.trim()) {
      // A lone Chinese character (no pair to look up): Pagefind's own words.
      return load().then(function (pf) { return pf.search(query.trim(), options); }).then(function (r) {
        return r.results.length && facets.length ? narrowed(r.results, facets, options) : r.results;
      });
    }
    var picks = runs.map(function (r) { return picked(r.tokens); });
    // A filter's value is a code word every article it selects holds (see builder/site/search.py).
    var codes = facets.map(function (f) { return code(f[0] + ":" + f[1]); });
    var single = {};  // codes asked alone: a run of one token, a filter's value
    codes.forEach(function (c) { single[c] = true; });
    picks.forEach(function (run) {
      if (run.length === 1) single[run[0].code] = true;
      run.forEach(function (p) { if (codes.indexOf(p.code) < 0) codes.push(p.code); });
    });
    return lookup(codes, single, options).then(function (got) {
      var results = [];
      var titled = {};
      // The first code's pages (by date when sorted), kept if they hold every run.
      got.results.forEach(function (r) {
        if (!codes.every(function (c) { return got.where[c][r.id]; })) return;
        var at = picks.map(function (run) { return firstMatch(run, got.where, r.id); });
        if (at.some(function (p) { return p < 0; })) return;
        results.push(r);
        if (at.every(function (p) { return p < TITLE_SLOTS; })) titled[r.id] = true;
      });
      if (options.sort) return results;
      results.sort(function (a, b) { return got.score[b.id] - got.score[a.id]; });
      return results.filter(function (r) { return titled[r.id]; })
        .concat(results.filter(function (r) { return !titled[r.id]; }));
    });
  }

  // Per code: the pages holding it and its positions there ({code: {id: positions}}), each page's
  // score, and the first code's pages as results. From the box's reader of the index, else Pagefind.
  function lookup(codes, single, options) {
    var key = options.sort && Object.keys(options.sort)[0];
    var sort = key ? { key: key, desc: options.sort[key] === "desc" } : null;
    function asPagefind() { return load().then(function (pf) { return pagefindLookup(pf, codes, single, options); }); }
    return openIndex().then(function (ix) {
      return ix ? ix.lookup(codes, sort, siteRoot).catch(asPagefind) : asPagefind();
    });
  }

  // The same from Pagefind's searches. A plain search gives a code's positions and score; it also
  // finds a longer word the code begins, or, when the index lacks the code, the longest word that
  // begins it (a Latin word of the text, such as `a`): so a code asked alone is also asked as an
  // exact search, which finds that word only (a code asked with others must stand at its offset
  // from them, which a word standing in for a missing one does not do). Pagefind's time grows
  // with the square of the pages a search returns: no search of all the codes together is made.
  function pagefindLookup(pf, codes, single, options) {
    return Promise.all(codes.map(function (c) {
      return Promise.all([pf.search(c, options), single[c] ? pf.search('"' + c + '"', options) : null]);
    })).then(function (found) {
      var where = {};
      var score = {};
      codes.forEach(function (c, i) {
        var holds = null;
        if (found[i][1]) {
          holds = {};
          found[i][1].results.forEach(function (r) { holds[r.id] = true; });
        }
        where[c] = {};
        found[i][0].results.forEach(function (r) {
          if (holds && !holds[r.id]) return;
          where[c][r.id] = r.words;
          score[r.id] = (score[r.id] || 0) + r.score;
        });
      });
      return { where: where, score: score, results: found[0][0].results };
    });
  }

  // Results of Pagefind's own words kept to those holding every filter's code.
  function narrowed(results, facets, options) {
    return find("", options, facets).then(function (selected) {
      var ids = {};
      selected.forEach(function (r) { ids[r.id] = true; });
      return results.filter(function (r) { return ids[r.id]; });
    });
  }

  // The filters chosen ([name, value] pairs) and Pagefind's options (the sort).
  function chosen() {
    var out = { facets: [], options: {} };
    if (!filters) return out;
    filters.querySelectorAll("select[data-filter]").forEach(function (s) {
      if (s.value) out.facets.push([s.getAttribute("data-filter"), s.value]);
    });
    var sort = filters.querySelector("select[data-sort]");
    if (sort && sort.value) out.options.sort = { date: sort.value };
    return out;
  }

  // A result as a list item, or null when its text holds none of the query's readings
  // in full (two tokens whose codes collide): such a result is not shown.
  function item(data, readings) {
    var title = (data.meta && data.meta.title) || data.url;
    var text = pageText(data.content || "");
    var held = readings.filter(function (runs) {
      return runs.every(function (run) { return matches(text, [run]).length; });
    });
    if (readings.length && !held.length) return null;
    var shown = excerpt(text, title, [].concat.apply([], held));
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h1 = document.createElement("h1");
    h1.textContent = title;
    var p = document.createElement("p");
    p.innerHTML = shown;  // built from escaped text and <mark> only
    article.appendChild(h1);
    article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function announce(count) {
    meta.textContent = count
      ? result.getAttribute("data-other").replace("#", count)
      : result.getAttribute("data-none");
  }

  // Shows the next page of results; a result whose text turns out not to hold the query
  // (two codes that collide) is dropped and the count corrected.
  function more(state, ticket) {
    var page = state.results.slice(state.next, state.next + (state.next ? PAGE : FIRST));
    state.next += page.length;
    return Promise.all(page.map(function (r) { return r.data(); })).then(function (datas) {
      if (ticket !== serial) return;
      var old = list.querySelector(".digest-search-more");
      if (old) old.remove();
      var added = 0;
      datas.forEach(function (d) {
        var li = item(d, state.readings);
        if (li) {
          list.appendChild(li);
          added++;
        } else {
          state.count--;
          state.dropped++;
        }
      });
      // A page whose every result was dropped shows nothing: the next is shown instead.
      if (!added && state.next < state.results.length) return more(state, ticket);
      announce(state.count);
      // What is shown, for the browser tests: the query, its search's serial number, how many results were taken.
      root.setAttribute("data-digest-query", state.query);
      root.setAttribute("data-digest-serial", String(ticket));
      root.setAttribute("data-digest-shown", String(state.next));
      root.setAttribute("data-digest-dropped", String(state.dropped));
      var left = state.results.length - state.next;
      if (left > 0) {
        var li = document.createElement("li");
        li.className = "md-search-result__item digest-search-more";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-search-result__more md-typeset";
        button.textContent = "显示更多（还有 " + left + " 篇）";
        button.addEventListener("click", function () {
          var first = links().length - 1;  // the first new result takes the button's place
          more(state, ticket).then(function () { focusResult(first); });
        });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  function search() {
    var query = input.value.trim();
    var asked = chosen();
    var options = asked.options;
    var ticket = ++serial;
    if (!query && !asked.facets.length) {
      meta.textContent = placeholder;
      list.innerHTML = "";
      return Promise.resolve();
    }
    var tables = /[a-z]/i.test(query) ? loadPinyin() : Promise.resolve({});
    return tables.then(function (table) {
      var variants = query ? spellings(query, table) : [""];
      return Promise.all(variants.map(function (v) { return find(v, options, asked.facets); }))
        .then(function (lists) {
          if (ticket !== serial) return;  // a newer query took over
          var seen = {};
          var results = [];
          lists.forEach(function (l) { l.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; results.push(r); } }); });
          // What each reading asks for, as the text must hold it (a lone character asks nothing).
          var readingRuns = variants.map(function (v) {
            return segments(v).map(function (r) { return r.text; });
          }).filter(function (runs) { return runs.length; });
          list.innerHTML = "";
          var state = { results: results, next: 0, count: results.length, readings: readingRuns, query: query, dropped: 0 };
          return more(state, ticket);
        });
    });
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  // ---- Keyboard: ↑/↓ move through results, Enter opens, Esc closes ---------------
  function links() { return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link, .md-search-result__more")); }

  function focusResult(i) {
    var all = links();
    if (!all.length) return;
    all[Math.max(0, Math.min(all.length - 1, i))].focus();
  }

  root.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var all = links();
    if (!all.length) return;
    var i = all.indexOf(document.activeElement);
    e.preventDefault();
    if (e.key === "ArrowDown") focusResult(i + 1);
    else if (i <= 0) input.focus();
    else focusResult(i - 1);
  });

  var later = debounce(search, 150);
  input.addEventListener("input", later);
  input.addEventListener("focus", function () {
    toggle.checked = true;  // opens the result overlay, as Material's own search does
    openIndex();
  });
  form.addEventListener("submit", function (e) {
    // Enter in the box opens the first result, as in Material's own search.
    e.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", function () { setTimeout(search, 0); });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });

  if (filters) {
    // The lists of provinces, zones and themes (filters.json, written beside the index),
    // loaded when a reader opens the panel.
    filters.addEventListener("toggle", function () {
      if (!filters.open || filters.getAttribute("data-loaded")) return;
      filters.setAttribute("data-loaded", "1");
      fetch(new URL("filters.json", bundle).href).then(function (r) { return r.ok ? r.json() : {}; }).then(function (all) {
        filters.querySelectorAll("select[data-filter]").forEach(function (s) {
          (all[s.getAttribute("data-filter")] || []).forEach(function (v) {
            var o = document.createElement("option");
            o.value = v;
            o.textContent = v;
            s.appendChild(o);
          });
        });
      });
    });
    filters.addEventListener("change", function () { search(); });
  }

  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if (!typing && (e.key === "/" || e.key === "s") && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });

  // For the browser tests: the tokens and codes computed here, to compare with the builder's.
  window.digestSearchCodes = function (text) {
    return segments(text).map(function (s) { return s.tokens.map(code); });
  };
})();
