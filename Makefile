# swarmtop: the two commands a new machine needs are `make demo` and `make test`.
SHELL := /bin/bash
LAB_ENV = eval "$$(scripts/lab env)"

.PHONY: deps build demo test fuzz lab-up lab-down bench release completions manual install install-strip uninstall test-install

## Installs the system packages the build and the tests need (Debian; idempotent).
deps:
	scripts/deps

build: deps
	swift build

## Builds, starts the local lab swarm (scripts/lab up) and opens the dashboard on it.
demo: build
	scripts/lab up
	$(LAB_ENV) && LANG=$${LANG:-C.UTF-8} .build/debug/swarmtop

## Runs every test: the imports check (scripts/check-imports), unit, integration (against the lab, started here), tmux end-to-end,
## a 10-minute soak of the debug binary under churn (scripts/soak) and the fuzz targets for a bounded time (scripts/fuzz).
## Each step has a deadline (exit 124 when one is missed: a hung test fails here, with its name
## in the output, instead of using up CI's time), and XCTest's lines are written as they come
## (stdbuf: piped, they were held in 4 kB blocks, and a hang hid which test it was).
BOUNDED = timeout --kill-after=15s
test: build
	scripts/check-imports
	scripts/lab up
	$(LAB_ENV) && $(BOUNDED) 45m stdbuf -oL -eL swift test --disable-swift-testing
	$(BOUNDED) 20m scripts/soak --minutes 10
	$(BOUNDED) 20m scripts/fuzz

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

## Installing. `make install` builds the release binary and puts it, the themes, the bash, zsh and
## fish completions and the man page under PREFIX (default /usr/local), each where swarmtop, the
## shells and man look by themselves; DESTDIR is prepended for a packager's staging tree.
## `make uninstall` (same PREFIX and DESTDIR) removes exactly those files.
## The themes must stay at PREFIX/share/swarmtop/themes beside PREFIX/bin: swarmtop looks for them
## there (Settings/ThemeCatalog.swift). The completion folders can be moved, e.g. Debian's zsh reads
## vendor completions: ZSH_COMPLETION_DIR=/usr/share/zsh/vendor-completions.
PREFIX ?= /usr/local
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d
MAN_DIR ?= $(PREFIX)/share/man
THEMES := $(wildcard themes/*.toml)
RELEASE_BIN := .build/release/swarmtop
# Completions and the man page, generated from the release binary.
GENERATED := .build/install
# The man page's date: the last commit's, so that the same source gives the same page.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null)

## The release binary, with the Swift runtime and Foundation linked in (--static-swift-stdlib):
## it runs on a machine without the Swift toolchain. Every function in a section of its own, so
## that the link can put the ones a run calls together (Package.swift, scripts/hot-functions).
SWIFT_RELEASE := swift build -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections
release: deps
	$(SWIFT_RELEASE) --product swarmtop

## ArgumentParser writes each shell's completion script from the command's own definition.
completions: release
	mkdir -p $(GENERATED)
	for shell in bash zsh fish; do $(RELEASE_BIN) --generate-completion-script $$shell > $(GENERATED)/swarmtop.$$shell; done

## swift-argument-parser's generate-manual tool (what its GenerateManual plugin runs) reads the
## binary's --experimental-dump-help and writes swarmtop.1 (mdoc), every subcommand in one page.
manual: release
	$(SWIFT_RELEASE) --product generate-manual
	mkdir -p $(GENERATED)
	.build/release/generate-manual $(RELEASE_BIN) --output-directory $(GENERATED) $(if $(MAN_DATE),--date $(MAN_DATE))

# The program's install command; install-strip adds -s.
INSTALL_PROGRAM ?= install -m 755

install: release completions manual
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/swarmtop/themes $(DESTDIR)$(BASH_COMPLETION_DIR) \
	  $(DESTDIR)$(ZSH_COMPLETION_DIR) $(DESTDIR)$(FISH_COMPLETION_DIR) $(DESTDIR)$(MAN_DIR)/man1
	$(INSTALL_PROGRAM) $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/swarmtop
	install -m 644 $(THEMES) $(DESTDIR)$(PREFIX)/share/swarmtop/themes/
	install -m 644 $(GENERATED)/swarmtop.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/swarmtop
	install -m 644 $(GENERATED)/swarmtop.zsh $(DESTDIR)$(ZSH_COMPLETION_DIR)/_swarmtop
	install -m 644 $(GENERATED)/swarmtop.fish $(DESTDIR)$(FISH_COMPLETION_DIR)/swarmtop.fish
	install -m 644 $(GENERATED)/swarmtop.1 $(DESTDIR)$(MAN_DIR)/man1/swarmtop.1

## install with the binary stripped of its debug sections (137 MB -> 71 MB; packagers strip themselves).
install-strip:
	$(MAKE) INSTALL_PROGRAM='install -s -m 755' install

## Removes the files install put; of the folders, only swarmtop's own (share/swarmtop) when empty.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/swarmtop $(addprefix $(DESTDIR)$(PREFIX)/share/swarmtop/,$(THEMES)) \
	  $(DESTDIR)$(BASH_COMPLETION_DIR)/swarmtop $(DESTDIR)$(ZSH_COMPLETION_DIR)/_swarmtop \
	  $(DESTDIR)$(FISH_COMPLETION_DIR)/swarmtop.fish $(DESTDIR)$(MAN_DIR)/man1/swarmtop.1
	for dir in $(DESTDIR)$(PREFIX)/share/swarmtop/themes $(DESTDIR)$(PREFIX)/share/swarmtop; do \
	  [ ! -d $$dir ] || rmdir --ignore-fail-on-non-empty $$dir; done

## Installs into a temporary DESTDIR and checks every file, the binary, each shell's completion,
## the man page and uninstall (scripts/test-install). Not part of `make test`: the release build.
test-install: deps
	scripts/test-install
