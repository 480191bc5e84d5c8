#!/usr/bin/env bash
# Installs the Debian packages Gazette's build and tests need, when they are missing.
set -euo pipefail

missing=()
pkg-config --version >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists ncursesw 2>/dev/null || missing+=(libncursesw5-dev)
  pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
  pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)
else
  missing+=(libncursesw5-dev libsqlite3-dev libxml2-dev)
fi
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' || missing+=(locales)

# The static libraries a release build links libxml2 in with (Makefile, LIBXML2_LIBS): without
# them it still builds, and loads the shared libxml2 when a feed needs it; so their packages
# are installed when missing, but a failure to install them stops nothing.
optional=()
for pair in lzma:liblzma-dev z:zlib1g-dev; do
  lib=$(${CC:-cc} -print-file-name="lib${pair%%:*}.a" 2>/dev/null || true)
  [ -f "$lib" ] || optional+=("${pair##*:}")
done

if [ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
  echo "deps: all build and test packages are present"
  exit 0
fi

echo "deps: installing missing Debian packages: ${missing[*]} ${optional[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    if [ ${#missing[@]} -eq 0 ]; then
      echo "deps: not root and no sudo; a release build loads the shared libxml2 without ${optional[*]}" >&2
      exit 0
    fi
    echo "deps: not root and no sudo; please install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || [ ${#missing[@]} -eq 0 ]
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq "${missing[@]}"
  echo "deps: installed ${missing[*]}"
fi
if [ ${#optional[@]} -gt 0 ]; then
  if $sudo apt-get install -y -qq "${optional[@]}"; then
    echo "deps: installed ${optional[*]}"
  else
    echo "deps: could not install ${optional[*]}; a release build loads the shared libxml2" >&2
  fi
fi
