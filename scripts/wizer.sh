#!/usr/bin/env bash
# Installs Wizer, the WebAssembly pre-initializer `py2wasm --snapshot=yes`
# runs, into BUILD/runtime/bin/wizer (so `make install` ships it with the
# runtime).  It comes from the npm package @bytecodealliance/wizer, whose
# per-platform dependency carries a prebuilt binary that runs offline; the
# version is pinned.  Idempotent: nothing happens when the pinned version is
# already installed.
set -euo pipefail
VERSION=11.0.3
here=$(cd "$(dirname "$0")" && pwd)
B=$(realpath -m "${1:-$here/../build}")
dest=$B/runtime/bin/wizer
stamp=$dest.version
if [[ -x "$dest" && "$(cat "$stamp" 2>/dev/null)" == "$VERSION" ]]; then
  exit 0
fi
case "$(uname -m)" in
  x86_64) platform=linux-x64 ;;
  aarch64) platform=linux-arm64 ;;
  *) echo "wizer: no prebuilt Wizer for $(uname -m); build with --snapshot=no" >&2; exit 1 ;;
esac
command -v npm >/dev/null || { echo "wizer: npm is missing (Debian package npm)" >&2; exit 1; }
echo "wizer: installing @bytecodealliance/wizer@$VERSION from npm" >&2
npm install --prefix "$B/npm" --no-audit --no-fund --silent --no-save \
  "@bytecodealliance/wizer@$VERSION" "@bytecodealliance/wizer-$platform@$VERSION" >&2
mkdir -p "$(dirname "$dest")"
cp "$B/npm/node_modules/@bytecodealliance/wizer-$platform/wizer" "$dest.tmp"
chmod 755 "$dest.tmp"
"$dest.tmp" --help >/dev/null   # it runs on this machine
mv "$dest.tmp" "$dest"
echo "$VERSION" > "$stamp"
