#!/usr/bin/env python3
"""Save-to-served latency of `sitegen serve`.

Starts `sitegen serve` on a site, connects to its reload event socket as an open page does, then
for each page given: saves an edit to its Markdown file, waits for the reload message, fetches the
page's URL and checks that the edit is in it. Prints per page the median, minimum and maximum time
from the save to the page fetched (and to the reload message), then the server's memory (RSS now
and peak). Each page's file is restored afterwards.

Usage:
    python3 Benchmarks/serve-latency.py SITEGEN CONTENT TEMPLATES PORT "MD=URL[,MD=URL...]"

    SITEGEN    the sitegen binary (a release build: .build/release/sitegen)
    CONTENT    the content folder (with site.yml)
    TEMPLATES  the templates folder
    PORT       a free port
    MD=URL     a Markdown file, relative to the folder that holds CONTENT (so it starts with
               CONTENT's own name), and the URL path the page is served at

Environment:
    RUNS=10      saves per page
    PAUSE=1.5    seconds between saves (lets the deferred search index, sitemap and feed finish)
    EDIT=body    what each save changes: `body` appends a paragraph (lists of summaries do not
                 change); `title` appends a word to the page's title (its list pages change too)
    TIMINGS=1    passes --timings to the server and prints its stage times of each rebuild

Example (10,000 pages made with `python3 Benchmarks/gen_site.py`, see its --help):
    RUNS=10 python3 Benchmarks/serve-latency.py .build/release/sitegen /dev/shm/serve10k/Content \\
        Templates 8931 "Content/news/2015-02-24-x.md=/news/2015-02-24-x/"
"""
import base64
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def ws_connect(port):
    """Opens the reload WebSocket; returns the socket and the bytes read past the handshake."""
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    buf = b""
    while b"\r\n\r\n" not in buf:
        buf += s.recv(4096)
    head, rest = buf.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 101"), head
    return s, bytearray(rest)


def ws_next(s, buf):
    """The next status message (JSON) from the server (unmasked text frames)."""
    def need(n):
        while len(buf) < n:
            chunk = s.recv(65536)
            if not chunk:
                raise EOFError
            buf.extend(chunk)
    need(2)
    length = buf[1] & 0x7F
    header = 2
    if length == 126:
        need(4)
        length = int.from_bytes(buf[2:4], "big")
        header = 4
    elif length == 127:
        need(10)
        length = int.from_bytes(buf[2:10], "big")
        header = 10
    need(header + length)
    payload = bytes(buf[header:header + length])
    del buf[:header + length]
    return json.loads(payload)


def rss(pid):
    """(current, peak) resident memory of `pid` in MB."""
    status = open(f"/proc/{pid}/status").read()
    def get(key):
        return int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024
    return get("VmRSS"), get("VmHWM")


def edited(original, marker, kind):
    """The file's text with `marker` added to its body or to its title."""
    if kind == "body":
        return original + f"\nA saved paragraph {marker}.\n"
    lines = original.split("\n")
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            break
        if line.startswith("title:"):
            value = line[len("title:"):].strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[:-1] + " " + marker + value[-1]
            else:
                value = value + " " + marker
            lines[number] = "title: " + value
            return "\n".join(lines)
    raise SystemExit("no title: in the front matter")


def main():
    if len(sys.argv) != 6 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) == 2 else 2)
    # Absolute paths: the server runs from /tmp, away from any project folder.
    binary, content, templates = (os.path.abspath(path) for path in sys.argv[1:4])
    port = int(sys.argv[4])
    pages = sys.argv[5].split(",")
    runs = int(os.environ.get("RUNS", "10"))
    pause = float(os.environ.get("PAUSE", "1.5"))
    kind = os.environ.get("EDIT", "body")
    timings = os.environ.get("TIMINGS") == "1"
    assert kind in ("body", "title"), kind
    command = [binary, "serve", "--content", os.path.abspath(content), "--templates", os.path.abspath(templates),
               "--port", str(port)] + (["--timings"] if timings else [])
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd="/tmp")
    started = time.monotonic()
    for line in proc.stdout:
        print("  |", line.rstrip())
        if line.startswith("Serving"):
            break
    print(f"startup (first build + listen): {time.monotonic() - started:.2f} s; RSS after start {rss(proc.pid)[0]:.0f} MB")
    # Keep reading the server's output so it never blocks on a full pipe.
    log = []
    def drain():
        for line in proc.stdout:
            log.append(line.rstrip())
    threading.Thread(target=drain, daemon=True).start()

    s, buf = ws_connect(port)
    build = ws_next(s, buf)["build"]
    for spec in pages:
        path, url = spec.split("=")
        full = os.path.join(os.path.dirname(os.path.abspath(content).rstrip("/")), path)
        original = open(full, encoding="utf-8").read()
        latencies, notified = [], []
        try:
            for run in range(runs):
                marker = f"edit-marker-{run}-{time.time_ns()}"
                log.clear()
                with open(full, "w", encoding="utf-8") as f:
                    f.write(edited(original, marker, kind))
                saved = time.monotonic()
                while True:
                    status = ws_next(s, buf)
                    assert not status.get("errors"), status["errors"]
                    if status["build"] != build:
                        break
                build = status["build"]
                message = time.monotonic()
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}{url}").read().decode()
                served = time.monotonic()
                assert marker in body, (url, status)
                latencies.append((served - saved) * 1000)
                notified.append((message - saved) * 1000)
                time.sleep(pause)
                if timings:
                    print(f"  run {run}: {latencies[-1]:.0f} ms (reload message after {notified[-1]:.0f} ms)")
                    for line in log:
                        print("  |", line)
        finally:
            with open(full, "w", encoding="utf-8") as f:
                f.write(original)
        while ws_next(s, buf)["build"] == build:
            pass
        s.close()
        s, buf = ws_connect(port)
        build = ws_next(s, buf)["build"]
        print(f"{path} ({kind} edit): save→served median {statistics.median(latencies):.0f} ms "
              f"(min {min(latencies):.0f}, max {max(latencies):.0f}); "
              f"save→reload message median {statistics.median(notified):.0f} ms; "
              f"fetch after the message median {statistics.median(f - n for f, n in zip(latencies, notified)):.0f} ms "
              f"(max {max(f - n for f, n in zip(latencies, notified)):.0f}); n={runs}")
    now, peak = rss(proc.pid)
    print(f"RSS now {now:.0f} MB, peak {peak:.0f} MB")
    proc.send_signal(2)
    proc.wait()


main()
