# Gazette — build, run, test, install.
PREFIX ?= /usr/local
SWIFT ?= swift
ARGS ?=
RELEASE_BIN := .build/release/gazette
SAMPLE := Samples/000_b85e378bc3d894c4.txt

.PHONY: all build run test install lint format clean deps bench fuzz sanitize static-libs

all: build

## Installs the Debian packages the build needs when they are missing.
deps:
	@./scripts/deps.sh

## Release build of the gazette executable.
build: deps static-libs
	$(SWIFT) build -c release --product gazette --static-swift-stdlib

## Puts the static libraries of STATIC_LIBS where the release link looks first (Package.swift):
## the C++ runtime, SQLite and ncurses are then linked in, not loaded at every start (see
## DECISIONS.md). `make build STATIC_LIBS=stdc++` keeps the system's SQLite and ncurses.
STATIC_LIBS ?= stdc++ sqlite3 ncursesw tinfo
static-libs:
	@rm -rf .build-static; mkdir -p .build-static; for name in $(STATIC_LIBS); do \
	  lib=$$($(CC) -print-file-name=lib$$name.a 2>/dev/null); \
	  if [ -f "$$lib" ]; then ln -sf "$$lib" .build-static/lib$$name.a; fi; done

## Builds, then opens the bundled sample (or ARGS) in the reader.
run: build
	$(RELEASE_BIN) $(ARGS)

## Unit, screen, command and tmux end-to-end tests.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Installs the binary and the sample under PREFIX.
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/gazette"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/gazette"
	install -m 0644 $(SAMPLE) "$(DESTDIR)$(PREFIX)/share/gazette/"

## Archive-scale figures next to their anchors (less, wc -l), medians of RUNS runs.
RUNS ?= 5
bench: deps static-libs
	$(SWIFT) build -c release --product gazette --static-swift-stdlib
	$(SWIFT) build -c release --product gazette-bench --static-swift-stdlib
	.build/release/gazette-bench --runs $(RUNS) --gazette .build/release/gazette --tools ../shared/tools

## libFuzzer targets (dump, feed, html, text, search), SECONDS each; crashes in fuzz-out/.
SECONDS ?= 60
fuzz: deps
	./scripts/fuzz.sh $(SECONDS)

## The test suite under AddressSanitizer and ThreadSanitizer (SANITIZERS="address thread").
SANITIZERS ?= address thread
sanitize: deps
	./scripts/sanitize.sh $(SANITIZERS)

## swift-format in strict mode over Sources and Tests.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

## Rewrites the sources in the project's format.
format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-static
