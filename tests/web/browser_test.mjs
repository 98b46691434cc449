// Loads pages written by `py2wasm --target web` in Debian's chromium
// (headless, driven by playwright-core) from a static server on 127.0.0.1:
//
//   node tests/web/browser_test.mjs HELLO_DIR CALC_DIR BROKEN_DIR ARTIFACTS_DIR
//
// HELLO_DIR holds tests/web/hello_web.py built as a command, CALC_DIR
// tests/web/calc.py built with its exports, BROKEN_DIR tests/web/init_fails.py
// (whose start-up raises).  Checks that the page shows the
// program's output (stdout and stderr, argv and stdin from the form), that
// exports called from page JS return the right values and raise
// PythonError, that a long call runs in the worker without freezing the
// page, and that the page fetches nothing but its own files.  Screenshots
// go to ARTIFACTS_DIR.  Exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import process from 'node:process';

const [helloDir, calcDir, brokenDir, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });

// ---- a static server for the two output directories ----
const roots = { hello: helloDir, calc: calcDir, broken: brokenDir };
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const [, site, file] = new URL(req.url, 'http://x').pathname.match(/^\/([^/]+)\/(.*)$/) ?? [];
  const name = file === '' ? 'index.html' : file;
  if (!roots[site] || name.includes('/') || name.startsWith('.')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = readFileSync(path.join(roots[site], name));
    res.writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'py2wasm-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic'],
  viewport: { width: 1000, height: 700 },
});

const problems = [];
const requests = [];
context.on('request', (r) => requests.push(r.url()));
async function open(site) {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error on ${site}: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error on ${site}: ${m.text()}`); });
  await page.goto(`${origin}/${site}/`);
  await page.waitForSelector('body[data-state=done]', { timeout: 60_000 });
  return page;
}
const outputOf = (page) => page.locator('#output').innerText();
const statusOf = (page) => page.locator('#status').innerText();

try {
  // ---- a command program: output in the page, then argv and stdin from the form ----
  const hello = await open('hello');
  let out = await outputOf(hello);
  assert.match(out, /^hello from Python 3\.11\.2 on wasi$/m);
  assert.match(out, /^argv: \[\]$/m);
  assert.match(out, /^stdin: ''$/m);
  assert.match(out, /^sum of squares: 333328333350000$/m);
  assert.equal(await statusOf(hello), 'exited with status 3');
  assert.equal(await hello.locator('#output .stderr').innerText(), 'a warning on stderr\n');
  await hello.fill('#args', 'one two');
  await hello.fill('#stdin', 'some words\nfrom the page');
  await hello.evaluate(() => { document.body.dataset.state = ''; });
  await hello.click('#run-button');
  await hello.waitForSelector('body[data-state=done]', { timeout: 60_000 });
  out = await outputOf(hello);
  assert.match(out, /^argv: \['one', 'two'\]$/m);
  assert.match(out, /^stdin: 'some words\\nfrom the page'$/m);
  assert.match(out, /^words: 5$/m);
  await hello.screenshot({ path: path.join(artifacts, 'web-hello.png'), fullPage: true });

  // ---- a program with exports: called from page JS ----
  const calc = await open('calc');
  assert.match(await outputOf(calc), /^calc: initialised, argv = \[\]$/m);
  assert.doesNotMatch(await outputOf(calc), /run as a program/);
  const forms = await calc.locator('#exports form').count();
  assert.ok(forms > 10, `only ${forms} export forms`);
  assert.equal(await statusOf(calc), `ready: ${forms} exported function(s)`);
  const values = await calc.evaluate(async () => {
    const p = window.program;
    const r = {};
    r.add = await p.add(2, 3);
    r.addBig = await p.add(2n ** 62n, 2n ** 62n - 1n);
    r.scale = await p.scale(1.5, 4);
    r.even = await p.is_even(10);
    r.greet = await p.greet('Wörld ✓');
    r.reverse = Array.from(await p.reverse(new Uint8Array([1, 2, 3])));
    for (let i = 0; i < 200; i++) await p.add(i, 1);
    r.count = await p.count();
    try { await p.fail('from the browser'); } catch (e) { r.error = [e.name, e.message, e.traceback]; }
    try { await p.too_big(); } catch (e) { r.overflow = e.message; }
    return r;
  });
  assert.equal(values.add, 5n);
  assert.equal(values.addBig, 2n ** 63n - 1n);
  assert.equal(values.scale, 6);
  assert.equal(values.even, true);
  assert.equal(values.greet, 'Hello, Wörld ✓!');
  assert.deepEqual(values.reverse, [3, 2, 1]);
  assert.equal(values.count, 202n);
  assert.equal(values.error[0], 'PythonError');
  assert.equal(values.error[1], 'ValueError: from the browser');
  assert.match(values.error[2], /^Traceback \(most recent call last\):\n {2}File ".*calc\.py", line \d+, in fail\n/);
  assert.match(values.overflow, /^OverflowError: exported function too_big\(\) returned 9223372036854775808/);
  // the traceback also went to stderr, shown in the page
  assert.match(await calc.locator('#output .stderr').allInnerTexts().then((t) => t.join('')), /ValueError: from the browser/);

  // a long call runs in the worker: the page keeps answering meanwhile.
  // The call must last long enough to tell: N grows until it does, so that
  // a faster compiler does not make the check vacuous.
  let lag, n = 10_000_000;
  for (;;) {
    lag = await calc.evaluate(async (n) => {
      const t0 = performance.now();
      const call = window.program.busy(n);
      let worst = 0;
      let done = false;
      call.then(() => { done = true; });
      while (!done) {
        const t = performance.now();
        await new Promise((r) => setTimeout(r, 10));
        worst = Math.max(worst, performance.now() - t);
      }
      return { worst, total: performance.now() - t0, result: String(await call) };
    }, n);
    const sum = (k) => (k * (k - 1)) / 2;
    assert.equal(lag.result, String(sum(7) * Math.floor(n / 7) + sum(n % 7)));
    if (lag.total > 200 || n >= 1_000_000_000) break;
    n *= 4;
  }
  assert.ok(lag.total > 200, `busy() was too quick to tell (${lag.total} ms)`);
  assert.ok(lag.worst < 150, `the page froze for ${lag.worst} ms while busy() ran`);
  console.log(`figure: busy(${n}) took ${Math.round(lag.total)} ms in the worker; the page's timers ran late by at most ${Math.round(lag.worst)} ms`);

  // recursion beyond the worker's native stack traps; the loader then refuses
  // further calls (measured, not asserted: the depth that still works)
  const stack = await calc.evaluate(async () => {
    const { load } = await import('./calc.js');
    const p = await load({ stdout: () => {}, stderr: () => {} });
    let lo = 10, hi = 990;
    while (hi - lo > 10) { // the largest depth(n) that returns, each try on a fresh instance
      const mid = (lo + hi) >> 1;
      const q = await load({ stdout: () => {}, stderr: () => {} });
      try { await q.depth(mid); lo = mid; } catch { hi = mid; }
      q.terminate();
    }
    const r = { depth: lo };
    try { await p.deep(1_000_000); } catch (e) { r.trap = `${e.name}: ${e.message}`; }
    try { await p.add(1, 1); } catch (e) { r.after = e.message; }
    p.terminate();
    return r;
  });
  assert.match(stack.trap, /^RangeError: Maximum call stack size exceeded/);
  assert.match(stack.after, /the program trapped in an earlier call/);
  console.log(`figure: in a chromium worker, depth(n) returns up to n = ${stack.depth} (native CPython: 990+)`);

  // the page's own form calls an export too
  await calc.fill('#export-add input[name=a]', '40');
  await calc.fill('#export-add input[name=b]', '2');
  await calc.click('#export-add button');
  await calc.waitForFunction(() => document.querySelector('#export-add .result').textContent.startsWith('='));
  assert.equal(await calc.locator('#export-add .result').innerText(), '= 42');
  await calc.screenshot({ path: path.join(artifacts, 'web-calc.png'), fullPage: true });

  // a program whose start-up raises: load() rejects with the PythonError
  const broken = await open('broken');
  assert.equal(await statusOf(broken), "failed: KeyError: 'missing'");
  assert.match(await outputOf(broken), /^init_fails: before the error\nTraceback \(most recent call last\):\n.*\nKeyError: 'missing'\n$/s);

  // nothing but the pages' own files was fetched
  const foreign = requests.filter((u) => !u.startsWith(origin + '/'));
  assert.deepEqual(foreign, [], `requests outside the test server: ${foreign}`);
  const files = new Set(requests.map((u) => new URL(u).pathname));
  for (const f of ['/hello/', '/hello/hello_web.js', '/hello/hello_web.wasm', '/calc/', '/calc/calc.js', '/calc/calc.wasm'])
    assert.ok(files.has(f), `${f} was not fetched (${[...files]})`);
  assert.deepEqual(problems, []);
  console.log('browser_test: all checks passed');
} finally {
  await context.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
