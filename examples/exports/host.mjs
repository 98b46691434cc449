// Calls the exports of inventory.wasm from Node.js (README: "Calling Python
// from the host").  Run: node host.mjs inventory.wasm
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const wasi = new WASI({ version: 'preview1', args: ['inventory'], env: {}, returnOnExit: true });
const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]), wasi.getImportObject());
wasi.initialize(instance);           // starts Python and imports the program
const py = instance.exports;

// A block (str/bytes result, error text): u32 length, then the bytes.
function readBlock(ptr) {
  const length = new DataView(py.memory.buffer).getUint32(ptr, true);
  return new TextDecoder().decode(new Uint8Array(py.memory.buffer, ptr + 4, length));
}
// Throws the Python error of the last call, if it failed.
function check() {
  const err = py.py2wasm_error();
  if (err) throw new Error(readBlock(err));
}
check();                             // did _initialize succeed?
// A str argument: the host allocates it, passes (ptr, len), frees it after.
function withString(s, fn) {
  const bytes = new TextEncoder().encode(s);
  const ptr = py.py2wasm_alloc(bytes.length);
  new Uint8Array(py.memory.buffer, ptr, bytes.length).set(bytes);
  try { return fn(ptr, bytes.length); } finally { py.py2wasm_free(ptr); }
}

const addItem = (name, count) => {
  const n = withString(name, (ptr, len) => py.add_item(ptr, len, BigInt(count)));
  check();
  return n;                          // int results are BigInts (i64)
};
const report = (title) => {
  const ptr = withString(title, (p, len) => py.report(p, len));
  check();
  const text = readBlock(ptr);       // a str result is a block the host frees
  py.py2wasm_free(ptr);
  return text;
};

console.log(addItem('apples', 3));   // 3n
console.log(addItem('pears', 2));    // 2n
console.log(addItem('apples', 4));   // 7n
console.log(py.total());             // 9n: state lives between calls
console.log(report('Stock'));
try {
  addItem('plums', -1);
} catch (e) {
  console.log('Python said:', e.message.trim().split('\n').pop());
}
