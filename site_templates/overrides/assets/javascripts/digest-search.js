// Material's search box, answered by Pagefind: the index comes in small chunks,
// fetched only when a reader searches, and only those a query needs.
// Words of our dictionary (zone names, domain terms) are searched as whole words
// through their code words (see builder/site/search.py).
(function () {
  "use strict";
  var root = document.querySelector("[data-digest-search]");
  if (!root) return;
  var toggle = document.getElementById("__search");
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector(".md-search__form");
  var result = root.querySelector(".md-search-result");
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var placeholder = meta.textContent;
  var bundle = new URL(root.getAttribute("data-pagefind"), location.href);
  var PAGE = 10;
  var pagefind = null;
  var terms = { words: [], code: {}, word: {} };
  var shown = [];
  var serial = 0;

  function loadTerms() {
    return fetch(new URL("terms.json", bundle).href).then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; }).then(function (table) {
        terms.code = table;
        // Longest first, so 松山湖高新区 is taken before 高新区.
        terms.words = Object.keys(table).sort(function (a, b) { return b.length - a.length; });
        terms.words.forEach(function (w) { terms.word[table[w]] = w; });
      });
  }

  function rewrite(query) {
    terms.words.forEach(function (w) {
      if (query.indexOf(w) >= 0) query = query.split(w).join(" " + terms.code[w] + " ");
    });
    return query.trim();
  }

  function readable(excerpt) {
    return excerpt.replace(/zd[a-z]{8}/g, function (code) {
      var w = terms.word[code];
      return w ? w.replace(/&/g, "&amp;").replace(/</g, "&lt;") : "";
    });
  }

  function load() {
    // Loaded on first use, so a reader who never searches downloads nothing of it.
    if (!pagefind) {
      pagefind = Promise.all([import(bundle.href), loadTerms()]).then(function (loaded) {
        var pf = loaded[0];
        // Result URLs are relative to the site root, wherever the site is published.
        return pf.options({ baseUrl: new URL("..", new URL(".", bundle)).pathname, excerptLength: 40 })
          .then(function () { pf.init(); return pf; });
      });
    }
    return pagefind;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h1 = document.createElement("h1");
    h1.textContent = (data.meta && data.meta.title) || data.url;
    var p = document.createElement("p");
    p.innerHTML = readable(data.excerpt);  // Pagefind escapes the text and adds only <mark>
    article.appendChild(h1);
    article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function more(results, start, ticket) {
    var page = results.slice(start, start + PAGE);
    return Promise.all(page.map(function (r) { return r.data(); })).then(function (datas) {
      if (ticket !== serial) return;
      var old = list.querySelector(".digest-search-more");
      if (old) old.remove();
      datas.forEach(function (d) { list.appendChild(item(d)); });
      if (start + PAGE < results.length) {
        var li = document.createElement("li");
        li.className = "md-search-result__item digest-search-more";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-search-result__more md-typeset";
        button.textContent = "显示更多（还有 " + (results.length - start - PAGE) + " 篇）";
        button.addEventListener("click", function () { more(results, start + PAGE, ticket); });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++serial;
    if (!query) {
      meta.textContent = placeholder;
      list.innerHTML = "";
      return;
    }
    load().then(function (pf) { return pf.debouncedSearch(rewrite(query), {}, 150); }).then(function (found) {
      if (!found || ticket !== serial) return;  // a newer query took over
      shown = found.results;
      list.innerHTML = "";
      meta.textContent = shown.length
        ? result.getAttribute("data-other").replace("#", shown.length)
        : result.getAttribute("data-none");
      return more(shown, 0, ticket);
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", function () {
    toggle.checked = true;  // opens the result overlay, as Material's own search does
    load();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(search, 0); });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
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
})();
