/*
 * sitegen search: the browser half of the client-side search.
 *
 * The index is built by Sources/SearchIndex at build time and shipped as small JavaScript files
 * under search/ that call SitegenSearch.add(...), so it loads with <script> tags and works from
 * file://, at a host's root and under any subpath. This file holds the two interfaces — the
 * header box (an ARIA combobox) and the /search/ page — and loads search-engine.js (tokenizer,
 * stemmer, query engine) the first time it is needed.
 * No libraries; text reaches the page only through textContent and createElement.
 */
(function (global) {
  'use strict';

  // ---------------------------------------------------------------- browser

  /** Where search-engine.js is: next to this script. */
  var engineURL = (function () {
    var script = typeof document !== 'undefined' && document.currentScript;
    var src = script && script.getAttribute('src');
    return src ? src.replace(/search\.js(\?.*)?$/, 'search-engine.js') : null;
  })();

  /**
   * The query engine, loaded on first use: focusing or typing in the header box, or opening the
   * search page. Answers the calls the interfaces make (manifest, search, documents).
   */
  function LazyEngine(url, load) {
    var ready = null;
    function engine() {
      if (!ready) {
        ready = new Promise(function (resolve, reject) {
          if (global.SitegenSearchEngine) { resolve(global.SitegenSearchEngine); return; }
          var script = document.createElement('script');
          script.src = url;
          script.async = true;
          script.onload = function () {
            if (global.SitegenSearchEngine) resolve(global.SitegenSearchEngine);
            else reject(new Error('search engine did not load from ' + url));
          };
          script.onerror = function () { ready = null; reject(new Error('cannot load ' + url)); };
          document.head.appendChild(script);
        }).then(function (api) { return new api.SearchEngine(load); });
      }
      return ready;
    }
    this.manifest = function () { return engine().then(function (e) { return e.manifest(); }); };
    this.search = function (query) { return engine().then(function (e) { return e.search(query); }); };
    this.documents = function (ids, withText) { return engine().then(function (e) { return e.documents(ids, withText); }); };
  }

  var HEADER_RESULTS = 8;
  var PAGE_RESULTS = 20;

  /** Loads search/<key>.js with a <script> tag; the file hands its data to SitegenSearch.add. */
  function scriptLoader(base, registry) {
    var build = '';
    return function (key) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        var query = build && location.protocol !== 'file:' ? '?v=' + encodeURIComponent(build) : '';
        script.src = base + key + '.js' + query;
        script.async = true;
        script.onload = function () {
          script.remove();
          if (!registry.has(key)) { reject(new Error('search index file ' + key + ' is empty')); return; }
          var data = registry.get(key);
          registry.delete(key);
          if (key === 'index' && data && data.build) build = data.build;
          resolve(data);
        };
        script.onerror = function () {
          script.remove();
          reject(new Error('cannot load search index file ' + script.src));
        };
        document.head.appendChild(script);
      });
    };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function quoted(text) { return '\u201c' + text.trim() + '\u201d'; }

  function countText(count, query) {
    return count + (count === 1 ? ' result for ' : ' results for ') + quoted(query);
  }

  /** The header box: an ARIA 1.2 combobox whose listbox shows the top results as you type. */
  function HeaderBox(form, engine, root) {
    this.form = form;
    this.engine = engine;
    this.root = root;
    this.input = form.querySelector('input[name="q"]');
    this.popup = form.querySelector('.search-box__popup');
    this.listbox = form.querySelector('[role="listbox"]');
    this.message = form.querySelector('.search-box__message');
    this.status = form.querySelector('[data-search-status]');
    this.options = [];
    this.active = -1;
    this.sequence = 0;
    var box = this;
    this.input.addEventListener('input', function () { box.update(); });
    this.input.addEventListener('keydown', function (event) { box.keydown(event); });
    this.input.addEventListener('focus', function () {
      engine.manifest().catch(function () {});  // the small manifest loads while the user starts typing
      if (box.input.value.trim() && box.options.length) box.open();
    });
    form.addEventListener('focusout', function (event) {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) box.close();
    });
    form.addEventListener('submit', function (event) {
      if (!box.input.value.trim()) event.preventDefault();
    });
    this.listbox.addEventListener('mousedown', function (event) { event.preventDefault(); });  // keep focus in the box
  }

  HeaderBox.prototype.update = function () {
    var query = this.input.value, sequence = ++this.sequence, box = this;
    if (!query.trim()) { this.render(query, []); return; }
    this.engine.search(query).then(function (found) {
      return box.engine.documents(found.results.slice(0, HEADER_RESULTS)).then(function (docs) {
        if (sequence === box.sequence) box.render(query, docs, found.total, found.clauses.length);
      });
    }).catch(function () {
      if (sequence === box.sequence) box.render(query, null);
    });
  };

  HeaderBox.prototype.render = function (query, docs, total, clauseCount) {
    var box = this;
    this.listbox.textContent = '';
    this.options = [];
    this.setActive(-1);
    if (!query.trim() || (docs && !docs.length && !clauseCount)) {
      this.status.textContent = '';
      this.close();
      return;
    }
    if (docs === null) {
      this.message.textContent = 'Search is not available right now.';
    } else if (!docs.length) {
      this.message.textContent = 'No results for ' + quoted(query);
    } else {
      this.message.textContent = '';
      docs.forEach(function (doc) { box.addOption(box.root + doc.url, doc.title || doc.url, doc.section); });
      var all = this.form.getAttribute('action') + '?q=' + encodeURIComponent(query.trim());
      this.addOption(all, total > docs.length ? 'All ' + total + ' results for ' + quoted(query) : 'Show results for ' + quoted(query), '', true);
    }
    this.message.hidden = !this.message.textContent;
    this.status.textContent = docs === null ? this.message.textContent
      : docs.length ? countText(total, query) + '. Use the up and down arrow keys to choose one.' : this.message.textContent;
    this.open();
  };

  HeaderBox.prototype.addOption = function (href, title, section, isAll) {
    var option = element('li', 'search-box__option' + (isAll ? ' search-box__option--all' : ''));
    option.id = 'search-box-option-' + this.options.length;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    var link = element('a', 'search-box__link');
    link.href = href;
    link.tabIndex = -1;
    link.appendChild(element('span', 'search-box__title', title));
    if (section) link.appendChild(element('span', 'search-box__section', section));
    option.appendChild(link);
    this.listbox.appendChild(option);
    this.options.push(option);
  };

  HeaderBox.prototype.open = function () {
    this.popup.hidden = false;
    this.input.setAttribute('aria-expanded', this.options.length ? 'true' : 'false');
  };

  HeaderBox.prototype.close = function () {
    this.popup.hidden = true;
    this.setActive(-1);
    this.input.setAttribute('aria-expanded', 'false');
  };

  HeaderBox.prototype.isOpen = function () { return !this.popup.hidden; };

  HeaderBox.prototype.setActive = function (index) {
    if (this.active >= 0 && this.options[this.active]) {
      this.options[this.active].setAttribute('aria-selected', 'false');
      this.options[this.active].classList.remove('is-active');
    }
    this.active = index;
    if (index >= 0 && this.options[index]) {
      var option = this.options[index];
      option.setAttribute('aria-selected', 'true');
      option.classList.add('is-active');
      this.input.setAttribute('aria-activedescendant', option.id);
      if (option.scrollIntoView) option.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  };

  HeaderBox.prototype.keydown = function (event) {
    var count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'Down':
        if (!count) return;
        event.preventDefault();
        if (!this.isOpen()) { this.open(); this.setActive(0); return; }
        this.setActive(this.active + 1 >= count ? 0 : this.active + 1);
        return;
      case 'ArrowUp':
      case 'Up':
        if (!count) return;
        event.preventDefault();
        if (!this.isOpen()) { this.open(); this.setActive(count - 1); return; }
        this.setActive(this.active <= 0 ? count - 1 : this.active - 1);
        return;
      case 'Enter':
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          window.location.href = this.options[this.active].querySelector('a').href;
        }
        return;  // otherwise the form submits to the search page
      case 'Escape':
      case 'Esc':
        if (this.isOpen()) { event.preventDefault(); this.close(); } else if (this.input.value) { event.preventDefault(); this.input.value = ''; this.update(); }
        return;
      default:
    }
  };

  /** The /search/ page: results for ?q= with snippets, kept in step with its own box. */
  function SearchPage(container, engine, root) {
    this.engine = engine;
    this.root = root;
    this.form = container.querySelector('[data-search-page-form]');
    this.input = container.querySelector('input[name="q"]');
    this.status = container.querySelector('[data-search-status]');
    this.list = container.querySelector('[data-search-results]');
    this.more = container.querySelector('[data-search-more]');
    this.sequence = 0;
    var page = this, timer = 0;
    var query = new URLSearchParams(window.location.search).get('q') || '';
    this.input.value = query;
    this.form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      page.run(page.input.value, true);
    });
    this.input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { page.run(page.input.value, true); }, 150);
    });
    this.more.addEventListener('click', function () { page.showMore(); });
    this.run(query, false);
  }

  SearchPage.prototype.run = function (query, remember) {
    var page = this, sequence = ++this.sequence;
    if (remember) {
      try {
        var url = new URL(window.location.href);
        if (query.trim()) url.searchParams.set('q', query.trim()); else url.searchParams.delete('q');
        window.history.replaceState(null, '', url.href);
      } catch (error) { /* file:// may refuse; the results still show */ }
    }
    this.list.textContent = '';
    this.more.hidden = true;
    if (!query.trim()) { this.status.textContent = ''; return; }
    this.status.textContent = 'Searching\u2026';
    this.engine.search(query).then(function (found) {
      if (sequence !== page.sequence) return;
      page.found = found;
      page.query = query;
      page.shown = 0;
      if (!found.total) { page.status.textContent = 'No results for ' + quoted(query); return; }
      page.status.textContent = countText(found.total, query);
      return page.showMore();
    }).catch(function () {
      if (sequence === page.sequence) page.status.textContent = 'Search is not available right now.';
    });
  };

  SearchPage.prototype.showMore = function () {
    var page = this, sequence = this.sequence, found = this.found;
    var ids = found.results.slice(this.shown, this.shown + PAGE_RESULTS);
    this.shown += ids.length;
    return this.engine.documents(ids, true).then(function (docs) {
      if (sequence !== page.sequence) return;
      docs.forEach(function (doc) { page.list.appendChild(page.item(doc, found.matchedTerms)); });
      page.more.hidden = page.shown >= found.total;
    });
  };

  SearchPage.prototype.item = function (doc, matchedTerms) {
    var item = element('li', 'search-result');
    var heading = element('h2', 'search-result__title');
    var link = element('a', 'search-result__link', doc.title || doc.url);
    link.href = this.root + doc.url;
    heading.appendChild(link);
    item.appendChild(heading);
    if (doc.section) item.appendChild(element('p', 'search-result__section', doc.section));
    var snippetNode = element('p', 'search-result__snippet');
    global.SitegenSearchEngine.snippet(doc.text, matchedTerms).forEach(function (segment) {
      snippetNode.appendChild(segment.mark ? element('mark', '', segment.text) : document.createTextNode(segment.text));
    });
    if (doc.text) item.appendChild(snippetNode);
    return item;
  };

  function start() {
    var boxes = document.querySelectorAll('form[data-search-box]');
    var page = document.querySelector('[data-search-page]');
    var holder = page || boxes[0];
    if (!holder) return;
    var root = holder.getAttribute('data-search-root') || './';
    var registry = new Map();
    global.SitegenSearch = { add: function (key, data) { registry.set(key, data); } };
    var engine = new LazyEngine(engineURL, scriptLoader(root + 'search/', registry));
    // A small API for other scripts: SitegenSearch.search('query', 10) resolves to
    // {total, results: [{url, title, section}]} with URLs relative to this page.
    global.SitegenSearch.search = function (query, limit) {
      return engine.search(query).then(function (found) {
        return engine.documents(found.results.slice(0, limit || 10)).then(function (docs) {
          return {
            total: found.total,
            results: docs.map(function (doc) { return { url: root + doc.url, title: doc.title, section: doc.section }; })
          };
        });
      });
    };
    Array.prototype.forEach.call(boxes, function (form) { new HeaderBox(form, engine, root); });
    if (page) new SearchPage(page, engine, root);
  }

  if (typeof document !== 'undefined' && !global.SitegenSearch) {
    global.SitegenSearch = { add: function () {} };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  }
})(typeof window !== 'undefined' ? window : globalThis);
