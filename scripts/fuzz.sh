#!/usr/bin/env bash
# Builds and runs the libFuzzer targets: dump, feed, html, text, search.
#   scripts/fuzz.sh [SECONDS] [TARGET ...]     (make fuzz SECONDS=N)
# Each target is GazetteCore compiled with -sanitize=fuzzer,address and one entry point
# (Fuzz/FuzzEntry.swift); its corpus is seeded from ../shared/samples and ../shared/realworld,
# and crashes are kept under fuzz-out/<target>/ to become regression tests.
set -eo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dump feed html text search)
shared=../shared
out=fuzz-out
mkdir -p "$out"

# The sources as they are now, so that edits made while the targets run do not mix in.
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
cp -r Sources/GazetteCore Sources/CLibXML2 Sources/CThreadPlacement Fuzz "$snapshot/"
# The state store and the files under it use GRDB, which the fuzz targets do not need.
sources=$(find "$snapshot/GazetteCore" -name '*.swift' ! -name 'ReadingStateStore.swift' \
  ! -name 'SQLiteReadConnection.swift' ! -name 'SQLiteFileHead.swift' ! -name 'StateFileHeader.swift' | sort)
# CThreadPlacement as SwiftPM makes it: its header as a module, its C files as objects.
placement="$snapshot/CThreadPlacement"
printf 'module CThreadPlacement {\n  header "ThreadPlacement.h"\n  export *\n}\n' \
  > "$placement/include/module.modulemap"
placement_objects=()
for c in "$placement"/*.c; do
  clang -c -O2 -fsanitize=address -I "$placement/include" "$c" -o "${c%.c}.o"
  placement_objects+=("${c%.c}.o")
done

for target in "${targets[@]}"; do
  upper=$(echo "$target" | tr '[:lower:]' '[:upper:]')
  dir="$out/$target"
  mkdir -p "$dir/corpus" "$dir/crashes"
  case "$target" in
    dump|text|search)
      cp "$shared"/samples/* "$shared"/realworld/news/*.txt "$dir/corpus/" ;;
    feed|html)
      find "$shared/realworld/feeds" -type f ! -name SOURCES.md -exec cp {} "$dir/corpus/" \; ;;
  esac
  binary="$dir/fuzz-$target"
  echo "fuzz: building $target"
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name GazetteCore \
    -D "FUZZ_$upper" -I "$snapshot/CLibXML2" -I "$placement/include" -Xcc -I/usr/include/libxml2 -lxml2 -l_FoundationICU \
    $sources "$snapshot/Fuzz/FuzzEntry.swift" "${placement_objects[@]}" -o "$binary" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  echo "fuzz: running $target for ${seconds}s"
  # Leak checking is off: FoundationXML leaks a CFString on every XML error it reports
  # (_CFErrorCreateFromXMLInterface), which would stop the feed target at its first input.
  status=0
  ASAN_OPTIONS=detect_leaks=0 "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -detect_leaks=0 \
    -artifact_prefix="$dir/crashes/" -print_final_stats=1 "$dir/corpus" > "$dir/last-run.txt" 2>&1 || status=$?
  grep -E "^Done|average_exec_per_sec|SUMMARY|ERROR" "$dir/last-run.txt" || true
  echo "fuzz: $target ended with status $status; crashes kept: $(ls "$dir/crashes" | wc -l)"
  [ "$status" -eq 0 ] || failed=1
done
exit "${failed:-0}"
