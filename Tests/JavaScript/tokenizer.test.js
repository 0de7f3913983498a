// Runs with `node --test Tests/JavaScript/`: the browser tokenizer against the vectors the Swift tests read.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');

const search = require(path.join(__dirname, '../../Templates/assets/js/search-engine.js'));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, '../Fixtures/search-vectors.json'), 'utf8'));
// The Snowball English vocabulary and the reference stem of each word, line for line.
const snowballLines = (name) => fs.readFileSync(path.join(__dirname, '../Fixtures/snowball-english', name), 'utf8')
  .replace(/\n$/, '').split('\n');
const words = snowballLines('voc.txt'), stems = snowballLines('output.txt');

for (const vector of vectors.tokenizer) {
  test(`tokenizer: ${vector.name}`, () => {
    assert.deepEqual(search.tokens(vector.input), vector.tokens);
  });
}

test('stop words match the shared list', () => {
  assert.deepEqual([...search.stopWords].sort(), [...vectors.stopWords].sort());
});

test('Porter2 on the whole Snowball English vocabulary', () => {
  assert.equal(words.length, 42649);
  assert.equal(stems.length, words.length);
  const wrong = [];
  words.forEach((word, i) => {
    const stem = search.stem(word);
    if (stem !== stems[i]) wrong.push(`${word} -> ${stem}, expected ${stems[i]}`);
  });
  assert.deepEqual(wrong, []);
});

test('Snowball words, in lower or upper case, are one term: the reference stem', () => {
  const wrong = [];
  words.forEach((word, i) => {
    if (word.includes("'")) return;  // the tokenizer splits at an apostrophe not between two letters
    const expected = search.stopWords.has(word) ? [] : [stems[i]];
    for (const form of [word, word.toUpperCase()]) {
      const terms = search.tokens(form);
      if (JSON.stringify(terms) !== JSON.stringify(expected)) wrong.push(`${form} -> ${JSON.stringify(terms)}`);
    }
  });
  assert.deepEqual(wrong, []);
});

test('Porter2 hand-worked examples', () => {
  for (const [word, expected] of vectors.porter2Extra.pairs) assert.equal(search.stem(word), expected, word);
});

test('issue examples', () => {
  assert.deepEqual(search.tokens('manufacture'), search.tokens('manufacturing'));
  assert.deepEqual(search.tokens('motorcycles'), ['motorcycl']);
  assert.deepEqual(search.tokens('工业设计'), ['工业', '业设', '设计']);
  assert.deepEqual(search.tokens('大足'), ['大足']);
});

test('non-ASCII words are not stemmed', () => {
  assert.equal(search.stem('naïve'), 'naïve');
  assert.equal(search.fold('ＣＡＦÉ'), 'cafe');
});

// Expected folds from Python's Unicode database (scripts/unicode-folding-vectors.py), read by the Swift tests too.
const folding = JSON.parse(fs.readFileSync(path.join(__dirname, '../Fixtures/unicode-folding.json'), 'utf8'));

for (const list of ['words', 'characters']) {
  test(`Unicode folding: ${list} fold as the reference says`, () => {
    assert.ok(folding[list].length > (list === 'words' ? 50 : 9000));
    const wrong = folding[list].filter(([, input, expected]) => search.fold(input) !== expected)
      .map(([label, input, expected]) => `${label}: ${JSON.stringify(search.fold(input))}, expected ${JSON.stringify(expected)}`);
    assert.deepEqual(wrong, []);
  });
}
