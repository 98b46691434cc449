#!/usr/bin/python3.11
"""Conformance: CPython 3.11.2's own regression tests, compiled by py2wasm.

For each module in modules.txt, a small driver (driver.py.in) that runs the
module's unittest suite and prints one RESULT line per test case is

  compiled  with build/bin/py2wasm and run under tools/run-wasi.mjs, and
  interpreted by the baseline build/runtime/python.wasm (the reference:
            tests that fail or skip there, e.g. for lack of threads,
            subprocesses or sockets on WASI, are not py2wasm's concern).

Both runs see the stdlib directory at /usr/lib/python3.11 (test modules read
data files beside themselves).  A module passes when every test that passes
interpreted also passes compiled.  The compiled run also reports modules the
import system had to load from disk, i.e. ones the compiler did not embed.

  run.py [--fast] [--only a,b] [-j N] [--out FILE] [--timeout S] [--p2w-flag F]

The test module itself is always translated to C (--compile-module);
--p2w-flag=--compile-stdlib=yes compiles unittest and the rest too.

--fast runs the modules marked "fast" (part of `make test`); the full run
writes the table to tests/conformance/results.md.  The last line is
"N passed, M failed" over modules.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RUNTIME = ROOT / "build/runtime"
P2W = ROOT / "build/bin/py2wasm"
RUNNER = ROOT / "tools/run-wasi.mjs"
WORK = ROOT / "build/conformance"
EXTRA_FLAGS = []  # --p2w-flag
STDLIB_GUEST = "/usr/lib/python3.11"


def read_modules():
    mods = []
    for line in (HERE / "modules.txt").read_text().splitlines():
        line = line.split("#", 1)[0].split()
        if line:
            mods.append((line[0], "fast" in line[1:]))
    return mods


def parse(stdout):
    status, disk = {}, []
    for line in stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("MODULE-SKIPPED"):
            status["(module)"] = "module-skip: " + line[len("MODULE-SKIPPED "):]
        elif line.startswith("RESULT "):
            _, st, test_id = line.split(" ", 2)
            status[test_id] = st
        elif line.startswith("DISK-IMPORTS"):
            disk = line.split()[1:]
    return status, disk


def run_module(name, timeout):
    d = WORK / name
    d.mkdir(parents=True, exist_ok=True)
    driver = d / "driver.py"
    driver.write_text((HERE / "driver.py.in").read_text().replace("@MODULE@", name))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    out = {"name": name}
    is_pkg = (RUNTIME / "Lib/test" / name / "__init__.py").exists()
    # the test module itself is translated to C (it is stdlib code, which
    # stays interpreted unless named); --compile-stdlib compiles the rest
    args = [P2W, "-q", "--stats", driver, "-o", d / "driver.wasm", "--compile-module",
            f"test.{name}", *EXTRA_FLAGS]
    if is_pkg:
        args += ["--include-package", f"test.{name}"]
    t0 = time.time()
    c = subprocess.run([str(a) for a in args], capture_output=True, env=env, timeout=timeout)
    out["compile_s"] = time.time() - t0
    if c.returncode != 0:
        out["error"] = "py2wasm failed: " + c.stderr.decode(errors="replace")[-2000:]
        return out
    out["size"] = (d / "driver.wasm").stat().st_size
    for line in c.stdout.decode(errors="replace").splitlines():
        if line.startswith("code objects:"):  # "N compiled to C, M interpreted"
            words = line.split()
            out["codes"] = f"{words[2]} / {words[6]}"
    dirs = ["--dir", f"{RUNTIME / 'Lib'}::{STDLIB_GUEST}"]
    runs = {
        "interp": ["node", RUNNER, *dirs, "--dir", f"{RUNTIME / 'Lib'}::/usr/local/lib/python3.11",
                   "--env", "PYTHONHOME=/usr/local", RUNTIME / "python.wasm", driver],
        "compiled": ["node", RUNNER, *dirs, d / "driver.wasm"],
    }
    for key, cmd in runs.items():
        t0 = time.time()
        try:
            r = subprocess.run([str(a) for a in cmd], capture_output=True, env=env,
                               timeout=timeout, cwd=d, stdin=subprocess.DEVNULL)
            out[key], disk = parse(r.stdout)
            out[key + "_rc"] = r.returncode
            out[key + "_tail"] = r.stderr.decode(errors="replace")[-1500:]
        except subprocess.TimeoutExpired:
            out[key], disk = {}, []
            out[key + "_rc"] = "timeout"
            out[key + "_tail"] = f"timed out after {timeout}s"
        out[key + "_s"] = time.time() - t0
        if key == "compiled":
            out["disk"] = disk
    return out


def counts(status):
    c = {"run": len(status), "ok": 0, "FAIL": 0, "ERROR": 0, "skip": 0, "xfail": 0}
    for st in status.values():
        c[st] = c.get(st, 0) + 1
    return c


def verdict(res):
    """(passed, list of regressions) for one module."""
    if "error" in res:
        return False, [res["error"]]
    interp, comp = res.get("interp", {}), res.get("compiled", {})
    if "(module)" in interp:  # skipped as a whole on WASI: fine if compiled agrees
        same = comp.get("(module)") == interp["(module)"]
        return same, [] if same else [f"interpreted skipped the module, compiled: {comp}"]
    if not interp:
        return False, [f"interpreted run produced no results (exit {res.get('interp_rc')}):\n"
                       + res.get("interp_tail", "")]
    regressions = [f"{t}: interpreted ok, compiled {comp.get(t, 'missing')}"
                   for t, st in sorted(interp.items()) if st == "ok" and comp.get(t) != "ok"]
    if not comp:
        regressions.insert(0, f"compiled run produced no results (exit {res.get('compiled_rc')}):\n"
                           + res.get("compiled_tail", ""))
    return not regressions, regressions


def table(results):
    lines = ["| module | interp: run / ok / fail / error / skip | compiled: run / ok / fail / error / skip "
             "| code objects compiled / interpreted | regressions | loaded from disk |",
             "|---|---|---|---|---|---|"]
    tot = {"i": [0] * 5, "c": [0] * 5}
    for res in results:
        ok, regs = verdict(res)
        ci, cc = counts(res.get("interp", {})), counts(res.get("compiled", {}))
        vi = [ci["run"], ci["ok"], ci["FAIL"], ci["ERROR"], ci["skip"] + ci["xfail"]]
        vc = [cc["run"], cc["ok"], cc["FAIL"], cc["ERROR"], cc["skip"] + cc["xfail"]]
        tot["i"] = [a + b for a, b in zip(tot["i"], vi)]
        tot["c"] = [a + b for a, b in zip(tot["c"], vc)]
        note = "build failed" if "error" in res else str(len(regs))
        if "(module)" in res.get("interp", {}):
            note = res["interp"]["(module)"].replace("module-skip:", "module skipped on WASI:")
        disk = ", ".join(res.get("disk", [])) or "-"
        lines.append(f"| {res['name']} | {' / '.join(map(str, vi))} | {' / '.join(map(str, vc))} "
                     f"| {res.get('codes', '-')} | {note} | {disk} |")
    lines.append(f"| **total** | {' / '.join(map(str, tot['i']))} | {' / '.join(map(str, tot['c']))} | | | |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--out", default="")
    ap.add_argument("--p2w-flag", action="append", default=[],
                    help="extra py2wasm option, e.g. --compile-stdlib=yes")
    opts = ap.parse_args()
    EXTRA_FLAGS.extend(opts.p2w_flag)
    mods = read_modules()
    if opts.fast:
        mods = [m for m in mods if m[1]]
    if opts.only:
        wanted = set(opts.only.split(","))
        mods = [m for m in mods if m[0] in wanted]
    WORK.mkdir(parents=True, exist_ok=True)
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        futures = {pool.submit(run_module, name, opts.timeout): name for name, _ in mods}
        for f in concurrent.futures.as_completed(futures):
            res = f.result()
            ok, regs = verdict(res)
            c = counts(res.get("compiled", {}))
            print(f"{'PASS' if ok else 'FAIL'} conformance/{res['name']}  "
                  f"({c['ok']} ok compiled of {counts(res.get('interp', {}))['ok']} ok interpreted)",
                  flush=True)
            for r in regs[:20]:
                print("    " + r.replace("\n", "\n    "))
            results.append(res)
    results.sort(key=lambda r: r["name"])
    md = table(results)
    if not opts.fast and not opts.only:
        out = Path(opts.out) if opts.out else HERE / "results.md"
        out.write_text("# Conformance: CPython 3.11.2 regression tests compiled by py2wasm\n\n"
                       "Generated by `make conformance` (tests/conformance/run.py). "
                       "Columns: test cases run / passed / failed / errors / skipped, for the "
                       "baseline interpreter python.wasm and for the py2wasm output. "
                       "\"regressions\": tests that pass interpreted but not compiled. "
                       "\"loaded from disk\": modules the compiled run imported from the "
                       "stdlib directory instead of the binary (missed by module discovery).\n\n"
                       + md + "\n")
    print(md)
    passed = sum(verdict(r)[0] for r in results)
    print(f"\n{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
