#!/usr/bin/env bash
# Runs each libFuzzer target of sitegen-fuzz for a set time (make fuzz; FUZZ_SECONDS, default 60).
# Usage: scripts/fuzz.sh BINARY SECONDS TARGET...
# Each target's corpus lives in .build-fuzz/corpus/TARGET, seeded from Tests/Fixtures/fuzz/TARGET
# and the fixture site's files. A crash fails the run, and its input is kept as
# Tests/Fixtures/fuzz/TARGET/crash-<sha1>, which the test suite then replays (commit it with the fix).
set -uo pipefail
binary=$1 seconds=$2
shift 2
work=.build-fuzz
failed=0
summary=()

seed() { # target folder: copy the fixture files a target starts from
  local target=$1 corpus=$2
  cp Tests/Fixtures/fuzz/"$target"/* "$corpus"/ 2>/dev/null
  rm -f "$corpus/README.md"
  case $target in
    front-matter|markdown) find Tests/Fixtures/minisite/Content Content -name '*.md' -exec cp --backup=numbered {} "$corpus"/ \; ;;
    template) find Templates Tests/Fixtures/minisite/Templates -name '*.mustache' -exec cp --backup=numbered {} "$corpus"/ \; ;;
    tokenizer) cp Tests/Fixtures/seed/article.txt "$corpus"/ ;;
  esac
}

for target in "$@"; do
  corpus=$work/corpus/$target crashes=$work/crashes/$target
  mkdir -p "$corpus" "$crashes"
  seed "$target" "$corpus"
  log=$work/$target.log
  echo "fuzzing $target for ${seconds}s (log: $log)"
  # Swift's own crash backtracer is off: it reads memory that AddressSanitizer then reports.
  # LeakSanitizer is off: Swift keeps flag bits in the high bits of string and array pointers, so
  # it takes objects reachable from globals (made once, on first use) for leaks.
  ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no SITEGEN_FUZZ_TARGET=$target "$binary" "$corpus" -max_total_time="$seconds" -print_final_stats=1 -detect_leaks=0 \
    -artifact_prefix="$crashes/" -max_len=65536 -timeout=10 -rss_limit_mb=4096 >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  found=0
  for crash in "$crashes"/*; do
    [[ -f $crash ]] || continue
    keep=Tests/Fixtures/fuzz/$target/crash-$(sha1sum "$crash" | cut -c1-16)
    cp "$crash" "$keep"
    rm -f "$crash"
    echo "  crash kept as $keep"
    found=$((found + 1))
  done
  if ((status != 0 || found > 0)); then
    failed=1
    grep -m3 -E 'ERROR|Precondition|Fatal|SUMMARY' "$log" | sed 's/^/  /'
  fi
  summary+=("fuzz $target: ${runs:-0} executions in ${seconds}s, $found crashes (exit $status)")
done
printf '%s\n' "${summary[@]}"
exit $failed
