#!/usr/bin/env bash
# Installs the Debian packages py2wasm needs to build its runtime and compiler.
# Idempotent: when everything is present it prints nothing and exits at once;
# `apt-get update` runs only when something is missing.
set -euo pipefail

PACKAGES=(
  clang-14 lld-14 llvm-14 wasi-libc libclang-rt-14-dev-wasm32
  binaryen wabt python3.11 python3.11-dev nodejs
  make gcc pkg-config dpkg-dev xz-utils ca-certificates
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# nodejs may come from elsewhere than Debian (e.g. nodesource); accept any node >= 20.
if [[ " ${missing[*]-} " == *" nodejs "* ]] && command -v node >/dev/null; then
  major=$(node -p 'process.versions.node.split(".")[0]')
  if (( major >= 20 )); then
    missing=("${missing[@]/nodejs}")
  fi
fi
# npm installs Wizer (scripts/wizer.sh); nodesource's nodejs ships it, Debian's does not
command -v npm >/dev/null || missing+=(npm)
missing=($(printf '%s\n' "${missing[@]-}" | sed '/^$/d'))
(( ${#missing[@]} == 0 )) && exit 0

echo "deps: installing ${missing[*]}" >&2
SUDO=""
if (( EUID != 0 )); then
  command -v sudo >/dev/null || { echo "deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "deps: apt-get could not install: ${missing[*]}" >&2
  exit 1
fi
