// py2wasm web loader: runs a program compiled with `py2wasm --target web`
// in a browser.  py2wasm writes it as APP.js beside APP.wasm, with the
// browser WASI shim (@bjorn3/browser_wasi_shim) bundled in at project build
// time, and with a first line defining P2W_CONFIG for this program:
//   { wasm: "APP.wasm", reactor: bool, exports: [{name, params: [[name, type]], result}] }
//
//   import { load } from './APP.js';
//   const p = await load({ args: ['x'], stdin: 'text', stdout: s => ..., stderr: s => ... });
//   p.exitCode                 // a program without exports: it has run to the end
//   await p.add(2, 3)          // a program with exports: each is a method (5n)
//   p.terminate()
//
// By default the program runs in a Web Worker (a module worker running this
// same file), so a long computation never freezes the page; exported
// functions then return promises.  `load({ worker: false })` runs it on the
// calling thread instead, where exports return their values directly.
//
// Values cross as the README's calling convention says: int <-> BigInt
// (a Number that is an integer is accepted as an argument), float <-> Number,
// bool <-> boolean, str <-> string, bytes <-> Uint8Array.  A Python exception
// becomes a PythonError whose `traceback` is CPython's report (also written
// to stderr).
/* global P2W_CONFIG */
import { WASI, File, OpenFile, ConsoleStdout, PreopenDirectory } from '@bjorn3/browser_wasi_shim';

export const info = P2W_CONFIG;

const WORKER_NAME = 'py2wasm';
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** A Python exception that escaped the program or an exported function. */
export class PythonError extends Error {
  constructor(traceback) {
    const lines = traceback.trimEnd().split('\n');
    super(lines[lines.length - 1] || 'Python exception');
    this.name = 'PythonError';
    this.traceback = traceback;
  }
}

// ---- running the module on this thread --------------------------------------

function textSink(write) {
  const decoder = new TextDecoder();
  return new ConsoleStdout((bytes) => {
    const text = decoder.decode(bytes, { stream: true });
    if (text) write(text);
  });
}

async function compile(wasm) {
  if (wasm instanceof WebAssembly.Module) return wasm;
  if (wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) return WebAssembly.compile(wasm);
  const response = await fetch(wasm);
  if (!response.ok) throw new Error(`cannot fetch ${wasm}: HTTP ${response.status}`);
  // compiling while downloading needs the server to say application/wasm
  if (response.headers.get('content-type')?.startsWith('application/wasm'))
    return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

// Reads a result or error block: u32 length (little-endian), then UTF-8/bytes.
function readBlock(memory, ptr) {
  const length = new DataView(memory.buffer).getUint32(ptr, true);
  return new Uint8Array(memory.buffer, ptr + 4, length).slice();
}

function checkInt(fname, pname, v) {
  let b;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isInteger(v)) b = BigInt(v);
  else throw new TypeError(`${fname}(): argument '${pname}' must be an integer (int), not ${v}`);
  if (b < I64_MIN || b > I64_MAX) throw new RangeError(`${fname}(): argument '${pname}' does not fit in i64`);
  return b;
}

// A trap (e.g. RangeError: Maximum call stack size exceeded, when deep
// recursion outgrows the thread's native stack) unwinds through the
// interpreter's C frames without letting it clean up: the instance's state is
// lost, so every later call is refused instead of running on it.
class Trapped {
  constructor() { this.error = null; }
  check(name) {
    if (this.error)
      throw new Error(`${name}(): the program trapped in an earlier call (${this.error}); its state is lost, load() it again`);
  }
}

// Wraps the raw wasm export of F into a JS function that converts values.
function wrapExport(instance, f, trapped) {
  const ex = instance.exports;
  const raw = ex[f.name];
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (...args) => {
    trapped.check(f.name);
    if (args.length !== f.params.length)
      throw new TypeError(`${f.name}() takes ${f.params.length} arguments (${args.length} given)`);
    const wasmArgs = [];
    const owned = [];
    try {
      f.params.forEach(([pname, type], i) => {
        const v = args[i];
        switch (type) {
          case 'int': wasmArgs.push(checkInt(f.name, pname, v)); break;
          case 'float':
            if (typeof v !== 'number') throw new TypeError(`${f.name}(): argument '${pname}' must be a number (float)`);
            wasmArgs.push(v);
            break;
          case 'bool':
            if (typeof v !== 'boolean') throw new TypeError(`${f.name}(): argument '${pname}' must be a boolean (bool)`);
            wasmArgs.push(v ? 1 : 0);
            break;
          case 'str':
          case 'bytes': {
            let bytes;
            if (type === 'str') {
              if (typeof v !== 'string') throw new TypeError(`${f.name}(): argument '${pname}' must be a string (str)`);
              bytes = encoder.encode(v);
            } else if (v instanceof ArrayBuffer) bytes = new Uint8Array(v);
            else if (ArrayBuffer.isView(v)) bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
            else throw new TypeError(`${f.name}(): argument '${pname}' must be a Uint8Array or ArrayBuffer (bytes)`);
            const ptr = ex.py2wasm_alloc(bytes.length);
            if (!ptr) throw new RangeError(`${f.name}(): out of wasm memory for argument '${pname}'`);
            owned.push(ptr);
            new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
            wasmArgs.push(ptr, bytes.length);
            break;
          }
          default: throw new Error(`py2wasm loader: unknown type ${type}`);
        }
      });
      let r;
      try {
        r = raw(...wasmArgs);
      } catch (e) {
        trapped.error = String(e);
        throw e;
      }
      const err = ex.py2wasm_error();
      if (err) throw new PythonError(decoder.decode(readBlock(ex.memory, err)));
      switch (f.result) {
        case 'None': return undefined;
        case 'bool': return r !== 0;
        case 'str':
        case 'bytes': {
          const bytes = readBlock(ex.memory, r);
          ex.py2wasm_free(r);
          return f.result === 'str' ? decoder.decode(bytes) : bytes;
        }
        default: return r; // int: BigInt, float: Number
      }
    } finally {
      if (!trapped.error) for (const ptr of owned) ex.py2wasm_free(ptr);
    }
  };
}

// Instantiates and starts the program on this thread.  Returns
// { exitCode } for a command, or { exports: {name: fn} } for a reactor.
async function runHere(options) {
  const module = await compile(options.wasm ?? new URL(P2W_CONFIG.wasm, import.meta.url));
  const stdin = typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin)
    : options.stdin ?? new Uint8Array();
  const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const fds = [
    new OpenFile(new File(stdin, { readonly: true })),
    textSink(options.stdout ?? ((s) => console.log(s))),
    textSink(options.stderr ?? ((s) => console.error(s))),
    // a writable in-memory directory at "/": relative paths resolve there
    new PreopenDirectory('/', new Map()),
  ];
  const wasi = new WASI([P2W_CONFIG.argv0, ...(options.args ?? [])], env, fds, { debug: false });
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
  if (!P2W_CONFIG.reactor) return { exitCode: wasi.start(instance) };
  wasi.initialize(instance);
  const ex = instance.exports;
  const err = ex.py2wasm_error();
  if (err) throw new PythonError(new TextDecoder().decode(readBlock(ex.memory, err)));
  const exports = {};
  const trapped = new Trapped();
  for (const f of P2W_CONFIG.exports) exports[f.name] = wrapExport(instance, f, trapped);
  return { exports };
}

// ---- the worker side ---------------------------------------------------------

function serializeError(e) {
  return { name: e?.name ?? 'Error', message: String(e?.message ?? e), traceback: e?.traceback, stack: e?.stack };
}

function reviveError(s) {
  if (s.traceback !== undefined) return new PythonError(s.traceback);
  const e = new (globalThis[s.name] && globalThis[s.name].prototype instanceof Error ? globalThis[s.name] : Error)(s.message);
  e.stack = s.stack;
  return e;
}

function serveInWorker() {
  let exports = null;
  self.onmessage = async ({ data }) => {
    if (data.type === 'start') {
      try {
        const r = await runHere({
          ...data.options,
          stdout: (text) => self.postMessage({ type: 'stdout', text }),
          stderr: (text) => self.postMessage({ type: 'stderr', text }),
        });
        exports = r.exports ?? null;
        self.postMessage({ type: 'started', exitCode: r.exitCode });
      } catch (e) {
        self.postMessage({ type: 'failed', error: serializeError(e) });
      }
    } else if (data.type === 'call') {
      try {
        const value = exports[data.name](...data.args);
        self.postMessage({ type: 'result', id: data.id, value });
      } catch (e) {
        self.postMessage({ type: 'result', id: data.id, error: serializeError(e) });
      }
    }
  };
}

const inOurWorker = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope && self.name === WORKER_NAME;
if (inOurWorker) serveInWorker();

// ---- the page side -------------------------------------------------------------

function runInWorker(options) {
  const worker = new Worker(import.meta.url, { type: 'module', name: WORKER_NAME });
  const stdout = options.stdout ?? ((s) => console.log(s));
  const stderr = options.stderr ?? ((s) => console.error(s));
  const pending = new Map();
  let nextId = 0;
  return new Promise((resolve, reject) => {
    const program = { terminate: () => worker.terminate() };
    worker.onerror = (e) => { e.preventDefault?.(); reject(new Error(`py2wasm worker failed: ${e.message}`)); };
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case 'stdout': stdout(data.text); break;
        case 'stderr': stderr(data.text); break;
        case 'failed': worker.terminate(); reject(reviveError(data.error)); break;
        case 'started':
          if (!P2W_CONFIG.reactor) {
            worker.terminate();
            program.exitCode = data.exitCode;
          }
          for (const f of P2W_CONFIG.exports) {
            program[f.name] = (...args) => new Promise((res, rej) => {
              const id = nextId++;
              pending.set(id, [res, rej]);
              worker.postMessage({ type: 'call', id, name: f.name, args });
            });
          }
          resolve(program);
          break;
        case 'result': {
          const [res, rej] = pending.get(data.id);
          pending.delete(data.id);
          if (data.error) rej(reviveError(data.error)); else res(data.value);
          break;
        }
      }
    };
    const { stdout: _o, stderr: _e, worker: _w, ...rest } = options;
    if (rest.wasm === undefined) rest.wasm = new URL(P2W_CONFIG.wasm, import.meta.url).href;
    else if (rest.wasm instanceof URL) rest.wasm = rest.wasm.href;
    worker.postMessage({ type: 'start', options: rest });
  });
}

/**
 * Loads and starts the program.  options: args (sys.argv[1:]), env (object),
 * stdin (string or Uint8Array), stdout/stderr (callbacks receiving text),
 * worker (default true where Web Workers exist), wasm (URL, bytes or
 * WebAssembly.Module; default: APP.wasm beside this file).
 */
export async function load(options = {}) {
  const useWorker = options.worker ?? (typeof Worker !== 'undefined');
  if (useWorker) return runInWorker(options);
  const r = await runHere(options);
  if (!P2W_CONFIG.reactor) return { exitCode: r.exitCode, terminate() {} };
  return { ...r.exports, terminate() {} };
}
