/*
 * sitegen search engine: the tokenizer (the same terms as the Swift tokenizer, pinned by
 * Tests/Fixtures/search-vectors.json), the Porter2 stemmer, the query engine over the index
 * files under search/, and snippets. search.js loads this file the first time someone searches,
 * so pages that are only read carry a small script. No libraries.
 */
(function (global) {
  'use strict';

  // ---------------------------------------------------------------- tokenizer

  var MAX_WORD = 64;
  var STOP_WORDS = new Set(('a an and are as at be been but by for from had has have he her his i if in into ' +
    'is it its of on or our she so such than that the their them then there these they this those to was we ' +
    'were which will with you your').split(' '));
  var LETTER_FOLDS = {
    '\u00df': 'ss', '\u03c2': '\u03c3', '\u00e6': 'ae', '\u0153': 'oe', '\u00f8': 'o', '\u0111': 'd',
    '\u00f0': 'd', '\u0127': 'h', '\u0131': 'i', '\u0142': 'l', '\u00fe': 'th', '\u2019': "'", '\u02bc': "'",
    '\u1c80': '\u0432', '\u1c81': '\u0434', '\u1c82': '\u043e', '\u1c83': '\u0441', '\u1c84': '\u0442',
    '\u1c85': '\u0442', '\u1c86': '\u044a', '\u1c87': '\u0463', '\u1c88': '\ua64b'
  };
  var LETTER_FOLD_RE = /[\u00df\u03c2\u00e6\u0153\u00f8\u0111\u00f0\u0127\u0131\u0142\u00fe\u2019\u02bc\u1c80-\u1c88]/g;
  // The combining diacritical marks (TextFolding.isDiacritic in Swift).
  var DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
  var MARK = /^\p{M}$/u;
  var CJK_RANGES = [0x1100, 0x11FF, 0x2E80, 0x2FDF, 0x3005, 0x3007, 0x3021, 0x3029, 0x3038, 0x303B,
    0x3040, 0x309F, 0x30A0, 0x30FF, 0x3130, 0x318F, 0x31F0, 0x31FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF,
    0xA960, 0xA97F, 0xAC00, 0xD7FF, 0xF900, 0xFAFF, 0xFF66, 0xFF9F, 0x20000, 0x3FFFF];
  var IGNORABLE_RANGES = [0x00AD, 0x00AD, 0x200C, 0x200D, 0x2060, 0x2060, 0xFEFF, 0xFEFF, 0xFE00, 0xFE0F,
    0xE0100, 0xE01EF];
  var WORD = 1, CJK = 2, MARK_CLASS = 3, IGNORABLE = 4, APOSTROPHE = 5, SEPARATOR = 6;

  function inRanges(ranges, cp) {
    for (var i = 0; i < ranges.length; i += 2) if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
    return false;
  }

  /** The class of one code point of folded text (ScalarClass in Swift). */
  function classify(ch) {
    var cp = ch.codePointAt(0);
    if (cp < 0x80) {
      if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return WORD;
      return cp === 39 ? APOSTROPHE : SEPARATOR;
    }
    if (inRanges(CJK_RANGES, cp)) return CJK;
    if (inRanges(IGNORABLE_RANGES, cp)) return IGNORABLE;
    if (LETTER_OR_NUMBER.test(ch)) return WORD;
    return MARK.test(ch) ? MARK_CLASS : SEPARATOR;
  }

  /** NFKD, lowercase, drop the diacritics, NFC, then the letter folds (TextFolding in Swift). */
  function fold(text) {
    return text.normalize('NFKD').toLowerCase().replace(DIACRITICS, '').normalize('NFC')
      .replace(LETTER_FOLD_RE, function (c) { return LETTER_FOLDS[c]; });
  }

  /**
   * Splits text into pieces: {kind: 'word', text, length} (length in code points, apostrophes
   * inside) and {kind: 'cjk', chars: [...]} runs, with start/end offsets into the folded text.
   */
  function pieces(folded) {
    var out = [];
    var word = '', wordLength = 0, wordStart = 0, pending = false, cjk = [], cjkStart = 0;
    var offset = 0;
    function flushWord() {
      if (wordLength > 0) out.push({ kind: 'word', text: word, length: wordLength, start: wordStart });
      word = ''; wordLength = 0; pending = false;
    }
    function flushCJK() {
      if (cjk.length) out.push({ kind: 'cjk', chars: cjk, start: cjkStart });
      cjk = [];
    }
    for (var ch of folded) {
      switch (classify(ch)) {
        case IGNORABLE: break;
        case MARK_CLASS:
          if (wordLength > 0 && !pending) { word += ch; wordLength++; }
          break;
        case WORD:
          flushCJK();
          if (wordLength === 0) wordStart = offset;
          if (pending) { word += "'"; wordLength++; pending = false; }
          word += ch; wordLength++;
          break;
        case APOSTROPHE:
          if (wordLength > 0 && !pending) pending = true; else flushWord();
          break;
        case CJK:
          flushWord();
          if (!cjk.length) cjkStart = offset;
          cjk.push(ch);
          break;
        default:
          flushWord(); flushCJK();
      }
      offset += ch.length;
    }
    flushWord(); flushCJK();
    return out;
  }

  /** The term of one word, or null when it is a stop word or too long. */
  function wordTerm(word, length) {
    if (length > MAX_WORD) return null;
    var plain = word.replace(/'/g, '');
    if (STOP_WORDS.has(plain)) return null;
    if (/^[a-z0-9']+$/.test(word)) return stem(word).replace(/'/g, '') || null;
    return plain || null;
  }

  /** Overlapping bigrams of a CJK run, or the character itself when it stands alone. */
  function bigrams(chars) {
    if (chars.length === 1) return [chars[0]];
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  /** The index terms of text, in order (Tokenizer.tokens in Swift). */
  function tokens(text) {
    var out = [];
    pieces(fold(text)).forEach(function (piece) {
      if (piece.kind === 'cjk') { out.push.apply(out, bigrams(piece.chars)); return; }
      var term = wordTerm(piece.text, piece.length);
      if (term) out.push(term);
    });
    return out;
  }

  // ---------------------------------------------------------------- Porter2 stemmer

  // Written from the Snowball English algorithm (english.sbl, revision of October 2025, with the
  // "inter" exception to R1), step for step as Sources/SearchIndex/Porter2Stemmer.swift.
  var STEM_EXCEPTIONS = {
    skis: 'ski', skies: 'sky', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli',
    singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias',
    andes: 'andes'
  };
  var REGION_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ', 'inter'];
  var STEP2 = [['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'],
    ['izer', 'ize'], ['ization', 'ize'], ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'],
    ['alism', 'al'], ['aliti', 'al'], ['alli', 'al'], ['fulness', 'ful'], ['ousli', 'ous'],
    ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'], ['biliti', 'ble'], ['bli', 'ble'],
    ['ogist', 'og'], ['ogi', 'og?'], ['fulli', 'ful'], ['lessli', 'less'], ['li', 'li?']];
  var STEP3 = [['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
    ['ical', 'ic'], ['ful', ''], ['ness', ''], ['ative', 'R2?']];
  var STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate',
    'iti', 'ous', 'ive', 'ize', 'ion'];

  function isVowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'; }
  function isVowelWXY(c) { return isVowel(c) || c === 'w' || c === 'x' || c === 'Y'; }
  function afterVowelThenConsonant(w, i) {
    while (i < w.length && !isVowel(w[i])) i++;
    if (i >= w.length) return -1;
    i++;
    while (i < w.length && isVowel(w[i])) i++;
    return i >= w.length ? -1 : i + 1;
  }
  function longestSuffix(w, list) {
    var best = null;
    for (var i = 0; i < list.length; i++) {
      var s = typeof list[i] === 'string' ? list[i] : list[i][0];
      if (w.endsWith(s) && (best === null || s.length > best[0].length)) best = typeof list[i] === 'string' ? [s] : list[i];
    }
    return best;
  }
  function hasVowelBefore(w, end) {
    for (var i = 0; i < end; i++) if (isVowel(w[i])) return true;
    return false;
  }
  function shortSyllableAt(w, e) {
    if (e >= 3 && !isVowelWXY(w[e - 1]) && isVowel(w[e - 2]) && !isVowel(w[e - 3])) return true;
    if (e === 2 && !isVowel(w[1]) && isVowel(w[0])) return true;
    return e >= 4 && w.slice(e - 4, e) === 'past';
  }

  /** Porter2 stem of a lowercase ASCII word; other words come back unchanged. */
  function stem(word) {
    if (!/^[a-z0-9']*$/.test(word)) return word;
    if (Object.prototype.hasOwnProperty.call(STEM_EXCEPTIONS, word)) return STEM_EXCEPTIONS[word];
    if (word.length < 3) return word;
    var w = word[0] === "'" ? word.slice(1) : word;
    // Prelude: initial y and y after a vowel are consonants (Y).
    var chars = w.split('');
    if (chars[0] === 'y') chars[0] = 'Y';
    for (var i = 1; i < chars.length; i++) if (chars[i] === 'y' && isVowel(chars[i - 1])) chars[i] = 'Y';
    w = chars.join('');
    var r1 = -1, r2;
    for (i = 0; i < REGION_PREFIXES.length; i++) {
      if (w.startsWith(REGION_PREFIXES[i])) { r1 = REGION_PREFIXES[i].length; break; }
    }
    if (r1 < 0) r1 = afterVowelThenConsonant(w, 0);
    if (r1 < 0) { r1 = w.length; r2 = w.length; } else {
      r2 = afterVowelThenConsonant(w, r1);
      if (r2 < 0) r2 = w.length;
    }
    var m, start;
    // Step 1a
    m = longestSuffix(w, ["'", "'s", "'s'"]);
    if (m) w = w.slice(0, w.length - m[0].length);
    m = longestSuffix(w, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
    if (m) {
      start = w.length - m[0].length;
      if (m[0] === 'sses') w = w.slice(0, start) + 'ss';
      else if (m[0] === 'ied' || m[0] === 'ies') w = w.slice(0, start) + (start >= 2 ? 'i' : 'ie');
      else if (m[0] === 's' && start >= 1 && hasVowelBefore(w, start - 1)) w = w.slice(0, start);
    }
    // Step 1b
    w = stepOneB(w, r1);
    // Step 1c
    var n = w.length;
    if (n >= 3 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !isVowel(w[n - 2])) w = w.slice(0, n - 1) + 'i';
    // Step 2
    m = longestSuffix(w, STEP2);
    if (m && (start = w.length - m[0].length) >= r1) {
      if (m[1] === 'og?') { if (start >= 1 && w[start - 1] === 'l') w = w.slice(0, start) + 'og'; }
      else if (m[1] === 'li?') { if (start >= 1 && 'cdeghkmnrt'.indexOf(w[start - 1]) >= 0) w = w.slice(0, start); }
      else w = w.slice(0, start) + m[1];
    }
    // Step 3
    m = longestSuffix(w, STEP3);
    if (m && (start = w.length - m[0].length) >= r1) {
      if (m[1] === 'R2?') { if (start >= r2) w = w.slice(0, start); }
      else w = w.slice(0, start) + m[1];
    }
    // Step 4
    m = longestSuffix(w, STEP4);
    if (m && (start = w.length - m[0].length) >= r2) {
      if (m[0] !== 'ion' || (start >= 1 && (w[start - 1] === 's' || w[start - 1] === 't'))) w = w.slice(0, start);
    }
    // Step 5
    start = w.length - 1;
    if (w[start] === 'e') {
      if (start >= r2 || (start >= r1 && !shortSyllableAt(w, start))) w = w.slice(0, start);
    } else if (w[start] === 'l') {
      if (start >= r2 && start >= 1 && w[start - 1] === 'l') w = w.slice(0, start);
    }
    return w.replace(/Y/g, 'y');
  }

  function stepOneB(w, r1) {
    var m = longestSuffix(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
    if (!m) return w;
    var suffix = m[0], start = w.length - suffix.length, stemPart = w.slice(0, start);
    if (suffix === 'eed' || suffix === 'eedly') {
      if (stemPart === 'proc' || stemPart === 'exc' || stemPart === 'succ') return w;
      return start >= r1 ? stemPart + 'ee' : w;
    }
    if (suffix === 'ing') {
      if (start === 2 && stemPart[1] === 'y' && !isVowel(stemPart[0])) return stemPart[0] + 'ie';
      if (['inn', 'out', 'cann', 'herr', 'earr', 'even'].indexOf(stemPart) >= 0) return w;
    }
    if (!hasVowelBefore(w, start)) return w;
    w = stemPart;
    var end2 = w.slice(-2);
    if (end2 === 'at' || end2 === 'bl' || end2 === 'iz') return w + 'e';
    if (w.length >= 2 && end2[0] === end2[1] && 'bdfgmnprt'.indexOf(end2[0]) >= 0) {
      return (w.length === 3 && 'aeo'.indexOf(w[0]) >= 0) ? w : w.slice(0, -1);
    }
    return (w.length === r1 && shortSyllableAt(w, w.length)) ? w + 'e' : w;
  }


  // ---------------------------------------------------------------- queries

  // Endings that stemming may strip: a query's last word that is a stem plus the start of one of
  // these ("chongqi", "manufacturin") still matches that stem while it is being typed.
  var TAIL_PREFIXES = (function () {
    var tails = ('ing ings ingly ed edly es s e er ers est ly ness ful fully fulness ation ations ational ' +
      'ization izations isation isations ement ements ment ments ent al ally ance ances ence ences ic ical ' +
      'ically able ably ible ibly ant ants ism isms ist ists ate ated ates ating ity ities ous ously ive ' +
      'ively iveness ize ized izes izing ise ised ises ising ion ions less lessly y ies ied ier iest').split(' ');
    var set = new Set();
    tails.forEach(function (tail) { for (var i = 1; i <= tail.length; i++) set.add(tail.slice(0, i)); });
    return set;
  })();
  var LONGEST_TAIL = 8;

  /**
   * The clauses of a query: every term must match. The last one is a prefix while the query
   * ends inside a word (the user may still be typing it). Stop words are dropped, except a last
   * word typed alone ("the" may become "theme").
   */
  function parseQuery(text) {
    var folded = fold(text);
    var list = pieces(folded);
    var lastChar = Array.from(folded).pop();
    var open = lastChar !== undefined && [WORD, CJK, MARK_CLASS].indexOf(classify(lastChar)) >= 0;
    var clauses = [];
    list.forEach(function (piece, index) {
      var last = index === list.length - 1 && open;
      if (piece.kind === 'cjk') {
        bigrams(piece.chars).forEach(function (term, i, all) {
          clauses.push({ term: term, prefix: last && i === all.length - 1, raw: term });
        });
        return;
      }
      if (piece.length > MAX_WORD) return;
      var plain = piece.text.replace(/'/g, '');
      if (last) {
        if (STOP_WORDS.has(plain) && clauses.length) return;
        if (Array.from(plain).length < 2) return;  // too short to expand yet
        var stemmed = /^[a-z0-9']+$/.test(piece.text) ? stem(piece.text).replace(/'/g, '') : plain;
        clauses.push({ term: stemmed, prefix: true, raw: plain });
        return;
      }
      var term = wordTerm(piece.text, piece.length);
      if (term) clauses.push({ term: term, prefix: false, raw: plain });
    });
    var seen = new Set();
    return clauses.filter(function (clause) {
      var key = clause.term + (clause.prefix ? '*' : '');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Decodes a posting string (PostingCodec in Swift) into [doc, score, doc, score, ...]. */
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT_VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT_VALUE[DIGITS.charCodeAt(d)] = d;
  function decodePostings(text) {
    var out = [], value = 0, shift = 0, doc = 0, count = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT_VALUE[text.charCodeAt(i)];
      if (digit >= 32) { value |= (digit - 32) << shift; shift += 5; continue; }
      value |= digit << shift;
      if (count % 2 === 0) { doc = count === 0 ? value : doc + value; out.push(doc); } else out.push(value);
      count++; value = 0; shift = 0;
    }
    return out;
  }

  /** Index of the shard holding `term`: the last boundary <= term. */
  function shardOf(boundaries, term) {
    var lo = 0, hi = boundaries.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (boundaries[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** Shards that may hold terms starting with `prefix`. */
  function shardsWithPrefix(boundaries, prefix) {
    var first = shardOf(boundaries, prefix), out = [first];
    for (var i = first + 1; i < boundaries.length && boundaries[i].startsWith(prefix); i++) out.push(i);
    return out;
  }

  /**
   * A search index read through `load(key)`, which returns a promise of the data that the file
   * search/<key>.js passed to SitegenSearch.add (a <script> tag in the browser, a file in tests).
   */
  function SearchEngine(load) {
    this.loadFile = load;
    this.files = new Map();
  }

  SearchEngine.prototype.load = function (key) {
    if (!this.files.has(key)) {
      var promise = this.loadFile(key);
      this.files.set(key, promise);
      var files = this.files;
      promise.catch(function () { files.delete(key); });  // a failed file may be tried again
    }
    return this.files.get(key);
  };

  SearchEngine.prototype.manifest = function () {
    return this.load('index').then(function (manifest) {
      if (!manifest || manifest.version !== 1) throw new Error('search index has an unknown format');
      return manifest;
    });
  };

  /** Loads the term shards `clause` needs and returns Map(doc -> score) of its matches. */
  SearchEngine.prototype.matchClause = function (manifest, clause, matchedTerms) {
    var boundaries = manifest.terms, self = this;
    if (!boundaries.length) return Promise.resolve(new Map());  // an empty site
    var wanted = new Map();  // shard -> [tests]
    function want(shard, test) {
      if (!wanted.has(shard)) wanted.set(shard, []);
      wanted.get(shard).push(test);
    }
    if (!clause.prefix) {
      want(shardOf(boundaries, clause.term), { exact: clause.term, weight: 1 });
    } else {
      var prefixes = [clause.term];
      if (clause.raw !== clause.term) prefixes.push(clause.raw);
      prefixes.forEach(function (prefix) {
        shardsWithPrefix(boundaries, prefix).forEach(function (shard) { want(shard, { prefix: prefix }); });
      });
      var raw = clause.raw;
      for (var length = Math.max(3, raw.length - LONGEST_TAIL); length < raw.length; length++) {
        if (TAIL_PREFIXES.has(raw.slice(length))) {
          want(shardOf(boundaries, raw.slice(0, length)), { exact: raw.slice(0, length), weight: 0.5 });
        }
      }
    }
    var shards = Array.from(wanted.keys());
    return Promise.all(shards.map(function (shard) { return self.load('t/' + shard); })).then(function (loaded) {
      var scores = new Map();
      function addTerm(terms, term, weight) {
        if (!Object.prototype.hasOwnProperty.call(terms, term)) return;
        if (matchedTerms) matchedTerms.add(term);
        var postings = decodePostings(terms[term]);
        for (var i = 0; i < postings.length; i += 2) {
          var score = postings[i + 1] * weight, before = scores.get(postings[i]);
          if (before === undefined || score > before) scores.set(postings[i], score);
        }
      }
      loaded.forEach(function (terms, i) {
        wanted.get(shards[i]).forEach(function (test) {
          if (test.exact !== undefined) { addTerm(terms, test.exact, test.weight); return; }
          Object.keys(terms).forEach(function (term) {
            if (term.startsWith(test.prefix)) addTerm(terms, term, term === clause.term ? 1 : 0.8);
          });
        });
      });
      return scores;
    });
  };

  /**
   * Runs a query: resolves to {clauses, total, results: [doc ids best first], matchedTerms}.
   * Every clause must match; a document's score is the sum of its clauses' scores.
   */
  SearchEngine.prototype.search = function (text) {
    var clauses = parseQuery(text), self = this, matchedTerms = new Set();
    if (!clauses.length) return Promise.resolve({ clauses: clauses, total: 0, results: [], matchedTerms: matchedTerms });
    return this.manifest().then(function (manifest) {
      return Promise.all(clauses.map(function (clause) { return self.matchClause(manifest, clause, matchedTerms); }));
    }).then(function (perClause) {
      perClause.sort(function (a, b) { return a.size - b.size; });
      var results = [];
      perClause[0].forEach(function (score, doc) {
        for (var i = 1; i < perClause.length; i++) {
          var other = perClause[i].get(doc);
          if (other === undefined) return;
          score += other;
        }
        results.push([doc, score]);
      });
      results.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return {
        clauses: clauses, total: results.length, matchedTerms: matchedTerms,
        results: results.map(function (r) { return r[0]; }), scores: results.map(function (r) { return r[1]; })
      };
    });
  };

  /** Title, URL and section of documents, in the order given. */
  SearchEngine.prototype.documents = function (ids, withText) {
    var self = this;
    return this.manifest().then(function (manifest) {
      return Promise.all(ids.map(function (id) {
        var meta = self.load('d/' + Math.floor(id / manifest.metadataShard));
        var text = withText ? self.load('x/' + Math.floor(id / manifest.textShard)) : Promise.resolve(null);
        return Promise.all([meta, text]).then(function (files) {
          var row = files[0][id % manifest.metadataShard];
          return {
            id: id, url: row[0], title: row[1], section: manifest.sections[row[2]] || '',
            text: files[1] ? files[1][id % manifest.textShard] : ''
          };
        });
      }));
    });
  };

  // ---------------------------------------------------------------- snippets

  /**
   * A window of `text` around the densest cluster of matches: [{text, mark}] segments, with
   * "…" where the text was cut. A word matches when its term is in `matchedTerms`.
   */
  function snippet(text, matchedTerms, size) {
    size = size || 180;
    var marks = [];
    var runPattern = /[\p{L}\p{N}\p{M}'\u2019\u00ad]+/gu, run;
    while ((run = runPattern.exec(text))) {
      var raw = run[0], start = run.index;
      var foldedRun = fold(raw);
      var sameLength = foldedRun.length === raw.length;
      pieces(foldedRun).forEach(function (piece) {
        if (piece.kind === 'word') {
          var term = wordTerm(piece.text, piece.length);
          if (term && matchedTerms.has(term)) {
            marks.push(sameLength ? [start + piece.start, start + piece.start + piece.text.length, term] : [start, start + raw.length, term]);
          }
          return;
        }
        var offsets = [], offset = piece.start;
        piece.chars.forEach(function (ch) { offsets.push(offset); offset += ch.length; });
        offsets.push(offset);
        if (piece.chars.length === 1) {
          if (matchedTerms.has(piece.chars[0])) marks.push(sameLength ? [start + offsets[0], start + offsets[1], piece.chars[0]] : [start, start + raw.length, piece.chars[0]]);
          return;
        }
        for (var i = 0; i + 1 < piece.chars.length; i++) {
          var pair = piece.chars[i] + piece.chars[i + 1];
          if (matchedTerms.has(pair)) marks.push(sameLength ? [start + offsets[i], start + offsets[i + 2], pair] : [start, start + raw.length, pair]);
        }
      });
    }
    // Merge overlapping marks (CJK bigrams overlap).
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    marks.forEach(function (mark) {
      var last = merged[merged.length - 1];
      if (last && mark[0] <= last[1]) { last[1] = Math.max(last[1], mark[1]); last[2].add(mark[2]); } else merged.push([mark[0], mark[1], new Set([mark[2]])]);
    });
    // The window with the most distinct matched terms.
    var bestStart = 0, bestCount = -1;
    merged.forEach(function (mark, i) {
      var terms = new Set();
      for (var j = i; j < merged.length && merged[j][1] - mark[0] <= size; j++) merged[j][2].forEach(function (t) { terms.add(t); });
      if (terms.size > bestCount) { bestCount = terms.size; bestStart = mark[0]; }
    });
    var from = Math.max(0, bestStart - Math.floor(size / 4));
    if (from > 0) {
      var space = text.indexOf(' ', from);
      from = space >= 0 && space < bestStart ? space + 1 : from;
    }
    var to = Math.min(text.length, from + size);
    if (to < text.length) {
      var back = text.lastIndexOf(' ', to);
      if (back > from + size / 2) to = back;
    }
    var segments = [];
    if (from > 0) segments.push({ text: '\u2026', mark: false });
    var cursor = from;
    merged.forEach(function (mark) {
      if (mark[1] <= from || mark[0] >= to) return;
      var a = Math.max(mark[0], from), b = Math.min(mark[1], to);
      if (a > cursor) segments.push({ text: text.slice(cursor, a), mark: false });
      segments.push({ text: text.slice(a, b), mark: true });
      cursor = b;
    });
    if (cursor < to) segments.push({ text: text.slice(cursor, to), mark: false });
    if (to < text.length) segments.push({ text: '\u2026', mark: false });
    return segments;
  }

  // ---------------------------------------------------------------- exports

  var api = {
    fold: fold,
    tokens: tokens,
    stem: stem,
    stopWords: STOP_WORDS,
    parseQuery: parseQuery,
    decodePostings: decodePostings,
    shardOf: shardOf,
    shardsWithPrefix: shardsWithPrefix,
    SearchEngine: SearchEngine,
    snippet: snippet
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else global.SitegenSearchEngine = api;
})(typeof window !== 'undefined' ? window : globalThis);
