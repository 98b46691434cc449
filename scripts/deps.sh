#!/usr/bin/env bash
# Installs the Debian packages py2wasm needs to build its runtime and compiler,
# then the npm packages of package.json (scripts/npm-deps.sh).
# Idempotent: when everything is present it prints nothing and exits at once;
# `apt-get update` runs only when something is missing.
#
# Debian's chromium (and a font for its screenshots) is needed only by the
# browser test of `--target web`: if it cannot be installed, that is reported
# and the build goes on (the test then says it was skipped and why).
set -euo pipefail

PACKAGES=(
  clang-14 lld-14 llvm-14 wasi-libc libclang-rt-14-dev-wasm32
  binaryen wabt python3.11 python3.11-dev nodejs
  make gcc pkg-config dpkg-dev xz-utils ca-certificates liblz4-dev
  tcl
)
TEST_PACKAGES=(chromium fonts-dejavu-core)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${PACKAGES[@]}"; do
  is_installed "$p" || missing+=("$p")
done
# npm: Debian's nodejs comes without it; a node from elsewhere brings its own
command -v npm >/dev/null || missing+=(npm)
test_missing=()
for p in "${TEST_PACKAGES[@]}"; do
  is_installed "$p" || test_missing+=("$p")
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

if (( ${#missing[@]} + ${#test_missing[@]} > 0 )); then
  SUDO=""
  if (( EUID != 0 )); then
    command -v sudo >/dev/null || { echo "deps: need root (or sudo) to install: ${missing[*]-} ${test_missing[*]-}" >&2; exit 1; }
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  if (( ${#missing[@]} > 0 )); then
    echo "deps: installing ${missing[*]}" >&2
    if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
      echo "deps: apt-get could not install: ${missing[*]}" >&2
      exit 1
    fi
  fi
  if (( ${#test_missing[@]} > 0 )); then
    echo "deps: installing ${test_missing[*]} (for the browser test)" >&2
    if ! $SUDO apt-get install -y -qq --no-install-recommends "${test_missing[@]}" >/dev/null; then
      echo "deps: warning: apt-get could not install ${test_missing[*]}; the browser test will be skipped" >&2
    fi
  fi
fi

"$(dirname "$0")/npm-deps.sh"
