#!/usr/bin/env bash
# The whole test suite under a sanitizer (make sanitize): AddressSanitizer, then
# ThreadSanitizer; `scripts/sanitize.sh address` or `thread` runs one.
#
# The command and tmux tests drive a gazette binary built with the same sanitizer. Under
# AddressSanitizer that binary also checks for leaks when it exits (Foundation's own are
# listed in lsan-suppressions.txt); the XCTest process itself does not, because XCTest keeps
# every test case alive until exit.
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
root=$PWD
for kind in "${kinds[@]}"; do
  scratch=.build-$kind
  echo "sanitize: building with --sanitize=$kind"
  swift build --build-tests --sanitize="$kind" --scratch-path "$scratch"
  binary="$root/$scratch/gazette-under-test"
  case "$kind" in
    address)
      printf '#!/bin/sh\nASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=%s exec %s "$@"\n' \
        "$root/scripts/lsan-suppressions.txt" "$root/$scratch/debug/gazette" > "$binary"
      export ASAN_OPTIONS=detect_leaks=0 ;;
    thread)
      printf '#!/bin/sh\nexec %s "$@"\n' "$root/$scratch/debug/gazette" > "$binary" ;;
    *) echo "sanitize: unknown sanitizer $kind" >&2; exit 2 ;;
  esac
  chmod +x "$binary"
  echo "sanitize: testing with --sanitize=$kind"
  GAZETTE_BIN="$binary" swift test --skip-build --sanitize="$kind" --scratch-path "$scratch"
done
