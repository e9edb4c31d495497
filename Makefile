# swarmtop: the two commands a new machine needs are `make demo` and `make test`.
SHELL := /bin/bash
LAB_ENV = eval "$$(scripts/lab env)"

.PHONY: deps build demo test fuzz lab-up lab-down bench

## Installs the system packages the build and the tests need (Debian; idempotent).
deps:
	scripts/deps

build: deps
	swift build

## Builds, starts the local lab swarm (scripts/lab up) and opens the dashboard on it.
demo: build
	scripts/lab up
	$(LAB_ENV) && LANG=$${LANG:-C.UTF-8} .build/debug/swarmtop

## Runs every test: unit, integration (against the lab, started here), tmux end-to-end, and
## the fuzz targets for a bounded time (scripts/fuzz).
test: build
	scripts/lab up
	$(LAB_ENV) && swift test --disable-swift-testing
	scripts/fuzz

## The fuzz targets under libFuzzer (Fuzz/, a package of its own built with sanitizers), 30 s
## each by default (FUZZ_SECONDS); `scripts/fuzz TARGET` runs one.
fuzz: deps
	scripts/fuzz

lab-up:
	scripts/lab up

lab-down:
	scripts/lab down

## Benchmarks (Benchmarks/, a package of its own, release build): decode + index a snapshot of
## 10,000 tasks, 1,000 services, 200 nodes; render a 240x70 frame of each pane.
## The cached build plan is dropped first: SwiftPM misses source files added to the root
## package (a path dependency here) while the plan is cached.
bench: deps
	rm -f Benchmarks/.build/release.yaml Benchmarks/.build/*/release/description.json
	cd Benchmarks && swift build -c release --product swarmtop-bench && .build/release/swarmtop-bench
