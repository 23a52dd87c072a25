// The search box's reader of Pagefind's index, for the code words of the hidden field.
//
// A query of Chinese pairs asks Pagefind for a few code words, each an exact word. Pagefind's
// script and WebAssembly (114 kB) answer that at a cost that grows with the square of the
// pages holding a word (its search compares every page found with every page of the word):
// a third of a second for a pair held by 4,000 of 10,000 articles. Reading the same files
// directly is a table lookup: the word list (pf_meta: pages, index chunks, sort orders),
// the chunk holding the word, and the fragments of the results shown. Used by
// digest-search.js; when these files cannot be read (another Pagefind version, a browser
// without DecompressionStream), the box asks Pagefind itself, as it does for a lone character.
(function () {
  "use strict";
  var SIGNATURE = "pagefind_dcd";  // opens every decompressed Pagefind file
  var VERSION = /^1\.5\./;  // the Pagefind whose files are read (builder/requirements: pagefind 1.5.x)
  // Pagefind's default ranking (BM25 with these parameters), so the order is the one it gives
  var K1 = 1.4;  // termSaturation
  var B = 0.75;  // pageLength
  var PLAIN = 24;  // the weight of a word of plain text (Pagefind divides the sum of weights by it)
  var FIRST = 25;  // the weight Pagefind reads a page's positions with until one changes it
  var LENGTH_BONUS = Math.exp(Math.exp(-0.125) - 1);  // Pagefind's bonus for a word of the term's own length

  function gunzip(buffer) {
    var stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  // A Pagefind file: gzip of the signature and the data.
  function load(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.arrayBuffer();
    }).then(gunzip).then(function (bytes) {
      for (var i = 0; i < SIGNATURE.length; i++) {
        if (bytes[i] !== SIGNATURE.charCodeAt(i)) throw new Error(url + ": not a Pagefind file");
      }
      return bytes.subarray(SIGNATURE.length);
    });
  }

  // CBOR as Pagefind writes it: integers, strings, arrays (of known length or ended by 0xff).
  function decode(bytes) {
    var pos = 0;
    var text = new TextDecoder();
    function argument(info) {
      if (info < 24) return info;
      var size = 1 << (info - 24);  // 24..27: 1, 2, 4, 8 bytes
      if (size > 8) throw new Error("CBOR: argument " + info);
      var n = 0;
      for (var i = 0; i < size; i++) n = n * 256 + bytes[pos++];
      return n;
    }
    function string(n) {
      var s = bytes.subarray(pos, pos + n);
      pos += n;
      for (var i = 0; i < s.length; i++) if (s[i] > 127) return text.decode(s);
      return String.fromCharCode.apply(null, s);
    }
    function item() {
      var head = bytes[pos++];
      var type = head >> 5;
      var info = head & 31;
      if (type === 4 && info === 31) {
        var open = [];
        while (bytes[pos] !== 0xff) open.push(item());
        pos++;
        return open;
      }
      var n = argument(info);
      if (type === 0) return n;
      if (type === 1) return -1 - n;
      if (type === 2 || type === 3) return string(n);
      if (type === 4) {
        var out = new Array(n);
        for (var i = 0; i < n; i++) out[i] = item();
        return out;
      }
      throw new Error("CBOR: type " + type);
    }
    return item();
  }

  function Index(base, meta) {
    if (!VERSION.test(meta[0])) throw new Error("Pagefind " + meta[0] + ": not the version read here");
    this.base = base;
    this.pages = meta[1];  // [hash, word count], by page number
    this.chunks = meta[2];  // [first word, last word, hash]
    this.sorts = {};
    var self = this;
    (meta[4] || []).forEach(function (s) { self.sorts[s[0]] = s[1]; });
    var words = 0;
    this.pages.forEach(function (p) { words += p[1]; });
    this.average = words / Math.max(1, this.pages.length);
    this.loaded = {};
    this.fragments = {};
  }

  // The chunk that holds a word, found as Pagefind finds it: within a chunk's first and last word,
  // else within them cut to the word's length (the boundaries are shortened prefixes).
  Index.prototype.chunkFor = function (word) {
    var c, i;
    for (i = 0; i < this.chunks.length; i++) {
      c = this.chunks[i];
      if (word >= c[0] && word <= c[1]) return c[2];
    }
    for (i = 0; i < this.chunks.length; i++) {
      c = this.chunks[i];
      if (word.slice(0, c[0].length) >= c[0] && word.slice(0, c[1].length) <= c[1]) return c[2];
    }
    return null;
  };

  // The pages holding a word: [[page number step, [position step or weight change, ...], ...], ...].
  Index.prototype.word = function (word) {
    var hash = this.chunkFor(word);
    if (!hash) return Promise.resolve([]);
    if (!this.loaded[hash]) {
      this.loaded[hash] = load(this.base + "index/" + hash + ".pf_index").then(function (bytes) {
        var table = new Map();
        decode(bytes)[0].forEach(function (w) { table.set(w[0], w[1]); });
        return table;
      });
    }
    return this.loaded[hash].then(function (table) { return table.get(word) || []; });
  };

  // A result as Pagefind's script gives one: its id (the page's hash) and its fragment.
  Index.prototype.result = function (page, root) {
    var self = this;
    var hash = this.pages[page][0];
    return {
      id: hash,
      data: function () {
        if (!self.fragments[hash]) {
          self.fragments[hash] = load(self.base + "fragment/" + hash + ".pf_fragment").then(function (bytes) {
            var data = JSON.parse(new TextDecoder().decode(bytes));
            // as Pagefind's script gives it: the address from the site's root, no word breaks
            data.url = (root + "/" + data.url).replace(/\/+/g, "/");
            data.content = (data.content || "").replace(/\u200b/g, "");
            return data;
          });
        }
        return self.fragments[hash];
      },
    };
  };

  // Per code: the pages holding it and its positions there; per page the codes' BM25 scores added
  // (as Pagefind adds its terms'); the pages of the first code, in the order of the sort asked.
  Index.prototype.lookup = function (codes, sort, root) {
    var self = this;
    return Promise.all(codes.map(function (c) { return self.word(c); })).then(function (lists) {
      var where = {};
      var score = {};
      var pages = {};
      lists.forEach(function (list, i) {
        var found = where[codes[i]] = {};
        var idf = Math.log((self.pages.length - list.length + 0.5) / (list.length + 0.5) + 1);
        var page = 0;
        list.forEach(function (entry) {
          page += entry[0];  // page numbers, and positions within a page, are written as steps
          var id = self.pages[page][0];
          var positions = [];
          var weight = FIRST;
          var weighted = 0;
          var at = 0;
          entry[1].forEach(function (loc) {
            if (loc < 0) { weight = -loc - 1; return; }
            at += loc;
            positions.push(at);
            weighted += weight / PLAIN;
          });
          weighted *= LENGTH_BONUS;
          found[id] = positions;
          var length = self.pages[page][1] / self.average;
          score[id] = (score[id] || 0) + idf * (K1 + 1) * weighted / (K1 * (1 - B + B * length) + weighted);
          if (i === 0) pages[id] = page;
        });
      });
      var order = Object.keys(pages).map(function (id) { return pages[id]; });
      var sorted = sort && self.sorts[sort.key];
      if (sorted) {
        var rank = new Map();
        sorted.forEach(function (page, n) { rank.set(page, n); });
        order = order.filter(function (p) { return rank.has(p); })
          .sort(function (a, b) { return sort.desc ? rank.get(b) - rank.get(a) : rank.get(a) - rank.get(b); });
      }
      return {
        where: where, score: score,
        results: order.map(function (p) { return self.result(p, root); }),
      };
    });
  };

  // Opens the index of the page's language at ``base`` (the folder of pagefind.js).
  function open(base) {
    return fetch(base + "pagefind-entry.json").then(function (r) { return r.json(); }).then(function (entry) {
      if (!VERSION.test(entry.version || "")) throw new Error("Pagefind " + entry.version + ": not read here");
      var lang = (document.documentElement.lang || "").toLowerCase();
      var languages = entry.languages || {};
      var key = languages[lang] ? lang : Object.keys(languages)[0];
      return load(base + "pagefind." + languages[key].hash + ".pf_meta").then(function (bytes) {
        return new Index(base, decode(bytes));
      });
    });
  }

  window.digestSearchIndex = { open: open, decode: decode };
})();
