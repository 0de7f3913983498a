#!/usr/bin/env python3
"""Search benchmark: sitegen's index next to Pagefind's, on the same 10,000-page synthetic site.

Generates the site with gen_site.py (seeded) into tmpfs, builds it with sitegen (which writes
the search index; `--timings` gives the index stage), runs Pagefind on the built pages, then
opens both in headless Chromium (served over HTTP on localhost, browser cache off; Pagefind needs
HTTP, sitegen's index also works from file://) and, per query, measures from a fresh page:

  * first query: time from typing to results (sitegen: the header box's input event, 150 ms
    after the box was focused as a person would (focus loads the 1 KB manifest), until its
    listbox is drawn; Pagefind: pagefind.search() plus data() of the results shown, until they
    resolve), and the bytes of the index files it loaded (sizes on disk of the paths the test
    server was asked for, or on file:// the scripts the page added; gzip on the wire plays no
    part; the search script itself is loaded with the page and reported apart);
  * a second query on the same page (warm: what is loaded stays loaded);
  * the results page with snippets: sitegen's /search/?q= (20 results) against Pagefind's
    data() of 20 results, with the bytes each loads.

It reports; it asserts nothing. Usage:
  search-bench.py [--pages 10000] [--sitegen BIN] [--work /dev/shm/search-bench] [--runs 3]
                  [--no-pagefind] [--shown 8] [--browser-only]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import pathlib
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
QUERIES = ["Tan Jialing", "motorcyc", "manufacture", "工业设计", "design industry", "zqxjvw"]


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


def timed(command, cwd=None):
    """Runs a command under /usr/bin/time -v: (seconds, peak RSS in MB, stdout+stderr)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, text=True, capture_output=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return elapsed, int(peak.group(1)) / 1024 if peak else 0.0, result.stdout + result.stderr


def folder_size(path: pathlib.Path):
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def kb(n):
    return f"{n / 1024:,.1f} KB"


def mb(n):
    return f"{n / 1024 / 1024:,.1f} MB"


class Server:
    """Serves a folder on 127.0.0.1 in a thread, logging the paths asked for (the browser's
    Resource Timing misses requests made by workers, and has nothing for file://)."""

    def __init__(self, root: pathlib.Path):
        handler = functools.partial(Quiet, directory=str(root))
        self.httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.requested = []
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


    def take(self):
        """URLs requested since the last call."""
        paths, self.httpd.requested = self.httpd.requested, []
        return [self.url.rstrip("/") + path for path in paths]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        self.server.requested.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    # Resource Timing has no entries for file:// and may miss fetches: record what each page asks
    # for instead, as <script src> added to the document and as fetch() URLs, with times.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    driver.set_script_timeout(60)
    return driver


def bytes_of(urls, base_url, root: pathlib.Path, under: str):
    """Sizes on disk of the loaded URLs below `under` (a path relative to the served root),
    pages (search/index.html) aside."""
    total, files = 0, 0
    for url in urls:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        if not path.startswith(urllib.parse.urlsplit(base_url).path):
            continue
        relative = path[len(urllib.parse.urlsplit(base_url).path):]
        if relative.startswith(under) and not relative.endswith(".html") and (root / relative).is_file():
            total += (root / relative).stat().st_size
            files += 1
    return total, files


RECORDER = """
window.__loaded = [];
const record = (url) => window.__loaded.push({url: new URL(url, location.href).href, t: performance.now()});
const append = Node.prototype.appendChild;
Node.prototype.appendChild = function (node) {
  if (node && node.tagName === 'SCRIPT' && node.src) record(node.src);
  return append.call(this, node);
};
const originalFetch = window.fetch;
window.fetch = function (input, init) {
  record(typeof input === 'string' ? input : input.url);
  return originalFetch.call(this, input, init);
};
"""

SITEGEN_TYPE = """
(async () => {
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.querySelector('#search-box-input');
const list = document.querySelector('#search-box-listbox');
const message = document.querySelector('.search-box__message');
const focused = performance.now();
input.focus();  // as a person does before typing: the box then loads its manifest
await new Promise(resolve => setTimeout(resolve, 150));
const t0 = performance.now();
const finish = () => {
  observer.disconnect();
  const t1 = performance.now();
  const urls = window.__loaded.filter(e => e.t >= focused).map(e => e.url);
  done({ms: t1 - t0, urls, shown: list.querySelectorAll('[role=option]').length - (list.querySelector('.search-box__option--all') ? 1 : 0), message: message.textContent});
};
const observer = new MutationObserver(() => { if (list.children.length || message.textContent) finish(); });
observer.observe(list, {childList: true}); observer.observe(message, {childList: true, characterData: true, subtree: true});
input.value = query;
input.dispatchEvent(new Event('input', {bubbles: true}));
})(...arguments);
"""

PAGEFIND_SEARCH = """
const [query, shown, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const t0 = performance.now();
window.pf.search(query).then(search => Promise.all(search.results.slice(0, shown).map(r => r.data())).then(data => {
  const t1 = performance.now();
  const urls = window.__loaded.filter(e => e.t >= focused).map(e => e.url);
  done({ms: t1 - t0, urls, shown: data.length, total: search.results.length});
})).catch(error => done({error: String(error)}));
"""


def sitegen_queries(base_url, site: pathlib.Path, server=None):
    """Header box query, next query, results page, each from a fresh browser (nothing cached);
    loaded URLs from the server's log over HTTP, from the in-page recorder on file://."""
    rows = []
    for query in QUERIES:
        driver = browser()
        driver.get(base_url + "index.html")
        if server:
            server.take()
        first = driver.execute_async_script(SITEGEN_TYPE, query)
        if server:
            first["urls"] = server.take()
        second_query = "Chongqing" if query != "Chongqing" else "design"
        driver.execute_script("document.querySelector('#search-box-input').value=''")
        second = driver.execute_async_script(SITEGEN_TYPE, second_query)
        driver.quit()
        driver = browser()
        if server:
            server.take()
        driver.get(base_url + "search/index.html?q=" + urllib.parse.quote(query))
        page = driver.execute_async_script("""
const done = arguments[arguments.length - 1];
const status = document.querySelector('[data-search-page] [data-search-status]');
const list = document.querySelector('[data-search-results]');
const check = () => {
  const text = status.textContent;
  if (text && !text.startsWith('Searching') && (text.startsWith('No results') || list.children.length)) {
    const nav = performance.getEntriesByType('navigation')[0];
    done({ms: performance.now() - nav.domContentLoadedEventStart, urls: window.__loaded.map(e => e.url),
          results: list.children.length, status: text});
  } else setTimeout(check, 5);
};
check();
""")
        driver.quit()
        if server:
            page["urls"] = server.take()
        first_bytes = bytes_of(first["urls"], base_url, site, "search/")
        page_bytes = bytes_of(page["urls"], base_url, site, "search/")
        rows.append({"query": query, "ms": first["ms"], "bytes": first_bytes[0], "files": first_bytes[1],
                     "shown": first["shown"], "warm_ms": second["ms"], "page_ms": page["ms"],
                     "page_bytes": page_bytes[0], "page_files": page_bytes[1], "status": page["status"]})
    return rows


def pagefind_queries(base_url, site: pathlib.Path, shown: int, server):
    rows = []
    for query in QUERIES:
        driver = browser()
        driver.get(base_url + "pagefind-bench.html")
        driver.execute_async_script("const done = arguments[0]; (function wait(){ window.pf ? done() : setTimeout(wait, 5); })();")
        server.take()
        first = driver.execute_async_script(PAGEFIND_SEARCH, query, shown)
        first["urls"] = server.take()
        if "error" in first:
            sys.exit(f"Pagefind failed: {first['error']}")
        second = driver.execute_async_script(PAGEFIND_SEARCH, "Chongqing" if query != "Chongqing" else "design", shown)
        driver.quit()
        driver = browser()
        driver.get(base_url + "pagefind-bench.html")
        driver.execute_async_script("const done = arguments[0]; (function wait(){ window.pf ? done() : setTimeout(wait, 5); })();")
        server.take()
        page = driver.execute_async_script(PAGEFIND_SEARCH, query, 20)
        page["urls"] = server.take()
        driver.quit()
        first_bytes = bytes_of(first["urls"], base_url, site, "pagefind/")
        page_bytes = bytes_of(page["urls"], base_url, site, "pagefind/")
        rows.append({"query": query, "ms": first["ms"], "bytes": first_bytes[0], "files": first_bytes[1],
                     "shown": first["shown"], "warm_ms": second["ms"], "page_ms": page["ms"],
                     "page_bytes": page_bytes[0], "page_files": page_bytes[1], "status": f"{first['total']} results"})
    return rows


def table(title, rows):
    print(f"\n{title}\n")
    print("| query | first query | index bytes loaded (files) | shown | next query | results page (20, with snippets) | bytes loaded (files) | found |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['query']} | {r['ms']:.1f} ms | {kb(r['bytes'])} ({r['files']}) | {r['shown']} | {r['warm_ms']:.1f} ms | "
              f"{r['page_ms']:.1f} ms | {kb(r['page_bytes'])} ({r['page_files']}) | {r['status']} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--sitegen", default=str(REPO / ".build/release/sitegen"))
    parser.add_argument("--work", default="/dev/shm/search-bench")
    parser.add_argument("--runs", type=int, default=3, help="sitegen and Pagefind builds (median)")
    parser.add_argument("--shown", type=int, default=8, help="results the header box shows")
    parser.add_argument("--no-pagefind", action="store_true")
    parser.add_argument("--browser-only", action="store_true", help="reuse the sites already built in --work")
    args = parser.parse_args()
    args.sitegen = str(pathlib.Path(args.sitegen).resolve())

    work = pathlib.Path(args.work)
    gen = work / "gen"
    site = work / "site"
    pf_site = work / "site-pagefind"
    if args.browser_only:
        browser_tables(args, work, site, pf_site)
        return
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    print(run([sys.executable, str(HERE / "gen_site.py"), "--pages", str(args.pages), "--out", str(gen)]).stdout.strip())

    # sitegen: whole build, the index stage from --timings, the index on disk.
    stage, builds, peaks = [], [], []
    for _ in range(args.runs):
        shutil.rmtree(site, ignore_errors=True)
        seconds, peak, output = timed([args.sitegen, "build", "--timings", "--content", "Content",
                                       "--templates", str(REPO / "Templates"), "--output", str(site)], cwd=gen / "sitegen")
        builds.append(seconds)
        peaks.append(peak)
        match = re.search(r"search index\s+([\d.]+) ms", output)
        stage.append(float(match.group(1)) / 1000 if match else float("nan"))
    index_bytes, index_files = folder_size(site / "search")
    parts = {name: folder_size(site / "search" / name) for name in ("t", "d", "x")}
    search_js = (site / "assets/js/search.js").stat().st_size
    pages = len(list(site.rglob("*.html")))
    print(f"\nsitegen, {args.pages:,} synthetic pages ({pages:,} HTML files): build {statistics.median(builds):.2f} s "
          f"(median of {args.runs}; peak {max(peaks):.0f} MB), of which the search index stage {statistics.median(stage) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{s * 1000:.0f}' for s in stage)} ms)")
    print(f"index: {mb(index_bytes)} in {index_files:,} files = manifest {kb((site / 'search/index.js').stat().st_size)}"
          f" + terms {mb(parts['t'][0])} ({parts['t'][1]} files) + titles {mb(parts['d'][0])} ({parts['d'][1]})"
          f" + snippet text {mb(parts['x'][0])} ({parts['x'][1]}); search.js {kb(search_js)}")

    if not args.no_pagefind:
        shutil.copytree(site, pf_site, ignore=shutil.ignore_patterns("search"))
        pf_times, pf_peaks = [], []
        for _ in range(args.runs):
            shutil.rmtree(pf_site / "pagefind", ignore_errors=True)
            seconds, peak, _ = timed([sys.executable, "-m", "pagefind_bin", "--site", str(pf_site)])
            pf_times.append(seconds)
            pf_peaks.append(peak)
        pf_bytes, pf_files = folder_size(pf_site / "pagefind")
        pf_js = (pf_site / "pagefind/pagefind.js").stat().st_size
        version = run([sys.executable, "-m", "pagefind_bin", "--version"]).stdout.strip()
        print(f"\n{version}: indexing {statistics.median(pf_times):.2f} s (median of {args.runs}; peak {max(pf_peaks):.0f} MB), "
              f"{mb(pf_bytes)} in {pf_files:,} files; pagefind.js {kb(pf_js)}")
        (pf_site / "pagefind-bench.html").write_text(
            "<!DOCTYPE html><meta charset=utf-8><title>Pagefind</title>"
            "<script type=module>import * as pagefind from './pagefind/pagefind.js'; window.pf = pagefind;</script>")

    browser_tables(args, work, site, pf_site)


def browser_tables(args, work, site, pf_site):
    server = Server(work)
    try:
        table("sitegen in Chromium over HTTP (the header box shows 8; the next query, 'Chongqing', runs on the same page)",
              sitegen_queries(server.url + "site/", site, server))
        table("sitegen from file:// (no server)", sitegen_queries(site.as_uri() + "/", site))
        if not args.no_pagefind:
            table(f"Pagefind in Chromium over HTTP (search() and data() of the first {args.shown}; next query 'Chongqing')",
                  pagefind_queries(server.url + "site-pagefind/", pf_site, args.shown, server))
    finally:
        server.close()

if __name__ == "__main__":
    main()
