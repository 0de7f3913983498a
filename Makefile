# sitegen: `make site` builds the conference site into public/, `make test` runs the whole suite.
# Both install what is missing first (scripts/install-deps.sh).

SWIFT       ?= swift
RELEASE_BIN := .build/release/sitegen
DEBUG_BIN   := .build/debug/sitegen
TEST_SITE   := .build/test-site
TEST_LOGS   := .build/test-logs

# Each runner's output is kept (tee) for the closing total; pipefail keeps a runner's failure.
SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c

.PHONY: site test deps test-deps release swift-test site-tests js-test check serve bench fuzz clean

site: deps release
	$(RELEASE_BIN) build

deps:
	@scripts/install-deps.sh site

test-deps:
	@scripts/install-deps.sh test

release:
	$(SWIFT) build -c release --product sitegen

# The whole suite: Swift unit and end-to-end tests (with the Mustache spec), the JavaScript tests,
# then the real site built and checked (validator, links, metadata, browser); last, one line with the
# total of every runner (scripts/test-total.py).
test: test-deps
	rm -rf $(TEST_LOGS)
	$(MAKE) --no-print-directory swift-test js-test site-tests
	python3 scripts/test-total.py $(TEST_LOGS)

swift-test:
	@mkdir -p $(TEST_LOGS)
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip PreviewServerTests 2>&1 | tee $(TEST_LOGS)/swift.log
	# The preview server's tests wait on timers and file events: run on their own, so that the
	# long suites (whole-vocabulary stemming, random edits) cannot starve them on two cores.
	$(SWIFT) test --skip-build --filter PreviewServerTests 2>&1 | tee -a $(TEST_LOGS)/swift.log

js-test:
	@mkdir -p $(TEST_LOGS)
	node --test Tests/JavaScript/ 2>&1 | tee $(TEST_LOGS)/node.log

site-tests:
	@mkdir -p $(TEST_LOGS)
	$(SWIFT) build --product sitegen
	$(DEBUG_BIN) check --strict
	$(DEBUG_BIN) build --output $(TEST_SITE)
	SITE_DIR=$(TEST_SITE) SITEGEN=$(DEBUG_BIN) python3 -m pytest -q Tests/Site Tests/CLI Tests/Browser 2>&1 | tee $(TEST_LOGS)/pytest.log

serve: deps
	$(SWIFT) build -c release --product sitegen
	$(RELEASE_BIN) serve

# Benchmark (reports, never gates): sitegen, Hugo and the read+cmark+write floor on synthetic sites
# in /dev/shm; see Benchmarks/bench.py. Options: make bench BENCH_ARGS="--sizes 1000,10000,30000".
bench: deps
	python3 Benchmarks/bench.py $(BENCH_ARGS)

# Fuzzing (a long job, not part of `make test`): each target of Sources/FuzzTargets under libFuzzer
# with AddressSanitizer for FUZZ_SECONDS (default 60) each; fails on a crash and keeps its input in
# Tests/Fixtures/fuzz/ (see scripts/fuzz.sh). make fuzz FUZZ_SECONDS=3600 FUZZ_TARGETS=markdown
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= front-matter template markdown tokenizer request-path
# lld: gold stops with an internal error on the sanitized objects' debug information.
FUZZ_BUILD_FLAGS := -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
	-Xswiftc -DSITEGEN_FUZZING -Xswiftc -use-ld=lld
fuzz: deps
	$(SWIFT) build $(FUZZ_BUILD_FLAGS) --product sitegen-fuzz
	scripts/fuzz.sh "$$($(SWIFT) build $(FUZZ_BUILD_FLAGS) --show-bin-path)/sitegen-fuzz" $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build .build-fuzz public
