// The browser's query engine against an index written by the Swift builder
// (Tests/JavaScript/fixtures/index, kept current by FixtureIndexTests in Swift).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const vm = require('node:vm');

const search = require(path.join(__dirname, '../../Templates/assets/js/search-engine.js'));
const root = path.join(__dirname, 'fixtures/index/search');

/** Loads search/<key>.js the way a <script> tag would, counting the bytes read. */
function fixtureEngine() {
  const loaded = [];
  const engine = new search.SearchEngine(async (key) => {
    const code = fs.readFileSync(path.join(root, key + '.js'), 'utf8');
    loaded.push(key);
    let data;
    vm.runInNewContext(code, { SitegenSearch: { add: (k, d) => { assert.equal(k, key); data = d; } } });
    return data;
  });
  return { engine, loaded };
}

async function urls(query) {
  const { engine } = fixtureEngine();
  const found = await engine.search(query);
  const docs = await engine.documents(found.results);
  return docs.map((d) => d.url);
}

test('by name', async () => {
  assert.deepEqual(await urls('Tan Jialing'), ['speakers/tan-jialing/index.html']);
  assert.deepEqual(await urls('tan jial'), ['speakers/tan-jialing/index.html']);
});

test('by prefix: the last word while typing', async () => {
  assert.deepEqual(await urls('motorcyc'), ['clusters/motorcycles/index.html']);
  assert.deepEqual(await urls('Chongqi'), (await urls('Chongqing')));
  assert.ok((await urls('Chongqi')).length === 3);
  // "motorcyc " with a space is a finished word: no term is exactly "motorcyc".
  assert.deepEqual(await urls('motorcyc '), []);
});

test('by stem, with the title match first', async () => {
  // "Bio-manufacturing" has the term in its title (weight 10); Tan Jialing's page only in the body.
  assert.deepEqual(await urls('manufacture'), ['clusters/bio-manufacturing/index.html', 'speakers/tan-jialing/index.html']);
  assert.deepEqual(await urls('manufacturing'), await urls('manufacture'));
});

test('in Chinese', async () => {
  assert.deepEqual(await urls('工业设计'), ['news/dazu/index.html']);
  assert.deepEqual(await urls('大足'), ['news/dazu/index.html']);
  assert.deepEqual(await urls('大'), ['news/dazu/index.html']);
  assert.deepEqual(await urls('设计工业'), []);  // bigram 计工 is nowhere
});

test('every term must match', async () => {
  assert.deepEqual(await urls('motorcycles manufacturing'), []);
  assert.deepEqual(await urls('Chongqing motorcycles'), ['clusters/motorcycles/index.html']);
});

test('no match and empty queries', async () => {
  assert.deepEqual(await urls('zzzzqx'), []);
  assert.deepEqual(await urls(''), []);
  assert.deepEqual(await urls('   '), []);
  assert.deepEqual(await urls('of the'), []);
});

test('markup comes back as text, never interpreted', async () => {
  const { engine } = fixtureEngine();
  const found = await engine.search('script alert');
  const [doc] = await engine.documents(found.results, true);
  assert.equal(doc.title, '</script><script>alert(1)</script>');
  assert.match(doc.text, /<img src=x onerror=alert\(2\)>/);
  assert.equal(doc.section, 'News');
});

test('a query loads only the shards it needs', async () => {
  const { engine, loaded } = fixtureEngine();
  const found = await engine.search('motorcycles');
  await engine.documents(found.results);
  const manifest = await engine.manifest();
  const termShards = loaded.filter((k) => k.startsWith('t/'));
  assert.equal(termShards.length, 1);
  assert.ok(manifest.terms.length > 5);
  assert.deepEqual(loaded.filter((k) => k.startsWith('x/')), []);
  assert.equal(loaded.filter((k) => k.startsWith('d/')).length, 1);
});

test('shard lookup by boundaries', () => {
  const b = ['', 'c', 'mat', 'q'];
  assert.equal(search.shardOf(b, 'apple'), 0);
  assert.equal(search.shardOf(b, 'c'), 1);
  assert.equal(search.shardOf(b, 'mas'), 1);
  assert.equal(search.shardOf(b, 'mat'), 2);
  assert.equal(search.shardOf(b, 'zebra'), 3);
  assert.deepEqual(search.shardsWithPrefix(b, 'm'), [1, 2]);
  assert.deepEqual(search.shardsWithPrefix(b, 'ma'), [1, 2]);
  assert.deepEqual(search.shardsWithPrefix(b, 'q'), [3]);
});

test('posting strings decode as the Swift codec wrote them', () => {
  // Worked by hand in IndexBuilderTests.postingCodecByHand.
  assert.deepEqual(search.decodePostings('ABFof'), [0, 1, 5, 1000]);
});

test('every index file is one SitegenSearch.add call with nothing that could end a script', () => {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
  for (const file of walk(root)) {
    const code = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /[<>\u2028\u2029]/, file);
    let calls = 0;
    vm.runInNewContext(code, { SitegenSearch: { add: () => { calls++; } } });
    assert.equal(calls, 1, file);
  }
});

test('snippets mark the matches', async () => {
  const { engine } = fixtureEngine();
  const found = await engine.search('工业设计');
  const [doc] = await engine.documents(found.results, true);
  const segments = search.snippet(doc.text, found.matchedTerms);
  assert.deepEqual(segments.filter((s) => s.mark).map((s) => s.text), ['工业设计']);
  assert.equal(segments.map((s) => s.text).join(''), doc.text);

  const found2 = await engine.search('manufacture');
  const docs = await engine.documents(found2.results, true);
  const tan = docs.find((d) => d.url.startsWith('speakers/'));
  const marked = search.snippet(tan.text, found2.matchedTerms).filter((s) => s.mark).map((s) => s.text);
  assert.deepEqual(marked, ['manufacturing']);
});

test('long text is cut around the densest matches', () => {
  const text = 'Intro words here. '.repeat(40) + 'The motorcycles cluster makes motorcycles. ' + 'Tail words. '.repeat(40);
  const segments = search.snippet(text, new Set(['motorcycl']), 120);
  const joined = segments.map((s) => s.text).join('');
  assert.ok(joined.startsWith('\u2026') && joined.endsWith('\u2026'));
  assert.ok(joined.length <= 125);
  assert.deepEqual(segments.filter((s) => s.mark).map((s) => s.text), ['motorcycles', 'motorcycles']);
});

test('query parsing: prefix only while the last word is open', () => {
  assert.deepEqual(search.parseQuery('Tan Jialing').map((c) => [c.term, c.prefix]), [['tan', false], ['jial', true]]);
  assert.deepEqual(search.parseQuery('Tan Jialing ').map((c) => [c.term, c.prefix]), [['tan', false], ['jial', false]]);
  assert.deepEqual(search.parseQuery('the').map((c) => [c.term, c.prefix]), [['the', true]]);
  assert.deepEqual(search.parseQuery('design of the').map((c) => c.term), ['design']);
  assert.deepEqual(search.parseQuery('tan j').map((c) => c.term), ['tan']);
});

test('an empty index answers with no results', async () => {
  const engine = new search.SearchEngine(async (key) => {
    if (key !== 'index') throw new Error('no such file: ' + key);
    return { version: 1, documents: 0, terms: [], sections: [], metadataShard: 20, textShard: 4 };
  });
  const found = await engine.search('anything');
  assert.equal(found.total, 0);
});

test('an index of another format version is refused', async () => {
  const engine = new search.SearchEngine(async () => ({ version: 99 }));
  await assert.rejects(engine.search('design'), /unknown format/);
});
