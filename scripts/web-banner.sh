#!/usr/bin/env bash
# The comment at the top of the bundled web loader: what it contains and the
# licence of the bundled shim.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p 'require("./node_modules/@bjorn3/browser_wasi_shim/package.json").version')
cat <<TEXT
// py2wasm web loader (runtime/web/loader.js), bundled by esbuild with
// @bjorn3/browser_wasi_shim $version (https://github.com/bjorn3/browser_wasi_shim),
// which is licensed under the MIT or Apache-2.0 licence, at your option.
TEXT
