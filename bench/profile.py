#!/usr/bin/python3.11
"""Where a compiled benchmark spends its time.

Builds each program with `py2wasm --debug --snapshot=no` (function names
kept; no snapshot, so start-up shows as well), runs it once under
`node --no-liftoff --cpu-prof`, and reads V8's profile of the thread that
ran the module: the functions with the most self time, and the share of
the generated C (functions named cN_...), of the p2w_* runtime helpers and
of everything else (libpython, wasi-libc, and Node's own start-up).  A
program that spends most of its time outside the generated C and the
helpers cannot get much faster than the interpreter by compiling its
bytecode.

  /usr/bin/python3.11 bench/profile.py [--perf] [--top N] [--keep DIR] [NAME ...]

NAMEs are files of bench/programs/ without `.py` (default: all of them).

With --perf, the program is built with `--debug` only (snapshot kept) and
sampled by Linux perf instead (`node --perf-prof` writes the JIT code for
`perf inject --jit`).  V8's own sampler cannot always unwind wasm frames
and charges their samples to a caller: it put 13-17% of dhrystone_like and
interp in call_compiled, which perf measures at 1.4-5%.  Prefer --perf
where perf is allowed (kernel.perf_event_paranoid <= 2).
"""

import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "bench" / "programs"
GENERATED = re.compile(r"c\d+_")


def self_times(profile):
    """Microseconds of self time per function name in a .cpuprofile."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    times = collections.Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        frame = nodes[sample]["callFrame"]
        times[frame["functionName"] or frame["url"] or "(anonymous)"] += delta
    return times


def kind(name):
    if GENERATED.match(name):
        return "generated"
    if name.startswith("p2w_"):
        return "p2w"
    if name.startswith("("):  # (idle), (program), (garbage collector)
        return "v8"
    return "other"


def profile_one(name, work, top):
    wasm = work / f"{name}.wasm"
    build = subprocess.run([str(ROOT / "build/bin/py2wasm"), "-q", "--debug", "--snapshot=no",
                            str(PROGRAMS / f"{name}.py"), "-o", str(wasm)],
                           capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(f"profile: building {name} failed:\n{build.stderr}")
    outdir = work / f"prof-{name}"
    run = subprocess.run(["node", "--no-liftoff", "--cpu-prof", f"--cpu-prof-dir={outdir}",
                          str(ROOT / "tools/run-wasi.mjs"), str(wasm)],
                         capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        sys.exit(f"profile: {name} exited {run.returncode}:\n{run.stderr[-2000:]}")
    # the runner starts the module in a worker thread: its profile is the
    # largest one
    files = sorted(outdir.glob("*.cpuprofile"), key=lambda p: p.stat().st_size)
    times = self_times(json.loads(files[-1].read_text()))
    total = sum(times.values()) or 1
    share = collections.Counter()
    for fn, t in times.items():
        share[kind(fn)] += t
    print(f"== {name}: generated C {100 * share['generated'] / total:.1f}%, "
          f"p2w helpers {100 * share['p2w'] / total:.1f}%, "
          f"libpython and the rest {100 * share['other'] / total:.1f}%, "
          f"V8 {100 * share['v8'] / total:.1f}%")
    for fn, t in times.most_common(top):
        print(f"   {100 * t / total:5.1f}%  {fn}")


PERF_LINE = re.compile(r"^\s*([0-9.]+)%\s+\[\.\]\s+JS:(.*)-\d+-turbofan\s*$")


def perf_one(name, work, top):
    """As profile_one, sampled by perf: shares of all samples of the run."""
    wasm = work / f"{name}-debug.wasm"
    build = subprocess.run([str(ROOT / "build/bin/py2wasm"), "-q", "--debug",
                            str(PROGRAMS / f"{name}.py"), "-o", str(wasm)],
                           capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit(f"profile: building {name} failed:\n{build.stderr}")
    outdir = work / f"perf-{name}"
    outdir.mkdir(exist_ok=True)
    data, jitted = outdir / "perf.data", outdir / "perf.jit.data"
    # jit-PID.dump lands in the current directory, where inject looks
    run = subprocess.run(["perf", "record", "-q", "-k", "1", "-o", str(data), "node",
                          "--perf-prof", "--no-liftoff", str(ROOT / "tools/run-wasi.mjs"),
                          str(wasm)], capture_output=True, text=True, cwd=outdir)
    if run.returncode != 0:
        sys.exit(f"profile: perf record of {name} failed ({run.returncode}):\n"
                 f"{run.stderr[-2000:]}")
    inject = subprocess.run(["perf", "inject", "--jit", "-i", str(data), "-o", str(jitted)],
                            capture_output=True, text=True, cwd=outdir)
    if inject.returncode != 0:
        sys.exit(f"profile: perf inject for {name} failed:\n{inject.stderr[-2000:]}")
    report = subprocess.run(["perf", "report", "-i", str(jitted), "--stdio", "--sort", "sym",
                             "--percent-limit", "0.01"], capture_output=True, text=True,
                            cwd=outdir)
    times = collections.Counter()
    for line in report.stdout.splitlines():
        m = PERF_LINE.match(line)
        if m:
            times[m.group(2)] += float(m.group(1))
    share = collections.Counter()
    for fn, t in times.items():
        share[kind(fn)] += t
    print(f"== {name} (perf, % of all samples; the rest is V8 compiling and Node): "
          f"generated C {share['generated']:.1f}%, p2w helpers {share['p2w']:.1f}%, "
          f"libpython and the rest of the wasm {share['other']:.1f}%")
    for fn, t in times.most_common(top):
        print(f"   {t:5.1f}%  {fn}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="benchmarks (default: all)")
    ap.add_argument("--top", type=int, default=12, help="functions listed per benchmark")
    ap.add_argument("--keep", help="keep the .wasm files and profiles in this directory")
    ap.add_argument("--perf", action="store_true",
                    help="sample with Linux perf instead of V8's profiler (see above)")
    args = ap.parse_args()
    one = perf_one if args.perf else profile_one
    names = args.names or sorted(p.stem for p in PROGRAMS.glob("*.py"))
    for n in names:
        if not (PROGRAMS / f"{n}.py").exists():
            sys.exit(f"profile: no benchmark {n!r} in {PROGRAMS}")
    if not (ROOT / "build/bin/py2wasm").exists():
        sys.exit("profile: build/bin/py2wasm is missing (run make)")
    if args.keep:
        work = pathlib.Path(args.keep).resolve()
        work.mkdir(parents=True, exist_ok=True)
        for n in names:
            one(n, work, args.top)
    else:
        with tempfile.TemporaryDirectory(prefix="p2w-profile-") as tmp:
            for n in names:
                one(n, pathlib.Path(tmp), args.top)


if __name__ == "__main__":
    main()
