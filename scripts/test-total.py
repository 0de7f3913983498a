#!/usr/bin/env python3
"""Adds up what each runner of `make test` reported (their logs in .build/test-logs/) and prints one
closing line: `total: N passed, N failed`. Exits non-zero when a log is missing or shows a failure,
so the line can only say 0 failed when every runner said so."""
import pathlib
import re
import sys

LOGS = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".build/test-logs")


def swift(text):
    # Swift Testing: "✔ Test run with 215 tests in 46 suites passed after 3.0 seconds." (or "failed
    # after … with N issues"); XCTest: "Executed N tests, with M failures".
    run = re.findall(r"Test run with (\d+) tests? in \d+ suites? (passed|failed)(?: after [\d.]+ seconds)?(?: with (\d+) issues?)?", text)
    passed = failed = 0
    for count, outcome, issues in run:
        if outcome == "passed":
            passed += int(count)
        else:
            failed += max(int(issues or 1), 1)
            passed += max(int(count) - int(issues or 1), 0)
    xc = re.findall(r"Executed (\d+) tests?, with (\d+) failures?", text)
    if xc:
        count, failures = map(int, xc[-1])
        passed += count - failures
        failed += failures
    return passed, failed, bool(run or xc)


def node(text):
    p = re.findall(r"^# pass (\d+)", text, re.M)
    f = re.findall(r"^# fail (\d+)", text, re.M)
    return (int(p[-1]) if p else 0), (int(f[-1]) if f else 0), bool(p)


def pytest(text):
    lines = [l for l in text.splitlines() if re.search(r"\d+ (passed|failed)", l)]
    if not lines:
        return 0, 0, False
    last = lines[-1]
    get = lambda word: sum(int(n) for n in re.findall(rf"(\d+) {word}", last))
    return get("passed"), get("failed") + get("error"), True


RUNNERS = [("swift.log", "Swift Testing", swift), ("node.log", "node --test", node), ("pytest.log", "pytest", pytest)]

total_passed = total_failed = 0
problems = []
for name, label, parse in RUNNERS:
    path = LOGS / name
    if not path.exists():
        problems.append(f"{label}: no log at {path}")
        continue
    passed, failed, found = parse(path.read_text(encoding="utf-8", errors="replace"))
    if not found:
        problems.append(f"{label}: no result line in {path}")
    print(f"{label}: {passed} passed, {failed} failed")
    total_passed += passed
    total_failed += failed
for problem in problems:
    print(problem, file=sys.stderr)
print(f"total: {total_passed} passed, {total_failed} failed")
sys.exit(1 if problems or total_failed else 0)
