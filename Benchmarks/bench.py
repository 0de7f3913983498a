#!/usr/bin/env python3
"""`make bench`: sitegen against Hugo and against the floor (read + cmark + write), on the same pages.

For each size (1,000 and 10,000 synthetic pages plus the real microsite by default), it generates
a site with gen_site.py into tmpfs (/dev/shm; the disk here is slow and erratic for small files),
then runs sitegen, Hugo (when installed; its defaults: sitemap, RSS) and the floor in turn, cold
(output folder removed before each run), five runs each, and prints a Markdown table of medians
with their spread (min–max), pages per second and peak memory (/usr/bin/time -v). Then the same
size once on disk for comparison, the real microsite's build time, and sitegen's own stage
timings (`sitegen build --timings`). It reports; it asserts nothing.

Usage: bench.py [--sizes 1000,10000,30000] [--runs 5] [--sitegen BIN | --scratch-path .build]
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
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TIME = "/usr/bin/time"


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
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
    def peak(self) -> float:
        return max(r.peak_mb for r in self.runs)


def seconds(text: str) -> float:
    """GNU time's elapsed format ([h:]m:ss.ss) or plain seconds."""
    total = 0.0
    for part in text.split(":"):
        total = total * 60 + float(part)
    return total


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
    field = lambda name: re.search(rf"{re.escape(name)}: (.+)", stats).group(1).strip()
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) * 1024 / 1e6
    return Run(wall=wall, cpu=cpu, peak_mb=peak, stdout=result.stdout + result.stderr)


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


def generate(size: int, out: str, seed: int, content: str, body_scale: int = 1) -> str:
    """The synthetic site of `size` pages, reused when the generator, seed and content are unchanged."""
    site = os.path.join(out, f"site-{size}" + (f"-x{body_scale}" if body_scale != 1 else ""))
    key = f"{size} {seed} {body_scale} {os.path.getmtime(os.path.join(HERE, 'gen_site.py'))} {content} {content_stamp(content)}"
    stamp = os.path.join(site, ".stamp")
    if os.path.exists(stamp) and open(stamp).read() == key:
        return site
    print(f"bench: generating {size} pages into {site}", file=sys.stderr)
    subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), "--pages", str(size), "--out", site, "--seed", str(seed),
                    "--content", content, "--body-scale", str(body_scale)],
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="synthetic page counts, comma-separated (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and size (default 5)")
    parser.add_argument("--warmups", type=int, default=1, help="untimed runs per tool before timing (default 1)")
    parser.add_argument("--seed", type=int, default=7, help="generator seed (default 7)")
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
          f"tmpfs {out}; cold runs (output removed before each), {args.runs} runs each, alternating; median (min–max).\n")

    results: list[tuple[int, int, dict[str, Series], str]] = []
    loads: list[str] = []
    for size in sizes:
        site = generate(size, out, args.seed, os.path.abspath(args.content))
        pages = count_pages(os.path.join(site, "sitegen", "Content"))
        before = os.getloadavg()[0]
        series = bench.compare(site, out, args.runs, args.warmups)
        results.append((size, pages, series, site))
        loads.append(f"{size:,}: {before:.1f} → {os.getloadavg()[0]:.1f}")
        print(f"bench: {size} done", file=sys.stderr)

    print("| pages | sitegen | Hugo | Hugo/sitegen | sitegen pages/s | sitegen peak | Hugo peak | floor |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, pages, series, _ in results:
        s, h, f = series["sitegen"], series.get("hugo"), series.get("floor")
        print(f"| {size:,} (+{pages - size}) | {s.median:.2f} s ({s.spread}) | "
              + (f"{h.median:.2f} s ({h.spread}) | {h.median / s.median:.1f}× | " if h else "– | – | ")
              + f"{pages / s.median:,.0f} | {s.peak:.0f} MB | " + (f"{h.peak:.0f} MB | " if h else "– | ")
              + (f"{f.median:.2f} s |" if f else "– |"))
    print("\npages: synthetic (+ the real microsite's pages). floor: read + cmark + write in C on one core "
          "(Benchmarks/floor.c), no templates. Load average (1 min) before → after each size: " + "; ".join(loads)
          + f" ({os.cpu_count()} cores: above that, other processes share the machine and wall times stretch).\n")

    print("CPU time (user + system, median):\n")
    print("| pages | sitegen CPU | Hugo CPU | floor CPU | floor phases (last run) |")
    print("|---:|---:|---:|---:|---|")
    for size, _, series, _ in results:
        s, h, f = series["sitegen"], series.get("hugo"), series.get("floor")
        phases = f.runs[-1].stdout.strip().split(": ", 1)[-1] if f else "–"
        print(f"| {size:,} | {s.cpu:.2f} s | " + (f"{h.cpu:.2f} s | " if h else "– | ") + (f"{f.cpu:.2f} s | " if f else "– | ")
              + f"{phases} |")

    disk_size = args.disk_size if args.disk_size in sizes else max([s for s in sizes if s <= max(args.disk_size, 0)] or [0])
    if disk_size and args.disk_runs > 0:
        site = next(r[3] for r in results if r[0] == disk_size)
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
        longer = generate(scale_size, out, args.seed, os.path.abspath(args.content), args.body_scale)
        base = next(r for r in results if r[0] == scale_size)
        markdown = lambda site: sum(os.path.getsize(os.path.join(folder, name)) for folder, _, files in
                                    os.walk(os.path.join(site, "sitegen", "Content")) for name in files if name.endswith(".md"))
        runs = max(3, args.runs // 2)
        sg = Series([bench.sitegen_run(longer, os.path.join(out, "out-sitegen")) for _ in range(runs)])
        hg = Series([bench.hugo_run(longer, os.path.join(out, "out-hugo")) for _ in range(runs)]) if hugo else None
        s, h = base[2]["sitegen"], base[2].get("hugo")
        print(f"\nBodies {args.body_scale}× longer, {scale_size:,} pages ({markdown(base[3]) / 1e6:.0f} → {markdown(longer) / 1e6:.0f} MB "
              f"of Markdown), {runs} runs: sitegen {s.median:.2f} → {sg.median:.2f} s, peak {s.peak:.0f} → {sg.peak:.0f} MB"
              + (f"; Hugo {h.median:.2f} → {hg.median:.2f} s, peak {h.peak:.0f} → {hg.peak:.0f} MB" if h and hg else "") + ".")

    micro_out = os.path.join(out, "out-micro")
    micro = Series([measure([sitegen, "build", "--content", os.path.abspath(args.content), "--templates", bench.templates,
                             "--output", micro_out, "--quiet"], REPO, [micro_out]) for _ in range(args.micro_runs)])
    print(f"\nReal microsite ({count_pages(args.content)} pages), {args.micro_runs} cold runs: {micro.median * 1000:.0f} ms "
          f"({min(r.wall for r in micro.runs) * 1000:.0f}–{max(r.wall for r in micro.runs) * 1000:.0f} ms), "
          f"peak {micro.peak:.0f} MB (goal: under 100 ms).")

    print("\nsitegen stage timings (`sitegen build --timings`, one cold run):\n")
    for size, _, _, site in results:
        run = bench.sitegen_run(site, os.path.join(out, "out-sitegen"), extra=("--timings",))
        print(f"{size:,} pages:\n```\n{run.stdout.rstrip()}\n```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
