// tests/web/init_fails.py raises while its module body runs: _initialize
// must return normally with the error recorded (traceback on stderr too),
// and every export must then fail with an error instead of trapping.
//
//   node tests/web/node_init_fails.mjs init_fails.wasm
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import process from 'node:process';

const wasi = new WASI({ version: 'preview1', args: ['init_fails'], env: {}, returnOnExit: true });
const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]), wasi.getImportObject());
const ex = instance.exports;
function lastError() {
  const p = ex.py2wasm_error();
  if (!p) return null;
  const n = new DataView(ex.memory.buffer).getUint32(p, true);
  return new TextDecoder().decode(new Uint8Array(ex.memory.buffer, p + 4, n));
}
wasi.initialize(instance);
assert.match(lastError(), /^Traceback \(most recent call last\):\n {2}File ".*init_fails\.py", line 9, in <module>\n {4}\{\}\["missing"\]\n.*\nKeyError: 'missing'\n$/s);
assert.equal(ex.ping(), 0n);
assert.match(lastError(), /failed to initialise/);
console.log('node_init_fails: all assertions passed');
