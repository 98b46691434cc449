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
// The module runs in a worker thread because the main thread's stack cannot
// be enlarged from inside the process, and CPython's recursion limit of 1000
// needs more native stack than V8's default when recursion passes through C.
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const TRAP_EXIT = 134;

// Node 20's V8 crashes (SIGSEGV at exit) in its fast API call path for WASI
// imports once a module's memory has grown past a few tens of MiB; the
// ordinary call path is correct.  V8 flags are process-wide, so setting it
// here covers the worker too.  (tests/runner/bigmem.c reproduces it.)
v8.setFlagsFromString('--no-turbo-fast-api-calls');

function usage(msg) {
  if (msg) process.stderr.write(`run-wasi: ${msg}\n`);
  process.stderr.write('usage: node run-wasi.mjs [--dir HOST[::GUEST]] [--no-cwd] [--env K=V] ' +
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

async function runInWorker({ bytes, wasmPath, args, env, preopens }) {
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
  let module;
  try {
    module = await WebAssembly.compile(bytes);
  } catch (e) {
    process.stderr.write(`run-wasi: ${wasmPath}: not a valid wasm module: ${e.message}\n`);
    return 2;
  }
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  } catch (e) {
    process.stderr.write(`run-wasi: ${wasmPath}: cannot instantiate: ${e.message}\n`);
    return 2;
  }
  try {
    return wasi.start(instance);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      process.stderr.write(`run-wasi: wasm trap: ${e.message}\n`);
      return TRAP_EXIT;
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
    process.stderr.write(`run-wasi: cannot read ${opts.module}: ${e.code ?? e.message}\n`);
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
    workerData: { bytes, wasmPath: opts.module, args: opts.args, env, preopens },
    resourceLimits: { stackSizeMb: opts.stackMb },
    stdin: false, stdout: false, stderr: false,
  });
  worker.on('message', (code) => { process.exitCode = code; });
  worker.on('error', (e) => {
    process.stderr.write(`run-wasi: ${e.stack ?? e}\n`);
    process.exitCode = 70;
  });
} else {
  const { parentPort } = await import('node:worker_threads');
  parentPort.postMessage(await runInWorker(workerData));
}
