// Calls the exports of tests/web/calc.py (built with --export for each of
// its functions) from Node's WASI, as a host would: the raw calling
// convention of the README, no loader.  Run by tests/run_tests.py (group
// web), which also checks what Python printed on stdout and stderr.
//
//   node tests/web/node_exports.mjs calc.wasm
//
// Exits non-zero on the first failed assertion.  Prints "figure: ..." lines
// with the measured call rates and memory sizes.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import process from 'node:process';

const [wasmPath] = process.argv.slice(2);
const module = await WebAssembly.compile(readFileSync(wasmPath));

function instantiate(args) {
  const wasi = new WASI({ version: 'preview1', args, env: {}, returnOnExit: true });
  const instance = new WebAssembly.Instance(module, wasi.getImportObject());
  return { wasi, instance, ex: instance.exports };
}

// ---- the host side of the calling convention ----
function block(ex, ptr) {
  const n = new DataView(ex.memory.buffer).getUint32(ptr, true);
  return new Uint8Array(ex.memory.buffer, ptr + 4, n).slice();
}
const text = (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
function lastError(ex) {
  const p = ex.py2wasm_error();
  return p ? text(block(ex, p)) : null;
}
function withBytes(ex, bytes, fn) {
  const ptr = ex.py2wasm_alloc(bytes.length);
  assert.notEqual(ptr, 0);
  new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
  try {
    return fn(ptr, bytes.length);
  } finally {
    ex.py2wasm_free(ptr);
  }
}
function takeBlock(ex, ptr) {
  assert.notEqual(ptr, 0, `call failed: ${lastError(ex)}`);
  const bytes = block(ex, ptr);
  ex.py2wasm_free(ptr);
  return bytes;
}
const callStr = (ex, f, s) =>
  text(takeBlock(ex, withBytes(ex, new TextEncoder().encode(s), (p, n) => ex[f](p, n))));
const callBytes = (ex, f, b) => takeBlock(ex, withBytes(ex, b, (p, n) => ex[f](p, n)));

// ---- before _initialize: an error, not a trap ----
// (Node's WASI refuses every call before initialize(), so this instance gets
// a stand-in WASI that only records what is written.)
{
  let written = '';
  let memory;
  const ENOSYS = 52;
  const standIn = new Proxy({}, {
    get: (_, name) => name !== 'fd_write' ? () => ENOSYS : (fd, iovs, n, nwritten) => {
      const view = new DataView(memory.buffer);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const [ptr, len] = [view.getUint32(iovs + 8 * i, true), view.getUint32(iovs + 8 * i + 4, true)];
        written += new TextDecoder().decode(new Uint8Array(memory.buffer, ptr, len));
        total += len;
      }
      view.setUint32(nwritten, total, true);
      return 0;
    },
  });
  const ex = new WebAssembly.Instance(module, { wasi_snapshot_preview1: standIn }).exports;
  memory = ex.memory;
  assert.equal(ex.add(1n, 2n), 0n);
  assert.match(lastError(ex), /called before _initialize/);
  assert.match(written, /called before _initialize/);
}

const { wasi, instance, ex } = instantiate(['calc', 'x1', 'two words']);
wasi.initialize(instance);
assert.equal(lastError(ex), null, 'initialisation failed');

// ---- a second _initialize is refused ----
ex._initialize();
assert.match(lastError(ex), /_initialize was called more than once/);

// ---- int <-> i64, exact ----
assert.equal(ex.add(2n, 3n), 5n);
assert.equal(lastError(ex), null, 'a successful call clears the previous error');
assert.equal(ex.add(-(2n ** 63n), 0n), -(2n ** 63n));
assert.equal(ex.add(2n ** 62n, 2n ** 62n - 1n), 2n ** 63n - 1n);
assert.equal(ex.add(2n ** 62n, 2n ** 62n), 0n);
assert.match(lastError(ex), /OverflowError: exported function add\(\) returned 9223372036854775808, which does not fit in i64/);
assert.equal(ex.too_big(), 0n);
assert.match(lastError(ex), /^OverflowError: /m);
assert.equal(ex.wrong_type(), 0n);
assert.match(lastError(ex), /TypeError: exported function wrong_type\(\) returned str, not int/);

// ---- float <-> f64, bool <-> i32 ----
assert.equal(ex.scale(1.5, 2), 3);
assert.equal(ex.scale(Infinity, -1), -Infinity);
assert.ok(Number.isNaN(ex.scale(NaN, 1)));
assert.equal(ex.is_even(10n), 1);
assert.equal(ex.is_even(7n), 0);
assert.equal(ex.negate(0), 1);
assert.equal(ex.negate(42), 0, 'any non-zero i32 is True');

// ---- str and bytes: (ptr, len) arguments, block results ----
assert.equal(callStr(ex, 'greet', 'Wörld ✓'), 'Hello, Wörld ✓!');
assert.equal(callStr(ex, 'greet', ''), 'Hello, !');
assert.deepEqual(callBytes(ex, 'reverse', new Uint8Array([0, 1, 2, 255])), new Uint8Array([255, 2, 1, 0]));
assert.deepEqual(callBytes(ex, 'reverse', new Uint8Array([])), new Uint8Array([]));
// invalid UTF-8 is a UnicodeDecodeError naming the argument
assert.equal(withBytes(ex, new Uint8Array([0x66, 0xff]), (p, n) => ex.greet(p, n)), 0);
assert.match(lastError(ex), /UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1/);
assert.match(lastError(ex), /while converting argument 'name' \(str\) of exported function greet\(\)/);
// a pointer outside linear memory is a ValueError, not a trap
assert.equal(ex.greet(ex.memory.buffer.byteLength - 2, 10), 0);
assert.match(lastError(ex), /ValueError: \(pointer \d+, length 10\) is outside linear memory/);
// a str result that is not valid UTF-8 (a lone surrogate)
assert.equal(ex.surrogate(), 0);
assert.match(lastError(ex), /UnicodeEncodeError/);

// ---- exceptions: error indication, traceback kept ----
assert.equal(withBytes(ex, new TextEncoder().encode('boom'), (p, n) => ex.fail(p, n)), 0n);
const tb = lastError(ex);
assert.match(tb, /^Traceback \(most recent call last\):\n {2}File ".*calc\.py", line \d+, in fail\n {4}raise ValueError\(message\)\nValueError: boom\n$/);
// SystemExit is an exception like the others: the instance lives on
ex.leave(4n);
assert.match(lastError(ex), /SystemExit: 4/);
assert.equal(ex.add(1n, 1n), 2n);

// ---- the other result conversions ----
assert.equal(ex.int_as_float(), 2 ** 53, 'an int result is accepted for float');
assert.equal(ex.huge_float(), 0);
assert.match(lastError(ex), /OverflowError: int too large to convert to float/);
assert.equal(ex.not_float(), 0);
assert.match(lastError(ex), /TypeError: exported function not_float\(\) returned str, not float/);
assert.equal(ex.not_bool(), 0);
assert.match(lastError(ex), /TypeError: exported function not_bool\(\) returned int, not bool/);
assert.equal(ex.not_bytes(), 0);
assert.match(lastError(ex), /TypeError: exported function not_bytes\(\) returned str, not bytes/);
assert.deepEqual(takeBlock(ex, ex.buffer()), new TextEncoder().encode('ba'), 'a bytearray result is accepted');
// the program may drop an exported function: calling it is an error
assert.equal(ex.forget(), 1n);
assert.equal(ex.forget(), 0n);
assert.match(lastError(ex), /AttributeError: module 'calc' has no attribute 'forget' \(exported function\)/);

// ---- state persists between calls ----
const before = ex.count();
for (let i = 0; i < 1000; i++) ex.add(BigInt(i), 1n);
assert.equal(ex.count(), before + 1000n);
for (const note of ['a', 'b', 'c']) withBytes(ex, new TextEncoder().encode(note), (p, n) => ex.remember(p, n));
assert.equal(callStr(ex, 'recall', '+'), 'a+b+c');

// ---- many calls: memory must not grow ----
const N = 100_000;
function mixedCalls(n) {
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    sum += ex.add(BigInt(i), 1n);
    ex.scale(i, 0.5);
    if (i % 4 === 0) callStr(ex, 'greet', `caller ${i}`);
    if (i % 4 === 1) callBytes(ex, 'reverse', new Uint8Array([i & 255, 1, 2]));
    if (i % 1000 === 2) ex.too_big(); // the error path too
  }
  return sum;
}
mixedCalls(5_000); // warm-up: let the allocators reach their working set
const memBefore = ex.memory.buffer.byteLength;
const t0 = process.hrtime.bigint();
const sum = mixedCalls(N);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const memAfter = ex.memory.buffer.byteLength;
assert.equal(sum, BigInt(N) * BigInt(N - 1) / 2n + BigInt(N));
assert.equal(memAfter, memBefore, `linear memory grew from ${memBefore} to ${memAfter} bytes over ${N} call rounds`);

let t1 = process.hrtime.bigint();
for (let i = 0; i < N; i++) ex.add(1n, 2n);
const addRate = N / (Number(process.hrtime.bigint() - t1) / 1e9);
t1 = process.hrtime.bigint();
for (let i = 0; i < N / 10; i++) callStr(ex, 'greet', 'x');
const strRate = N / 10 / (Number(process.hrtime.bigint() - t1) / 1e9);
assert.equal(ex.memory.buffer.byteLength, memBefore);

// ---- broken standard streams (last: they stay broken) ----
// sys.stderr gone: the traceback still reaches fd 2 and py2wasm_error()
assert.equal(ex.lose_stderr(), 0n);
assert.match(lastError(ex), /KeyError: 'no stderr'\n$/);
// sys.stdout closed: flushing it after the call fails, and that is the error
ex.close_stdout();
assert.match(lastError(ex), /ValueError: I\/O operation on closed file/);

console.log(`figure: memory ${memBefore} bytes before and ${memAfter} after ${N} rounds of calls (${(seconds).toFixed(2)} s)`);
console.log(`figure: add(int, int) -> int: ${Math.round(addRate)} calls/s; greet(str) -> str with alloc/free: ${Math.round(strRate)} calls/s`);
console.log('node_exports: all assertions passed');
