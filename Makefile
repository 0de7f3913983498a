# sitegen: `make site` builds the conference site into public/, `make test` runs the whole suite.
# Both install what is missing first (scripts/install-deps.sh).

SWIFT       ?= swift
RELEASE_BIN := .build/release/sitegen
DEBUG_BIN   := .build/debug/sitegen
TEST_SITE   := .build/test-site

.PHONY: site test deps test-deps release swift-test site-tests js-test check serve bench clean

site: deps release
	$(RELEASE_BIN) build

deps:
	@scripts/install-deps.sh site

test-deps:
	@scripts/install-deps.sh test

release:
	$(SWIFT) build -c release --product sitegen

# The whole suite: Swift unit and end-to-end tests (with the Mustache spec), the JavaScript tests,
# then the real site built and checked (validator, links, metadata, browser).
test: test-deps swift-test js-test site-tests

swift-test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

js-test:
	node --test Tests/JavaScript/

site-tests:
	$(SWIFT) build --product sitegen
	$(DEBUG_BIN) check --strict
	$(DEBUG_BIN) build --output $(TEST_SITE)
	SITE_DIR=$(TEST_SITE) SITEGEN=$(DEBUG_BIN) python3 -m pytest -q Tests/Site Tests/CLI Tests/Browser

serve: deps
	$(SWIFT) build -c release --product sitegen
	$(RELEASE_BIN) serve

# Benchmark (reports, never gates): sitegen, Hugo and the read+cmark+write floor on synthetic sites
# in /dev/shm; see Benchmarks/bench.py. Options: make bench BENCH_ARGS="--sizes 1000,10000,30000".
bench: deps
	python3 Benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf .build public
