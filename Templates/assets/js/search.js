/*
 * sitegen search: the browser half of the client-side search.
 *
 * The index is built by Sources/SearchIndex at build time and shipped as small JavaScript files
 * under search/ that call SitegenSearch.add(...), so it loads with <script> tags and works from
 * file://, at a host's root and under any subpath. This file holds the tokenizer (the same terms
 * as the Swift tokenizer, pinned by Tests/Fixtures/search-vectors.json), the query engine, and
 * the two interfaces: the header box (an ARIA combobox) and the /search/ page.
 * No libraries; text reaches the page only through textContent and createElement.
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
    '\u00f0': 'd', '\u0127': 'h', '\u0131': 'i', '\u0142': 'l', '\u00fe': 'th', '\u2019': "'", '\u02bc': "'"
  };
  var LETTER_FOLD_RE = /[\u00df\u03c2\u00e6\u0153\u00f8\u0111\u00f0\u0127\u0131\u0142\u00fe\u2019\u02bc]/g;
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

  /** NFKD, lowercase, drop U+0300–U+036F, NFC, then the letter folds (TextFolding in Swift). */
  function fold(text) {
    return text.normalize('NFKD').toLowerCase().replace(/[\u0300-\u036f]/g, '').normalize('NFC')
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

  // Written from the Snowball English algorithm (english.sbl, 2023 revision), step for step as
  // Sources/SearchIndex/Porter2Stemmer.swift.
  var STEM_EXCEPTIONS = {
    skis: 'ski', skies: 'sky', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli',
    singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias',
    andes: 'andes'
  };
  var REGION_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ'];
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

  // ---------------------------------------------------------------- exports

  var api = {
    fold: fold,
    tokens: tokens,
    stem: stem,
    stopWords: STOP_WORDS
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : globalThis);
