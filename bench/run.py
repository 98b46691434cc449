#!/usr/bin/python3.11
"""py2wasm benchmark harness.

Runs every program in bench/programs/ three ways and compares them:

  native    /usr/bin/python3.11 bench/programs/X.py
  interp    tools/python-wasm bench/programs/X.py
            (CPython 3.11.2 interpreter compiled to wasm, run under Node WASI)
  compiled  build/bin/py2wasm bench/programs/X.py -o TMP/X.wasm, then
            node $NODE_FLAGS tools/run-wasi.mjs TMP/X.wasm

The two wasm columns run once per V8 mode: "default" (NODE_FLAGS empty) and
"noliftoff" (NODE_FLAGS="--no-liftoff --no-wasm-lazy-compilation", the
headline mode: every function compiled by TurboFan at instantiation, so that
no in-program time includes V8 compiling; bench/README.md).  Within each
repetition the runs are interleaved round-robin: for benchmark A native,
interp-default, compiled-default, interp-noliftoff, compiled-noliftoff, then
benchmark B, ...  A hello-world startup probe is run the same way at the start
of each repetition, together with an empty WASI module under the same runner
("empty-MODE": Node's own start-up, which the startup table subtracts).

Every run must exit 0 and print exactly the stdout the native run printed, or
the harness stops with a non-zero exit status naming the benchmark and mode.

Stdlib only; run it with /usr/bin/python3.11 from anywhere:

  /usr/bin/python3.11 bench/run.py [--runs N] [--only A,B] [--modes default,noliftoff]
                                   [--no-compiled] [--scale F] [--out DIR]

See bench/README.md for what the columns mean.
"""

import argparse
import datetime
import gzip
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
PROGRAMS_DIR = BENCH_DIR / "programs"
STARTUP_SCRIPT = BENCH_DIR / "startup" / "hello.py"

NATIVE_PY = "/usr/bin/python3.11"
PYTHON_WASM = ROOT / "tools" / "python-wasm"
RUNTIME_WASM = ROOT / "build" / "runtime" / "python.wasm"
RUN_WASI = ROOT / "tools" / "run-wasi.mjs"
PY2WASM = ROOT / "build" / "bin" / "py2wasm"

# V8 modes for the wasm columns: name -> NODE_FLAGS value.
MODE_FLAGS = {
    "default": "",
    "noliftoff": "--no-liftoff --no-wasm-lazy-compilation",
}
HEADLINE_MODE = "noliftoff"

BENCH_TIME_RE = re.compile(r"^bench-time:\s*([0-9.eE+-]+)\s*$")
STARTUP = "startup"  # pseudo-benchmark name of the hello-world probe

# The smallest WASI command module: memory and an empty _start, no imports.
# Run by the startup probe to measure what Node and the runner cost by
# themselves.
EMPTY_WASM = bytes.fromhex(
    "0061736d01000000"                    # magic, version
    "010401600000"                        # type: () -> ()
    "03020100"                            # function 0: type 0
    "0503010001"                          # memory: 1 page
    "07130206" + b"memory".hex() + "0200"  # export "memory"
    + "06" + b"_start".hex() + "0000"      # export "_start"
    + "0a040102000b")                     # code: empty body


class BenchFailure(Exception):
    """A run failed or produced the wrong output; aborts the whole harness."""


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def rel(path):
    """Path relative to the repository root (the cwd of every run)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------- configs

class Config:
    """One column: how to run a benchmark."""

    def __init__(self, kind, mode=None):
        self.kind = kind      # "native" | "interp" | "compiled" | "empty" (startup only)
        self.mode = mode      # None for native, else a key of MODE_FLAGS

    @property
    def key(self):
        return self.kind if self.mode is None else f"{self.kind}-{self.mode}"

    def __repr__(self):
        return self.key


def node_flags(mode, extra):
    flags = MODE_FLAGS[mode]
    if extra:
        flags = (flags + " " + extra).strip()
    return flags


def command_for(cfg, script, wasm, args, extra_flags):
    """Return (argv, env) for running `script` (or its compiled `wasm`)."""
    env = dict(os.environ)
    env.pop("NODE_FLAGS", None)
    if cfg.kind == "native":
        return [NATIVE_PY, rel(script)] + args, env
    flags = node_flags(cfg.mode, extra_flags)
    env["NODE_FLAGS"] = flags
    if cfg.kind == "interp":
        return [str(PYTHON_WASM), rel(script)] + args, env
    if cfg.kind in ("compiled", "empty"):
        return ["node"] + flags.split() + [rel(RUN_WASI), str(wasm)] + args, env
    raise ValueError(cfg.kind)


# ------------------------------------------------------------------------ runs

def signal_name(n):
    try:
        return signal.Signals(n).name
    except ValueError:
        return f"signal {n}"


def describe_exit(rc):
    if rc < 0:
        return f"killed by {signal_name(-rc)}"
    if rc > 128:
        return f"exit status {rc} ({signal_name(rc - 128)}?)"
    return f"exit status {rc}"


def tail(text, n=15):
    lines = text.rstrip("\n").splitlines()
    return "\n".join("    | " + ln for ln in lines[-n:]) or "    | (empty)"


def run_once(name, cfg, argv, env, timeout, expect_bench_time):
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchFailure(f"benchmark '{name}', mode '{cfg.key}': timed out after {timeout} s\n"
                           f"  command: {' '.join(argv)}")
    except OSError as e:
        raise BenchFailure(f"benchmark '{name}', mode '{cfg.key}': cannot run {argv[0]}: {e}")
    wall = time.perf_counter() - t0
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise BenchFailure(
            f"benchmark '{name}', mode '{cfg.key}': {describe_exit(proc.returncode)}\n"
            f"  command: {' '.join(argv)}  (NODE_FLAGS={env.get('NODE_FLAGS', '')!r})\n"
            f"  stderr (last lines):\n{tail(stderr)}")
    in_prog = None
    if expect_bench_time:
        found = [m.group(1) for m in map(BENCH_TIME_RE.match, stderr.splitlines()) if m]
        if len(found) != 1:
            raise BenchFailure(
                f"benchmark '{name}', mode '{cfg.key}': expected exactly one 'bench-time:' line "
                f"on stderr, found {len(found)}\n  stderr (last lines):\n{tail(stderr)}")
        in_prog = float(found[0])
    return stdout, in_prog, wall


def first_difference(expected, got):
    a = expected.splitlines()
    b = got.splitlines()
    for i in range(max(len(a), len(b))):
        la = a[i] if i < len(a) else "<missing>"
        lb = b[i] if i < len(b) else "<missing>"
        if la != lb:
            return i + 1, la, lb
    return None, "", ""


def gzip9_size(path):
    gz = shutil.which("gzip")
    if gz:
        with open(path, "rb") as f:
            out = subprocess.run([gz, "-9", "-c", "-n"], stdin=f, stdout=subprocess.PIPE,
                                 check=True).stdout
        return len(out)
    return len(gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0))


P2W_ARGS = []  # --p2w-args


def compile_one(name, script, tmpdir, timeout):
    out = Path(tmpdir) / f"{name}.wasm"
    argv = [str(PY2WASM), rel(script), "-o", str(out), *P2W_ARGS]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchFailure(f"benchmark '{name}', mode 'compile': timed out after {timeout} s")
    dt = time.perf_counter() - t0
    if proc.returncode != 0 or not out.is_file():
        raise BenchFailure(
            f"benchmark '{name}', mode 'compile': py2wasm failed ({describe_exit(proc.returncode)})\n"
            f"  command: {' '.join(argv)}\n"
            f"  output (last lines):\n{tail(proc.stdout.decode('utf-8', 'replace') + proc.stderr.decode('utf-8', 'replace'))}")
    return {"wasm": str(out), "compile_s": dt, "size": out.stat().st_size,
            "gzip9": gzip9_size(out)}


# ------------------------------------------------------------------ statistics

def median(xs):
    return statistics.median(xs) if xs else None


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def fmt_s(x, digits=3):
    return "—" if x is None else f"{x:.{digits}f}"


def fmt_cell(samples):
    if not samples:
        return "—"
    med = median(samples)
    if len(samples) == 1:
        return f"{med:.3f}"
    return f"{med:.3f} ({min(samples):.3f}–{max(samples):.3f})"


def fmt_ratio(x):
    return "—" if x is None else f"{x:.2f}x"


def fmt_bytes(n):
    if n is None:
        return "—"
    return f"{n:,} ({n / 1024:.0f} KiB)" if n < 10 * 1024 * 1024 else f"{n:,} ({n / 1048576:.1f} MiB)"


# ----------------------------------------------------------------------- report

def table(headers, rows, align=None):
    """Render as (plain text, markdown)."""
    align = align or ["l"] + ["r"] * (len(headers) - 1)
    cols = list(zip(*([headers] + rows))) if rows else [[h] for h in headers]
    widths = [max(len(str(c)) for c in col) for col in cols]

    def line(cells):
        out = []
        for c, w, a in zip(cells, widths, align):
            c = str(c)
            out.append(c.ljust(w) if a == "l" else c.rjust(w))
        return "  ".join(out).rstrip()

    text = [line(headers), "  ".join("-" * w for w in widths)]
    text += [line(r) for r in rows]
    md = ["| " + " | ".join(headers) + " |",
          "|" + "|".join(":---" if a == "l" else "---:" for a in align) + "|"]
    md += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(text), "\n".join(md)


def build_report(args, names, modes, samples, compile_info, compiled_enabled, env_info):
    """samples[(name, cfg_key)] = {"in": [...], "wall": [...]}.  Returns (text, md)."""
    text_parts = []
    md_parts = []

    def add(title, text, md, note=None):
        text_parts.append(f"\n{title}\n{'=' * len(title)}\n{text}")
        md_parts.append(f"\n## {title}\n\n{md}")
        if note:
            text_parts.append(note)
            md_parts.append("\n" + note)

    not_compiled_note = None
    if not compiled_enabled:
        not_compiled_note = ("NOTE: compiled column not run (--no-compiled"
                             + ("" if PY2WASM.exists() else f"; {rel(PY2WASM)} does not exist")
                             + "); compiled times and ratios are shown as 'not run'.")

    for metric, title in (("in", "In-program time (s): median (min–max) of the bench-time: lines"),
                          ("wall", "Whole-process wall time (s): median (min–max)")):
        headers = ["benchmark", "native"]
        for m in modes:
            headers += [f"interp {m}", f"compiled {m}"]
        for m in modes:
            headers += [f"vs interp {m}"]
        for m in modes:
            headers += [f"vs native {m}"]
        rows = []
        geo = {h: [] for h in headers[1:]}
        for name in names:
            def meds(key):
                s = samples.get((name, key), {}).get(metric, [])
                return s, median(s)
            nat_s, nat = meds("native")
            row = [name, fmt_cell(nat_s)]
            geo["native"].append(nat)
            per_mode = {}
            for m in modes:
                is_, im = meds(f"interp-{m}")
                cs, cm = meds(f"compiled-{m}")
                per_mode[m] = (im, cm)
                row.append(fmt_cell(is_))
                row.append(fmt_cell(cs) if compiled_enabled else "not run")
                geo[f"interp {m}"].append(im)
                geo[f"compiled {m}"].append(cm)
            for m in modes:
                im, cm = per_mode[m]
                r = im / cm if (im and cm) else None
                geo[f"vs interp {m}"].append(r)
                row.append(fmt_ratio(r) if compiled_enabled else "not run")
            for m in modes:
                _, cm = per_mode[m]
                r = nat / cm if (nat and cm) else None
                geo[f"vs native {m}"].append(r)
                row.append(fmt_ratio(r) if compiled_enabled else "not run")
            rows.append(row)
        georow = ["geometric mean"]
        for h in headers[1:]:
            g = geomean(geo[h])
            if h.startswith(("compiled", "vs interp", "vs native")) and not compiled_enabled:
                georow.append("not run")
            elif h.startswith(("vs interp", "vs native")):
                georow.append(fmt_ratio(g))
            else:
                georow.append(fmt_s(g))
        rows.append(georow)
        t, md = table(headers, rows)
        add(title, t, md, not_compiled_note)

    # interp slowdown vs native is useful context even without the compiler
    headers = ["benchmark"] + [f"interp {m} ÷ native" for m in modes]
    rows = []
    geo = {m: [] for m in modes}
    for name in names:
        nat = median(samples.get((name, "native"), {}).get("in", []))
        row = [name]
        for m in modes:
            im = median(samples.get((name, f"interp-{m}"), {}).get("in", []))
            r = im / nat if (im and nat) else None
            geo[m].append(r)
            row.append(fmt_ratio(r))
        rows.append(row)
    rows.append(["geometric mean"] + [fmt_ratio(geomean(geo[m])) for m in modes])
    t, md = table(headers, rows)
    add("Interpreter-in-wasm slowdown vs native (in-program time, higher = slower)", t, md)

    # compile time and size
    headers = ["benchmark", "compile time (s)", ".wasm raw (bytes)", ".wasm gzip -9 (bytes)"]
    rows = []
    if compiled_enabled:
        for name in names + [STARTUP]:
            ci = compile_info.get(name)
            if ci:
                rows.append([name, fmt_s(ci["compile_s"], 2), fmt_bytes(ci["size"]),
                             fmt_bytes(ci["gzip9"])])
        rows.append(["geometric mean",
                     fmt_s(geomean([compile_info[n]["compile_s"] for n in names if n in compile_info]), 2),
                     fmt_bytes(round(geomean([compile_info[n]["size"] for n in names if n in compile_info]) or 0)),
                     fmt_bytes(round(geomean([compile_info[n]["gzip9"] for n in names if n in compile_info]) or 0))])
    else:
        rows.append(["(all)", "not run", "not run", "not run"])
    t, md = table(headers, rows)
    add("Compile time and output size", t, md, not_compiled_note)

    # startup
    headers = ["configuration", "wall time (ms): median (min–max)"]
    rows = []
    keys = ["native"] + [f"{k}-{m}" for m in modes for k in ("empty", "interp", "compiled")]
    for key in keys:
        if key.startswith("compiled") and not compiled_enabled:
            rows.append([key, "not run"])
            continue
        s = [x * 1000 for x in samples.get((STARTUP, key), {}).get("wall", [])]
        if not s:
            rows.append([key, "—"])
        elif len(s) == 1:
            rows.append([key, f"{s[0]:.1f}"])
        else:
            rows.append([key, f"{median(s):.1f} ({min(s):.1f}–{max(s):.1f})"])
    # the wasm columns less Node's own start-up, against native
    native = [x * 1000 for x in samples.get((STARTUP, "native"), {}).get("wall", [])]
    for m in modes:
        empty = [x * 1000 for x in samples.get((STARTUP, f"empty-{m}"), {}).get("wall", [])]
        for k in ("interp", "compiled"):
            s = [x * 1000 for x in samples.get((STARTUP, f"{k}-{m}"), {}).get("wall", [])]
            if s and empty and native:
                extra = median(s) - median(empty)
                rows.append([f"{k}-{m} − empty-{m}",
                             f"{extra:.1f} ({extra / median(native):.1f}× native)"])
    t, md = table(headers, rows)
    add(f"Startup: {rel(args.startup_script)}", t, md)

    header_lines = [
        f"Date: {env_info['date']}",
        f"CPU: {env_info['cpu']}",
        f"Cores: {env_info['cores']}",
        f"Python (native): {env_info['python']}",
        f"Node: {env_info['node']}",
        f"Clang: {env_info['clang']}",
        f"Kernel: {env_info['kernel']}",
        f"Runs per configuration: {args.runs}; modes: {', '.join(modes)} "
        f"(headline: {HEADLINE_MODE}); scale: {args.scale if args.scale is not None else 'default'}",
        f"Extra Node flags: {args.extra_node_flags or '(none)'}",
        f"Command: {' '.join(env_info['argv'])}",
    ]
    text = "py2wasm benchmarks\n" + "\n".join(header_lines) + "\n" + "\n".join(text_parts) + "\n"
    md = (f"# py2wasm benchmarks — {env_info['date']}\n\n"
          + "\n".join(f"- {ln}" for ln in header_lines) + "\n"
          + "\n".join(md_parts) + "\n\n"
          "Speedup vs interp = interp time ÷ compiled time (higher is better).  "
          "vs native = native time ÷ compiled time (1.00x = as fast as native CPython; "
          "below 1 is slower).  See bench/README.md.\n")
    return text, md


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def tool_version(argv):
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        out = p.stdout.decode("utf-8", "replace").strip().splitlines()
        return out[0] if out else "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def environment_info():
    return {
        "date": datetime.date.today().isoformat(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": tool_version([NATIVE_PY, "--version"]),
        "node": tool_version(["node", "--version"]),
        "clang": tool_version(["clang-14", "--version"]),
        "kernel": platform.release(),
        "argv": [Path(sys.argv[0]).name] + sys.argv[1:],
    }


# ------------------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(description="py2wasm benchmark harness (see bench/README.md)")
    p.add_argument("--runs", type=int, default=5, help="repetitions per configuration (default 5)")
    p.add_argument("--only", default="",
                   help="comma-separated benchmark names (default: all); 'startup' alone runs "
                        "only the startup probe")
    p.add_argument("--startup-script", default=str(STARTUP_SCRIPT),
                   help="the program the startup probe runs (default: bench/startup/hello.py)")
    p.add_argument("--modes", default="default,noliftoff",
                   help="comma-separated V8 modes for the wasm columns: " + ", ".join(MODE_FLAGS))
    p.add_argument("--no-compiled", action="store_true",
                   help="skip the compiled column (e.g. before build/bin/py2wasm exists)")
    p.add_argument("--scale", type=float, default=None,
                   help="pass this work multiplier to every benchmark (default: none, i.e. the "
                        "programs' own default sizes); for quick smoke tests")
    p.add_argument("--no-startup", action="store_true", help="skip the hello-world startup probe")
    p.add_argument("--extra-node-flags", default="",
                   help="extra Node flags appended to NODE_FLAGS in every wasm run, every mode")
    p.add_argument("--p2w-args", default="",
                   help="extra py2wasm arguments for the compiled column, e.g. '--wasm-opt=Oz'")
    p.add_argument("--timeout", type=float, default=900, help="per-run timeout in seconds")
    p.add_argument("--out", default=str(BENCH_DIR / "results"),
                   help="directory for YYYY-MM-DD.md/.json and latest.md/.json "
                        "(default bench/results)")
    p.add_argument("--keep-wasm", action="store_true", help="keep the compiled .wasm directory")
    a = p.parse_args(argv)
    if a.runs < 1:
        p.error("--runs must be >= 1")
    return a


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    P2W_ARGS.extend(args.p2w_args.split())

    all_names = sorted(p.stem for p in PROGRAMS_DIR.glob("*.py"))
    if args.only:
        names = [n.strip().removesuffix(".py") for n in args.only.split(",") if n.strip()]
        # "startup" alone: only the hello-world probe
        names = [n for n in names if n != STARTUP]
        unknown = [n for n in names if n not in all_names]
        if unknown:
            log(f"error: unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(all_names)}")
            return 2
    else:
        names = all_names
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in MODE_FLAGS]
    if bad or not modes:
        log(f"error: unknown mode(s) {', '.join(bad) or '(none given)'}; known: {', '.join(MODE_FLAGS)}")
        return 2
    compiled_enabled = not args.no_compiled

    # prerequisites
    missing = []
    if not Path(NATIVE_PY).exists():
        missing.append(f"{NATIVE_PY} (native CPython 3.11.2)")
    if not shutil.which("node"):
        missing.append("node (on PATH)")
    for p, what in ((PYTHON_WASM, "interpreter wrapper"), (RUNTIME_WASM, "baseline interpreter; "
                    "build it with scripts/build-runtime.sh"), (RUN_WASI, "WASI runner")):
        if not p.exists():
            missing.append(f"{rel(p)} ({what})")
    if compiled_enabled and not (PY2WASM.exists() and os.access(PY2WASM, os.X_OK)):
        missing.append(f"{rel(PY2WASM)} (the compiler; build it first, or pass --no-compiled "
                       "to benchmark only native and interpreted)")
    if missing:
        log("error: missing prerequisites:\n  " + "\n  ".join(missing))
        return 2

    script_of = {n: PROGRAMS_DIR / f"{n}.py" for n in names}
    items = list(names)
    if not args.no_startup:
        script_of[STARTUP] = Path(args.startup_script).resolve()
        items = [STARTUP] + items
    prog_args = [] if args.scale is None else [repr(args.scale)]

    configs = [Config("native")]
    for m in modes:
        configs.append(Config("interp", m))
        if compiled_enabled:
            configs.append(Config("compiled", m))

    tmpdir = tempfile.mkdtemp(prefix="py2wasm-bench-")
    compile_info = {}
    samples = {}
    reference = {}
    try:
        if compiled_enabled:
            for name in items:
                log(f"compiling {name} ...")
                compile_info[name] = ci = compile_one(name, script_of[name], tmpdir, args.timeout)
                log(f"  {ci['compile_s']:.2f} s, {ci['size']:,} bytes, gzip -9 {ci['gzip9']:,} bytes")

        empty_wasm = Path(tmpdir) / "empty.wasm"
        empty_wasm.write_bytes(EMPTY_WASM)
        startup_configs = configs + [Config("empty", m) for m in modes]
        for rep in range(args.runs):
            for name in items:
                is_startup = name == STARTUP
                a = [] if is_startup else prog_args
                for cfg in startup_configs if is_startup else configs:
                    wasm = (empty_wasm if cfg.kind == "empty"
                            else compile_info.get(name, {}).get("wasm"))
                    argv, env = command_for(cfg, script_of[name], wasm, a, args.extra_node_flags)
                    out, in_prog, wall = run_once(name, cfg, argv, env, args.timeout,
                                                  expect_bench_time=not is_startup)
                    if cfg.kind == "native" and name not in reference:
                        reference[name] = out
                    elif cfg.kind != "empty" and out != reference[name]:
                        line, exp, got = first_difference(reference[name], out)
                        raise BenchFailure(
                            f"benchmark '{name}', mode '{cfg.key}' (repetition {rep + 1}): stdout "
                            f"differs from native\n  first difference at line {line}:\n"
                            f"    native: {exp!r}\n    {cfg.key}: {got!r}")
                    s = samples.setdefault((name, cfg.key), {"in": [], "wall": []})
                    s["wall"].append(wall)
                    if in_prog is not None:
                        s["in"].append(in_prog)
                    log(f"[{rep + 1}/{args.runs}] {name:16s} {cfg.key:20s} "
                        + (f"in-program {in_prog:8.3f} s  " if in_prog is not None else " " * 23)
                        + f"wall {wall:8.3f} s")
    except BenchFailure as e:
        log(f"\nFAIL: {e}")
        return 1
    finally:
        if args.keep_wasm and compile_info:
            log(f"compiled modules kept in {tmpdir}")
        else:
            shutil.rmtree(tmpdir, ignore_errors=True)

    env_info = environment_info()
    text, md = build_report(args, names, modes, samples, compile_info, compiled_enabled, env_info)
    print(text)

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    raw = {
        "env": env_info,
        "options": {k: v for k, v in vars(args).items()},
        "modes": {m: MODE_FLAGS[m] for m in modes},
        "compiled": compiled_enabled,
        "compile": {n: {k: v for k, v in ci.items() if k != "wasm"} for n, ci in compile_info.items()},
        "samples": {f"{n}|{k}": v for (n, k), v in samples.items()},
    }
    for stem in (env_info["date"], "latest"):
        (out_dir / f"{stem}.md").write_text(md)
        (out_dir / f"{stem}.json").write_text(json.dumps(raw, indent=1, sort_keys=True) + "\n")
    log(f"wrote {out_dir / (env_info['date'] + '.md')} and {out_dir / 'latest.md'} (+ .json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
