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

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all build and test packages are present"
  exit 0
fi

echo "deps: installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "deps: not root and no sudo; please install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}"
echo "deps: installed ${missing[*]}"
