#!/usr/bin/env python3
"""`make bench`: sitegen against Hugo and against the floor (read + cmark + write), on the same pages.

For each size (1,000 and 10,000 synthetic pages plus the real microsite by default), it generates
a site with gen_site.py into tmpfs (/dev/shm; the disk here is slow and erratic for small files),
then runs sitegen, Hugo (when installed; the same work: paginated lists, the taxonomy, one feed,
a sitemap; see gen_site.py) and the floor in turn, cold (output folder removed before each run),
five runs each, and prints Markdown tables:
- time: wall medians with their spread (min–max), user CPU, pages per second, peak memory
  (/usr/bin/time -v);
- output: bytes written (total, HTML, search index, per page), the largest HTML file and how many
  are over 200 KB, for both tools;
- the list pages each tool wrote (pager pages per list, term pages), which must agree;
- `sitegen check --strict` on each generated site;
- one PASS/FAIL line per target of issue #11 (no HTML over 200 KB, bytes per page within ±20 %
  from the smallest size to the largest, build time per page flat, check --strict clean, at
  10,000 pages sitegen ≤ 0.25× Hugo's wall time and peak memory ≤ 150 MB).
Then the same size once on disk for comparison, bodies four times longer, the real microsite's
build time, and sitegen's own stage timings (`sitegen build --timings`). It reports and grades;
its exit code is 0 whatever the grades (a benchmark on a shared machine is no gate).

Usage: bench.py [--sizes 1000,10000,30000] [--runs 5,5,3] [--no-taxonomy] [--sitegen BIN | --scratch-path .build]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TIME = "/usr/bin/time"


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    user: float  # user seconds
    peak_mb: float  # maximum resident set size, MB (10^6 bytes)
    stdout: str


@dataclass
class Series:
    runs: list[Run]

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def spread(self) -> str:
        walls = [r.wall for r in self.runs]
        return f"{min(walls):.2f}–{max(walls):.2f}"

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def user(self) -> float:
        return statistics.median(r.user for r in self.runs)

    @property
    def peak(self) -> float:
        return max(r.peak_mb for r in self.runs)


HTML_LIMIT = 200 * 1024  # bytes: issue #11's page budget, sitegen check's default max_page_kb


@dataclass
class OutputSize:
    """What one build wrote: bytes by kind, the largest HTML file, and the list pages it made."""
    total: int = 0
    html: int = 0
    search: int = 0  # sitegen's search index (search/ but its page); Hugo has none
    files: int = 0
    largest: tuple[int, str] = (0, "")
    over_limit: int = 0  # HTML files over HTML_LIMIT
    pagers: dict[str, int] = field(default_factory=dict)  # top folder -> pager pages (page/k/, k >= 2)
    terms: int = 0  # term pages (topics/<slug>/index.html)
    term_lists: int = 0  # taxonomy pages (topics/index.html)


def output_size(root: str, taxonomy: str = "topics") -> OutputSize:
    """Walks a build's output folder (files only, symbolic links not followed)."""
    size = OutputSize()
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        relative = os.path.relpath(folder, root)
        parts = [] if relative == "." else relative.split(os.sep)
        for name in files:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                continue
            bytes_ = os.path.getsize(path)
            size.total += bytes_
            size.files += 1
            if name.endswith(".html"):
                size.html += bytes_
                size.largest = max(size.largest, (bytes_, os.path.join(relative, name)))
                size.over_limit += bytes_ > HTML_LIMIT
            elif parts[:1] == ["search"]:
                size.search += bytes_
            if name != "index.html":
                continue
            if len(parts) >= 3 and parts[-2] == "page" and parts[-1].isdigit() and int(parts[-1]) >= 2:
                key = parts[0] if parts[0] != taxonomy else f"{taxonomy}/*"
                size.pagers[key] = size.pagers.get(key, 0) + 1
            elif parts == [taxonomy]:
                size.term_lists += 1
            elif len(parts) == 2 and parts[0] == taxonomy:
                size.terms += 1
    return size


@dataclass
class CheckResult:
    errors: int
    warnings: int
    messages: list[tuple[int, str]]  # (how many, message without its place), most frequent first

    @property
    def clean(self) -> bool:
        return self.errors == 0 and self.warnings == 0

    def summary(self) -> str:
        if self.clean:
            return "clean"
        kinds = "; ".join(f"{count}× {message}" for count, message in self.messages[:3])
        more = f"; {len(self.messages) - 3} more kinds" if len(self.messages) > 3 else ""
        plural = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")
        return f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')} ({kinds}{more})"


def check_strict(sitegen: str, site: str, templates: str) -> CheckResult:
    """`sitegen check --strict` on a generated site, its diagnostics counted by message."""
    result = subprocess.run([sitegen, "check", "--strict", "--content", "Content", "--templates", templates],
                            cwd=os.path.join(site, "sitegen"), capture_output=True, text=True)
    counts: dict[str, int] = {}
    errors = warnings = 0
    for line in (result.stdout + result.stderr).splitlines():
        found = re.match(r"^\S+:\d+:\d+: (error|warning): (.*)$", line) or re.match(r"^\S+: (error|warning): (.*)$", line)
        if not found:
            continue
        errors += found.group(1) == "error"
        warnings += found.group(1) == "warning"
        counts[found.group(2)] = counts.get(found.group(2), 0) + 1
    if result.returncode != 0 and errors + warnings == 0:
        errors = 1
        counts[f"exit {result.returncode}: {(result.stdout + result.stderr).strip()[-200:]}"] = 1
    return CheckResult(errors, warnings, sorted(((n, m) for m, n in counts.items()), key=lambda x: (-x[0], x[1])))


def measure(command: list[str], cwd: str, clean: list[str]) -> Run:
    """Runs `command` once under /usr/bin/time -v after removing the `clean` folders."""
    for folder in clean:
        shutil.rmtree(folder, ignore_errors=True)
    report = os.path.join("/dev/shm" if os.path.isdir("/dev/shm") else "/tmp", f"sitegen-bench-time-{os.getpid()}.txt")
    start = time.perf_counter()
    result = subprocess.run([TIME, "-v", "-o", report, *command], cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    with open(report) as handle:
        stats = handle.read()
    os.unlink(report)
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed (exit {result.returncode}) in {cwd}:\n{result.stdout}{result.stderr}")
    stat = lambda name: re.search(rf"{re.escape(name)}: (.+)", stats).group(1).strip()
    user = float(stat("User time (seconds)"))
    cpu = user + float(stat("System time (seconds)"))
    peak = int(stat("Maximum resident set size (kbytes)")) * 1024 / 1e6
    return Run(wall=wall, cpu=cpu, user=user, peak_mb=peak, stdout=result.stdout + result.stderr)


def ensure_time() -> None:
    if os.access(TIME, os.X_OK):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("bench: installing GNU time (apt-get install time)", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True, stdout=subprocess.DEVNULL)
    if not os.access(TIME, os.X_OK):
        sys.exit("bench: GNU time is needed at /usr/bin/time for peak memory (Debian: apt-get install time)")


def build_sitegen(scratch: str) -> str:
    command = ["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", "sitegen"]
    print(f"bench: {' '.join(command)}", file=sys.stderr)
    subprocess.run(command, cwd=REPO, check=True, stdout=sys.stderr)
    folder = subprocess.run(command[:-2] + ["--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(folder, "sitegen")


def build_floor(out: str) -> str | None:
    if not shutil.which("gcc"):
        return None
    binary = os.path.join(out, "floor")
    result = subprocess.run(["gcc", "-O2", "-o", binary, os.path.join(HERE, "floor.c"), "-lcmark"], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"bench: the floor did not compile (libcmark-dev missing?):\n{result.stderr}", file=sys.stderr)
        return None
    return binary


def generate(size: int, out: str, seed: int, content: str, taxonomy: bool, body_scale: int = 1) -> str:
    """The synthetic site of `size` pages, reused when the generator, seed, options and content are unchanged."""
    site = os.path.join(out, f"site-{size}" + (f"-x{body_scale}" if body_scale != 1 else "") + ("" if taxonomy else "-notax"))
    key = f"{size} {seed} {body_scale} {taxonomy} {os.path.getmtime(os.path.join(HERE, 'gen_site.py'))} {content} {content_stamp(content)}"
    stamp = os.path.join(site, ".stamp")
    if os.path.exists(stamp) and open(stamp).read() == key:
        return site
    print(f"bench: generating {size} pages into {site}", file=sys.stderr)
    subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), "--pages", str(size), "--out", site, "--seed", str(seed),
                    "--content", content, "--body-scale", str(body_scale), "--taxonomy" if taxonomy else "--no-taxonomy"],
                   check=True, stdout=sys.stderr)
    with open(stamp, "w") as handle:
        handle.write(key)
    return site


def content_stamp(content: str) -> str:
    latest = 0.0
    for folder, _, files in os.walk(content):
        for name in files:
            latest = max(latest, os.path.getmtime(os.path.join(folder, name)))
    return str(latest)


def count_pages(content: str) -> int:
    return sum(1 for _, _, files in os.walk(content) for name in files if name.endswith(".md"))


class Bench:
    def __init__(self, args: argparse.Namespace, sitegen: str, floor: str | None, hugo: str | None):
        self.args = args
        self.sitegen = sitegen
        self.floor = floor
        self.hugo = hugo
        self.templates = os.path.abspath(args.templates)

    def sitegen_run(self, site: str, output: str, extra: tuple[str, ...] = ("--quiet",), clean: bool = True) -> Run:
        command = [self.sitegen, "build", "--content", "Content", "--templates", self.templates, "--output", output, *extra]
        return measure(command, os.path.join(site, "sitegen"), [output] if clean else [])

    def hugo_run(self, site: str, output: str) -> Run:
        cache = output + "-cache"
        root = os.path.join(site, "hugo")
        return measure([self.hugo, "--quiet", "--destination", output, "--cacheDir", cache], root,
                       [output, cache, os.path.join(root, "resources")])

    def floor_run(self, site: str, output: str) -> Run:
        return measure([self.floor, os.path.join(site, "sitegen", "Content"), output], site, [output])

    def compare(self, site: str, out: str, runs: int, warmups: int) -> dict[str, Series]:
        """Alternating cold runs of each tool on one site, after `warmups` untimed runs each."""
        tools = {"sitegen": lambda: self.sitegen_run(site, os.path.join(out, "out-sitegen"))}
        if self.hugo:
            tools["hugo"] = lambda: self.hugo_run(site, os.path.join(out, "out-hugo"))
        if self.floor:
            tools["floor"] = lambda: self.floor_run(site, os.path.join(out, "out-floor"))
        for _ in range(warmups):
            for run in tools.values():
                run()
        series: dict[str, list[Run]] = {name: [] for name in tools}
        for _ in range(runs):
            for name, run in tools.items():
                series[name].append(run())
        return {name: Series(r) for name, r in series.items()}


@dataclass
class SizeResult:
    size: int  # synthetic pages
    pages: int  # content pages (synthetic + the real microsite's)
    series: dict[str, Series]
    site: str
    outputs: dict[str, OutputSize]  # per tool, of its last run
    check: CheckResult


def mb(bytes_: int) -> str:
    return f"{bytes_ / 1e6:,.1f} MB"


def kb(bytes_: float) -> str:
    return f"{bytes_ / 1024:,.1f} KB"


def print_tables(results: list[SizeResult], loads: list[str], cores: int | None) -> None:
    print("| pages | sitegen | Hugo | sitegen ÷ Hugo | sitegen pages/s | sitegen user CPU | Hugo user CPU | sitegen peak | Hugo peak | floor |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        s, h, f = r.series["sitegen"], r.series.get("hugo"), r.series.get("floor")
        print(f"| {r.size:,} (+{r.pages - r.size}) | {s.median:.2f} s ({s.spread}) | "
              + (f"{h.median:.2f} s ({h.spread}) | {s.median / h.median:.2f}× | " if h else "– | – | ")
              + f"{r.pages / s.median:,.0f} | {s.user:.2f} s | " + (f"{h.user:.2f} s | " if h else "– | ")
              + f"{s.peak:.0f} MB | " + (f"{h.peak:.0f} MB | " if h else "– | ")
              + (f"{f.median:.2f} s |" if f else "– |"))
    print("\npages: synthetic (+ the real microsite's pages). User CPU: medians; both tools use every core. floor: read + "
          "cmark + write in C on one core (Benchmarks/floor.c), no templates. Load average (1 min) before → after each size: "
          + "; ".join(loads) + f" ({cores} cores: above that, other processes share the machine and wall times stretch).\n")

    print("Output (the last run's folder; KB = 1,024 bytes, MB = 10^6):\n")
    print("| pages | sitegen total | HTML | search index | per page | largest HTML | HTML > 200 KB | Hugo total | Hugo HTML | Hugo per page |")
    print("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for r in results:
        o, h = r.outputs["sitegen"], r.outputs.get("hugo")
        print(f"| {r.size:,} | {mb(o.total)} | {mb(o.html)} | {mb(o.search)} | {kb(o.total / r.pages)} | "
              f"{kb(o.largest[0])} ({o.largest[1]}) | {o.over_limit} | "
              + (f"{mb(h.total)} | {mb(h.html)} | {kb(h.total / r.pages)} |" if h else "– | – | – |"))

    print("\nList pages written (pager pages: `<list>/page/k/`, k ≥ 2; terms: `topics/<slug>/`), sitegen / Hugo:\n")
    print("| pages | pager pages | term pages | terms page | agree |")
    print("|---:|---|---:|---:|---|")
    for r in results:
        o, h = r.outputs["sitegen"], r.outputs.get("hugo")
        lists = sorted(set(o.pagers) | set(h.pagers if h else {}))
        pagers = ", ".join(f"{name} {o.pagers.get(name, 0)}" + (f"/{h.pagers.get(name, 0)}" if h else "") for name in lists)
        agree = "–" if not h else "yes" if (o.pagers, o.terms, o.term_lists) == (h.pagers, h.terms, h.term_lists) else "**no**"
        print(f"| {r.size:,} | {pagers} | {o.terms}" + (f"/{h.terms}" if h else "") + f" | {o.term_lists}"
              + (f"/{h.term_lists}" if h else "") + f" | {agree} |")

    print("\n`sitegen check --strict` on each generated site:\n")
    for r in results:
        print(f"- {r.size:,} pages: {r.check.summary()}")


def print_targets(results: list[SizeResult]) -> None:
    """One PASS/FAIL line per target of issue #11 ("Done when"), from the figures above."""
    print("\nIssue #11 targets:\n")
    by_size = {r.size: r for r in results}
    large = [r for r in results if r.size >= 10000] or results
    grade = lambda ok: "PASS" if ok else "FAIL"
    sizes = lambda rs: ", ".join(f"{r.size:,}" for r in rs)

    over = [(r.size, r.outputs["sitegen"].over_limit) for r in large]
    print(f"- {grade(all(n == 0 for _, n in over))}: no HTML file over 200 KB at {sizes(large)} pages ("
          + ", ".join(f"{n} at {size:,}" for size, n in over) + ")")

    base = results[0]
    if len(results) > 1:
        per_page = {r.size: r.outputs["sitegen"].total / r.pages for r in results}
        drift = {size: value / per_page[base.size] - 1 for size, value in per_page.items()}
        print(f"- {grade(all(abs(d) <= 0.20 for d in drift.values()))}: output bytes per page within ±20 % of the "
              f"{base.size:,}-page site's ({kb(per_page[base.size])}): "
              + ", ".join(f"{kb(per_page[size])} ({drift[size]:+.0%}) at {size:,}" for size in per_page if size != base.size))
        # Flat: no size costs more per page than the smallest (whose fixed costs weigh most), with 20 % slack.
        # Graded on CPU time (user + system), which other processes on a shared machine stretch far less
        # than wall time; wall time per page is shown beside it.
        cpu_per_page = {r.size: r.series["sitegen"].cpu / r.pages * 1000 for r in results}
        wall_per_page = {r.size: r.series["sitegen"].median / r.pages * 1000 for r in results}
        worst = max(cpu_per_page[size] / cpu_per_page[base.size] for size in cpu_per_page)
        print(f"- {grade(worst <= 1.20)}: build time per page flat (CPU per page nowhere above 1.2× the {base.size:,}-page "
              f"site's): " + ", ".join(f"{cpu_per_page[size]:.3f} ms CPU ({wall_per_page[size]:.3f} ms wall) at {size:,}"
                                       for size in cpu_per_page))
    else:
        print("- not graded: bytes and time per page need two sizes or more")

    print(f"- {grade(all(r.check.clean for r in large))}: `sitegen check --strict` clean at {sizes(large)} pages")

    ten = by_size.get(10000)
    if ten and "hugo" in ten.series:
        s, h = ten.series["sitegen"], ten.series["hugo"]
        print(f"- {grade(s.median <= 0.25 * h.median)}: at 10,000 pages sitegen ≤ 0.25× Hugo's wall time "
              f"({s.median:.2f} s ÷ {h.median:.2f} s = {s.median / h.median:.2f}×; CPU {s.cpu:.2f} s ÷ {h.cpu:.2f} s = "
              f"{s.cpu / h.cpu:.2f}×)")
    else:
        print("- not graded: sitegen ≤ 0.25× Hugo at 10,000 pages (needs --sizes with 10000 and Hugo installed)")
    if ten:
        print(f"- {grade(ten.series['sitegen'].peak <= 150)}: at 10,000 pages peak memory ≤ 150 MB "
              f"({ten.series['sitegen'].peak:.0f} MB, the highest of the runs)")
    else:
        print("- not graded: peak memory ≤ 150 MB at 10,000 pages (needs --sizes with 10000)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="synthetic page counts, comma-separated (default 1000,10000)")
    parser.add_argument("--runs", default="5",
                        help="timed runs per tool, one number or one per size, comma-separated; the last repeats "
                             "(default 5; e.g. 5,5,3 with --sizes 1000,10000,30000)")
    parser.add_argument("--warmups", type=int, default=1, help="untimed runs per tool before timing (default 1)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
    parser.add_argument("--taxonomy", action=argparse.BooleanOptionalAction, default=True,
                        help="generate sites with the `topics` taxonomy (default); --no-taxonomy for a sitegen without "
                             "taxonomies (passed to gen_site.py: neither tool builds term pages then)")
    parser.add_argument("--out", default="/dev/shm/sitegen-bench" if os.path.isdir("/dev/shm") else "/tmp/sitegen-bench",
                        help="tmpfs folder for sites and outputs (default /dev/shm/sitegen-bench)")
    parser.add_argument("--disk", default="/var/tmp/sitegen-bench-disk",
                        help="folder on the real disk for the disk figure (default /var/tmp/sitegen-bench-disk)")
    parser.add_argument("--disk-size", type=int, default=10000, help="size built once more on disk (0: skip; default 10000)")
    parser.add_argument("--disk-runs", type=int, default=3, help="runs per tool on disk (default 3)")
    parser.add_argument("--micro-runs", type=int, default=10, help="runs of the real microsite (default 10)")
    parser.add_argument("--body-scale", type=int, default=4,
                        help="also build the 10,000-page site (or the largest size below it) with every body this many "
                             "times longer, to show what memory grows with (0: skip; default 4)")
    parser.add_argument("--sitegen", help="a sitegen binary to use instead of building one")
    parser.add_argument("--commit", help="commit to name in the report when --sitegen was built from another tree")
    parser.add_argument("--scratch-path", default=".build", help="swift build scratch path for the release build (default .build)")
    parser.add_argument("--templates", default=os.path.join(REPO, "Templates"), help="templates folder (default the repository's)")
    parser.add_argument("--content", default=os.path.join(REPO, "Content"), help="the real microsite's content (default the repository's)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)

    sizes = [int(s) for s in args.sizes.split(",") if s]
    runs_given = [int(n) for n in args.runs.split(",") if n]
    runs = {size: runs_given[min(i, len(runs_given) - 1)] for i, size in enumerate(sizes)}
    out = os.path.abspath(args.out)
    if os.path.commonpath([out, REPO]) == REPO:
        sys.exit("bench: --out must be outside the repository")
    os.makedirs(out, exist_ok=True)
    ensure_time()
    sitegen = os.path.abspath(args.sitegen) if args.sitegen else build_sitegen(args.scratch_path)
    floor = build_floor(out)
    hugo = shutil.which("hugo")
    bench = Bench(args, sitegen, floor, hugo)

    commit = args.commit or subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = "" if args.commit else subprocess.run(["git", "status", "--porcelain", "--", "Sources", "Package.swift", "Templates"],
                                                   cwd=REPO, capture_output=True, text=True).stdout.strip()
    hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1] if hugo else "not installed"
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.machine()) \
        if os.path.exists("/proc/cpuinfo") else platform.machine()
    print(f"## sitegen benchmark, {datetime.date.today().isoformat()}, commit {commit}{' + uncommitted changes' if dirty else ''}\n")
    print(f"{os.cpu_count()} cores ({cpu}), load average at start {os.getloadavg()[0]:.2f}; Hugo {hugo_version}; "
          f"tmpfs {out}; sites {'with' if args.taxonomy else 'without (--no-taxonomy)'} the `topics` taxonomy; cold runs "
          f"(output removed before each), " + ", ".join(f"{runs[size]} at {size:,}" for size in sizes)
          + " runs each, alternating; median (min–max).\n")

    results: list[SizeResult] = []
    loads: list[str] = []
    for size in sizes:
        site = generate(size, out, args.seed, os.path.abspath(args.content), args.taxonomy)
        pages = count_pages(os.path.join(site, "sitegen", "Content"))
        before = os.getloadavg()[0]
        series = bench.compare(site, out, runs[size], args.warmups)
        loads.append(f"{size:,}: {before:.1f} → {os.getloadavg()[0]:.1f}")
        outputs = {"sitegen": output_size(os.path.join(out, "out-sitegen"))}
        if hugo:
            outputs["hugo"] = output_size(os.path.join(out, "out-hugo"))
        results.append(SizeResult(size, pages, series, site, outputs, check_strict(sitegen, site, bench.templates)))
        print(f"bench: {size} done", file=sys.stderr)

    print_tables(results, loads, os.cpu_count())
    print_targets(results)

    print("\nCPU time (user + system, median):\n")
    print("| pages | sitegen CPU | Hugo CPU | floor CPU | floor phases (last run) |")
    print("|---:|---:|---:|---:|---|")
    for r in results:
        s, h, f = r.series["sitegen"], r.series.get("hugo"), r.series.get("floor")
        phases = f.runs[-1].stdout.strip().split(": ", 1)[-1] if f else "–"
        print(f"| {r.size:,} | {s.cpu:.2f} s | " + (f"{h.cpu:.2f} s | " if h else "– | ") + (f"{f.cpu:.2f} s | " if f else "– | ")
              + f"{phases} |")

    disk_size = args.disk_size if args.disk_size in sizes else max([s for s in sizes if s <= max(args.disk_size, 0)] or [0])
    if disk_size and args.disk_runs > 0:
        site = next(r.site for r in results if r.size == disk_size)
        disk = os.path.abspath(args.disk)
        os.makedirs(disk, exist_ok=True)
        sg = [bench.sitegen_run(site, os.path.join(disk, "out-sitegen")) for _ in range(args.disk_runs)]
        again = [bench.sitegen_run(site, os.path.join(disk, "out-sitegen"), clean=False) for _ in range(args.disk_runs)]
        hg = [bench.hugo_run(site, os.path.join(disk, "out-hugo")) for _ in range(args.disk_runs)] if hugo else []
        shutil.rmtree(disk, ignore_errors=True)
        print(f"\nOn disk ({disk}, ext4 here), {disk_size:,} pages, {args.disk_runs} runs: sitegen cold {Series(sg).median:.2f} s "
              f"({Series(sg).spread}), unchanged rebuild {Series(again).median:.2f} s ({Series(again).spread})"
              + (f"; Hugo cold {Series(hg).median:.2f} s ({Series(hg).spread})" if hg else "") + ".")

    scale_size = max([s for s in sizes if s <= 10000] or [0])
    if args.body_scale > 1 and scale_size:
        longer = generate(scale_size, out, args.seed, os.path.abspath(args.content), args.taxonomy, args.body_scale)
        base = next(r for r in results if r.size == scale_size)
        markdown = lambda site: sum(os.path.getsize(os.path.join(folder, name)) for folder, _, files in
                                    os.walk(os.path.join(site, "sitegen", "Content")) for name in files if name.endswith(".md"))
        scale_runs = max(3, runs[scale_size] // 2)
        sg = Series([bench.sitegen_run(longer, os.path.join(out, "out-sitegen")) for _ in range(scale_runs)])
        hg = Series([bench.hugo_run(longer, os.path.join(out, "out-hugo")) for _ in range(scale_runs)]) if hugo else None
        s, h = base.series["sitegen"], base.series.get("hugo")
        print(f"\nBodies {args.body_scale}× longer, {scale_size:,} pages ({markdown(base.site) / 1e6:.0f} → {markdown(longer) / 1e6:.0f} MB "
              f"of Markdown), {scale_runs} runs: sitegen {s.median:.2f} → {sg.median:.2f} s, peak {s.peak:.0f} → {sg.peak:.0f} MB"
              + (f"; Hugo {h.median:.2f} → {hg.median:.2f} s, peak {h.peak:.0f} → {hg.peak:.0f} MB" if h and hg else "") + ".")

    micro_out = os.path.join(out, "out-micro")
    micro = Series([measure([sitegen, "build", "--content", os.path.abspath(args.content), "--templates", bench.templates,
                             "--output", micro_out, "--quiet"], REPO, [micro_out]) for _ in range(args.micro_runs)])
    print(f"\nReal microsite ({count_pages(args.content)} pages), {args.micro_runs} cold runs: {micro.median * 1000:.0f} ms "
          f"({min(r.wall for r in micro.runs) * 1000:.0f}–{max(r.wall for r in micro.runs) * 1000:.0f} ms), "
          f"peak {micro.peak:.0f} MB (goal: under 100 ms).")

    print("\nsitegen stage timings (`sitegen build --timings`, one cold run):\n")
    for r in results:
        run = bench.sitegen_run(r.site, os.path.join(out, "out-sitegen"), extra=("--timings",))
        print(f"{r.size:,} pages:\n```\n{run.stdout.rstrip()}\n```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
