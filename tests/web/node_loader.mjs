// The web loader (APP.js of --target web) run on Node's main thread
// (`load({ worker: false })`), where its value conversions can be checked
// without a browser: BigInt/Number for int, strings, bytes, PythonError, and
// the JS-side argument checks.
//
//   node tests/web/node_loader.mjs CALC_DIR
import { readFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import process from 'node:process';

const dir = process.argv[2];
// Node reads .js outside a "type": "module" package as CommonJS
copyFileSync(path.join(dir, 'calc.js'), path.join(dir, 'calc.mjs'));
const { load, info, PythonError } = await import(path.resolve(dir, 'calc.mjs'));

assert.equal(info.reactor, true);
assert.deepEqual(info.exports.find((f) => f.name === 'greet'), { name: 'greet', params: [['name', 'str']], result: 'str' });
let out = '';
let err = '';
const p = await load({
  worker: false, wasm: readFileSync(path.join(dir, 'calc.wasm')), args: ['--flag', 'a b'],
  stdout: (s) => { out += s; }, stderr: (s) => { err += s; },
});
assert.equal(out, "calc: initialised, argv = ['--flag', 'a b']\n");
assert.equal(p.add(2, 3), 5n);
assert.equal(p.add(-(2n ** 63n), 0), -(2n ** 63n));
assert.equal(p.scale(0.5, 3), 1.5);
assert.equal(p.negate(true), false);
assert.equal(p.greet('Wörld ✓'), 'Hello, Wörld ✓!');
assert.deepEqual(p.reverse(new Uint8Array([0, 255])), new Uint8Array([255, 0]));
assert.deepEqual(p.reverse(new Uint8Array([9, 8, 7]).buffer), new Uint8Array([7, 8, 9]));
assert.equal(p.remember('x'), undefined);
assert.throws(() => p.add(1.5, 1), { name: 'TypeError', message: /argument 'a' must be an integer/ });
assert.throws(() => p.add(2n ** 63n, 1), { name: 'RangeError', message: /argument 'a' does not fit in i64/ });
assert.throws(() => p.add(1), { name: 'TypeError', message: /add\(\) takes 2 arguments \(1 given\)/ });
assert.throws(() => p.greet(5), { name: 'TypeError', message: /argument 'name' must be a string/ });
assert.throws(() => p.negate(1), { name: 'TypeError', message: /argument 'flag' must be a boolean/ });
assert.throws(() => p.fail('js'), (e) => e instanceof PythonError && e.message === 'ValueError: js' &&
  /^Traceback \(most recent call last\):\n/.test(e.traceback));
assert.match(err, /ValueError: js\n$/);
// the error of a call does not stick to the next one
assert.equal(p.add(1, 1), 2n);
// a trap (the native stack overflows) loses the instance: later calls are refused
assert.throws(() => p.deep(1_000_000), { name: 'RangeError' });
assert.throws(() => p.add(1, 1), { message: /add\(\): the program trapped in an earlier call \(RangeError: .*\); its state is lost, load\(\) it again/ });
console.log('node_loader: all assertions passed');
