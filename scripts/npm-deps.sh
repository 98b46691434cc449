#!/usr/bin/env bash
# Installs the npm packages of package.json, at the versions package-lock.json
# pins, into node_modules/: the browser WASI shim and esbuild (the --target web
# loader is built with them) and playwright-core (the browser test drives
# Debian's chromium with it; it downloads no browser of its own).
# Idempotent: when node_modules/ was installed from the same lock file it
# prints nothing and exits at once.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.p2w-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f $stamp && "$(cat "$stamp")" == "$want" ]]; then exit 0; fi
if ! command -v npm >/dev/null; then
  echo "npm-deps: npm not found (scripts/deps.sh installs Debian's npm)" >&2
  exit 1
fi
echo "npm-deps: installing npm packages (npm ci)" >&2
if ! npm ci --no-audit --no-fund --loglevel=error >&2; then
  echo "npm-deps: npm ci failed" >&2
  exit 1
fi
echo "$want" >"$stamp"
