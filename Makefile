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
	$(SWIFT) build -c release --product gazette --static-swift-stdlib $(LINK_LIBXML2) $(STATIC_EXECUTABLE)

## Puts the static libraries of STATIC_LIBS where the release link looks first (Package.swift):
## the C++ runtime, SQLite and ncurses are then linked in, not loaded at every start (see
## DECISIONS.md). `make build STATIC_LIBS=stdc++` keeps the system's SQLite and ncurses.
STATIC_LIBS ?= stdc++ sqlite3 ncursesw tinfo
## libxml2 is linked in with what it needs (ICU, lzma, zlib) when all their static libraries
## are there: a feed's first screen then does not wait for it to load (DECISIONS.md).
## Otherwise, and with `make build LIBXML2_LIBS=`, a feed loads the shared one when it needs it.
LIBXML2_LIBS ?= xml2 icuuc icudata lzma z
LINK_LIBXML2 = $$(if [ -f .build-static/libxml2.a ]; then echo -Xswiftc -DGAZETTE_LINKED_LIBXML2 \
	-Xlinker -L$(CURDIR)/.build-static $(foreach name,$(LIBXML2_LIBS),-Xlinker -l$(name)); fi)
## With the static archives of all of these and of the C library, gazette is linked fully
## static: no dynamic loader at start, about 1 ms of every first screen (DECISIONS.md).
STATIC_EXECUTABLE = $$(ok=1; for lib in xml2 sqlite3 ncursesw tinfo stdc++; do \
	[ -f .build-static/lib$$lib.a ] || ok=; done; [ -f "$$($(CC) -print-file-name=libc.a)" ] || ok=; \
	[ -n "$$ok" ] && echo -Xswiftc -static-executable)
static-libs:
	@rm -rf .build-static; mkdir -p .build-static; for name in $(STATIC_LIBS); do \
	  lib=$$($(CC) -print-file-name=lib$$name.a 2>/dev/null); \
	  if [ -f "$$lib" ]; then ln -sf "$$lib" .build-static/lib$$name.a; fi; done
	@libs=""; for name in $(LIBXML2_LIBS); do \
	  lib=$$($(CC) -print-file-name=lib$$name.a 2>/dev/null); \
	  if [ -f "$$lib" ]; then libs="$$libs $$lib"; else libs=""; break; fi; done; \
	for lib in $$libs; do ln -sf "$$lib" .build-static/; done

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
	$(SWIFT) build -c release --product gazette --static-swift-stdlib $(LINK_LIBXML2) $(STATIC_EXECUTABLE)
	$(SWIFT) build -c release --product gazette-bench --static-swift-stdlib $(LINK_LIBXML2) $(STATIC_EXECUTABLE)
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
