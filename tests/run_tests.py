#!/usr/bin/python3.11
"""py2wasm test suite (`make test`).

Three groups, all differential or checked against exact expectations:

  programs   every program in tests/programs/ (NAME.py, or NAME/main.py for
             multi-module programs, with optional NAME.args and NAME.stdin) is
             compiled with build/bin/py2wasm and run under tools/run-wasi.mjs;
             stdout, stderr and exit code must equal those of native CPython
             3.11.2 (/usr/bin/python3.11) running the same file from the repo
             root with the same arguments and input.  The binaries are
             snapshotted (the default); every fourth program is also built
             with --snapshot=no (programs_nosnap/NAME).
  runtime    the baseline interpreter build/runtime/python.wasm, and the Node
             WASI runner itself (exit codes, traps, argv, stdin).
  errors     the compiler's handling of bad input: syntax errors, missing
             files, unwritable outputs, unknown options, failing tools.
  options    --path, --include-module, --include-package, --exclude-module,
             each against the native equivalent (PYTHONPATH, plain imports).
  snapshot   Wizer snapshots see a fresh world (argv, environment, stdin,
             time, random, start-up configuration), modules with import-time
             side effects are not pre-imported, builds are reproducible;
             builtin C modules and codecs not linked fail cleanly.
  conformance  the fast subset of tests/conformance (CPython's own Lib/test
             modules): every test passing under python.wasm passes compiled.
  unit       C unit tests of compiler internals (build/tests/unit_tests).
  web        --export and --target web: exported functions called from Node
             (calling convention, errors, state, memory over 100k calls),
             build-time signature errors, the README's example, the web
             loader, and the pages in Debian's headless chromium (skipped,
             saying why, when chromium or playwright-core is missing);
             screenshots go to build/tests/artifacts/.
  asan       the compiler built with ASan+UBSan compiles a sample of the
             programs and the bad-input cases without a sanitizer report, and
             produces byte-identical output (so builds are deterministic).

The last line is "N passed, M failed" (", K skipped" when some were); the exit status is non-zero if
anything failed.  On a failing program the generated C is kept in
build/tests/NAME.build/ for inspection.

usage: run_tests.py [-j JOBS] [-k SUBSTRING] [--p2w-flag FLAG]
                    [--group unit,runtime,errors,options,snapshot,asan,programs,conformance,web]
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIVE = "/usr/bin/python3.11"
P2W = ROOT / "build/bin/py2wasm"
P2W_ASAN = ROOT / "build/bin/py2wasm-asan"
UNIT = ROOT / "build/tests/unit_tests"
ASAN_ENV = {"ASAN_OPTIONS": "detect_leaks=0:abort_on_error=0",
            "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1"}
RUNNER = ROOT / "tools/run-wasi.mjs"
OUT = ROOT / "build/tests"
TIMEOUT = 300
EXTRA_FLAGS = []  # --p2w-flag: added to every program's compile


class TestFailure(Exception):
    pass


class TestSkipped(Exception):
    """A test that cannot run on this machine; the message says why."""


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # the suite's own object cache: results never depend on earlier builds
    # outside this checkout
    env["P2W_CACHE_DIR"] = str(OUT / "objcache")
    return env


def run(cmd, stdin=b"", env=None, cwd=ROOT, timeout=TIMEOUT):
    return subprocess.run([str(c) for c in cmd], input=stdin, capture_output=True,
                          cwd=cwd, env=env or clean_env(), timeout=timeout)


def show_diff(label, expected, actual, limit=40):
    exp = expected.decode("utf-8", "replace").splitlines(keepends=True)
    act = actual.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(exp, act, f"native {label}", f"compiled {label}"))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... ({len(lines) - limit} more diff lines)\n"]
    return "".join(lines)


def check(cond, message):
    if not cond:
        raise TestFailure(message)


# ---- programs -------------------------------------------------------------

def program_entries():
    base = ROOT / "tests/programs"
    entries = []
    for p in sorted(base.iterdir()):
        if p.suffix == ".py":
            entries.append((p.stem, p, p.with_suffix("")))
        elif p.is_dir() and (p / "main.py").is_file():
            entries.append((p.name, p / "main.py", p))
    return entries


def program_test(name, script, stem, extra=(), group="programs"):
    rel = script.relative_to(ROOT)
    args_file = Path(str(stem) + ".args")
    stdin_file = Path(str(stem) + ".stdin")
    args = args_file.read_text().splitlines() if args_file.exists() else []
    stdin = stdin_file.read_bytes() if stdin_file.exists() else b""
    wasm = OUT / f"{name}{'.' + group if group != 'programs' else ''}.wasm"

    def test():
        c = run([P2W, "-q", rel, "-o", wasm, *EXTRA_FLAGS, *extra])
        check(c.returncode == 0 and wasm.exists(),
              f"py2wasm failed (exit {c.returncode}):\n{c.stderr.decode(errors='replace')}")
        native = run([NATIVE, rel, *args], stdin=stdin)
        compiled = run(["node", RUNNER, wasm, *args], stdin=stdin)
        problems = []
        if native.stdout != compiled.stdout:
            problems.append(show_diff("stdout", native.stdout, compiled.stdout))
        if native.stderr != compiled.stderr:
            problems.append(show_diff("stderr", native.stderr, compiled.stderr))
        if native.returncode != compiled.returncode:
            problems.append(f"exit code: native {native.returncode}, compiled {compiled.returncode}\n")
        if problems:
            keep = OUT / f"{name}{'.' + group if group != 'programs' else ''}.build"
            run([P2W, "-q", rel, "-o", wasm, "--keep-build", keep, *EXTRA_FLAGS, *extra])
            raise TestFailure("".join(problems) + f"(generated C kept in {keep.relative_to(ROOT)})")
        wasm.unlink()
    return f"{group}/{name}", test


# ---- runtime and runner ----------------------------------------------------

def wasm_cc(src, out):
    sysroot = ROOT / "build/runtime/sysroot"
    c = run(["clang-14", "--target=wasm32-wasi", f"--sysroot={sysroot}", "-O1", src, "-o", out])
    check(c.returncode == 0, f"clang failed on {src}:\n{c.stderr.decode()}")


def runtime_tests():
    tests = []

    def python_wasm_basics():
        script = OUT / "runtime_basics.py"
        script.write_text(
            "import sys, zlib, json, re, decimal, math\n"
            "print(sys.version.split()[0], sys.platform, sys.getrecursionlimit())\n"
            "data = b'x' * 1000\n"
            "print(zlib.decompress(zlib.compress(data)) == data, len(zlib.compress(data)) < 100)\n"
            "print(json.dumps({'a': [1, 2.5, None]}), re.sub(r'(\\d+)', r'<\\1>', 'a1b22'))\n"
            "print(decimal.Decimal(1) / decimal.Decimal(7), math.factorial(20), math.pi)\n")
        c = run([ROOT / "tools/python-wasm", script.relative_to(ROOT)])
        check(c.returncode == 0, f"python.wasm failed:\n{c.stderr.decode()}")
        expected = ("3.11.2 wasi 1000\nTrue True\n"
                    '{"a": [1, 2.5, null]} a<1>b<22>\n'
                    "0.1428571428571428571428571429 2432902008176640000 3.141592653589793\n")
        check(c.stdout.decode() == expected,
              show_diff("stdout", expected.encode(), c.stdout))
    tests.append(("runtime/python_wasm_basics", python_wasm_basics))

    def uncaught_keyboard_interrupt():
        # Natively the interpreter kills itself with SIGINT (returncode -2
        # here); WASI has no signals and CPython falls back to 128 + SIGINT,
        # as python.wasm does.  A subclass is an ordinary uncaught exception.
        cases = [("KeyboardInterrupt", 130, -2),
                 ("type('Stop', (KeyboardInterrupt,), {})", 1, 1)]
        for exc, want, native_want in cases:
            script = OUT / "uncaught_kbi.py"
            script.write_text(f"print('before', flush=True)\nraise {exc}('stop')\n")
            rel = script.relative_to(ROOT)
            wasm = OUT / "uncaught_kbi.wasm"
            c = run([P2W, rel, "-o", wasm])
            check(c.returncode == 0, f"py2wasm failed: {c.stderr.decode()}")
            native = run([NATIVE, rel])
            compiled = run(["node", RUNNER, wasm])
            check(native.returncode == native_want,
                  f"{exc}: native exit {native.returncode}, expected {native_want}")
            check(compiled.returncode == want,
                  f"{exc}: compiled exit {compiled.returncode}, expected {want}")
            check((native.stdout, native.stderr) == (compiled.stdout, compiled.stderr),
                  show_diff("stderr", native.stderr, compiled.stderr))
    tests.append(("runtime/uncaught_keyboard_interrupt", uncaught_keyboard_interrupt))

    def compile_warnings_under_filters():
        # the warnings the compiler gives about the script follow the run's
        # filters: shown, hidden, or turned into the SyntaxError that stops it
        rel = Path("tests/programs/err_compile_warnings.py")
        wasm = OUT / "compile_warnings.wasm"
        c = run([P2W, rel, "-o", wasm])
        check(c.returncode == 0, f"py2wasm failed: {c.stderr.decode()}")
        check(b'warning: ' in c.stderr and b'SyntaxWarning: "is" with a literal' in c.stderr,
              f"py2wasm did not report the warnings:\n{c.stderr.decode()}")
        for filters in ["error", "error::DeprecationWarning", "always", "ignore",
                        "error::SyntaxWarning"]:
            env = dict(clean_env(), PYTHONWARNINGS=filters)
            native = run([NATIVE, rel], env=env)
            compiled = run(["node", RUNNER, wasm], env=env)
            check((native.stdout, native.stderr, native.returncode) ==
                  (compiled.stdout, compiled.stderr, compiled.returncode),
                  f"PYTHONWARNINGS={filters}: exit native {native.returncode}, compiled "
                  f"{compiled.returncode}\n" + show_diff("stderr", native.stderr, compiled.stderr))
    tests.append(("runtime/compile_warnings_under_filters", compile_warnings_under_filters))

    def runner_exit_code():
        wasm = OUT / "exit3.wasm"
        wasm_cc(ROOT / "tests/runner/exit3.c", wasm)
        c = run(["node", RUNNER, wasm])
        check(c.returncode == 3, f"expected exit 3, got {c.returncode}: {c.stderr.decode()}")
        check(c.stderr == b"", f"unexpected stderr: {c.stderr.decode()}")
    tests.append(("runtime/runner_exit_code", runner_exit_code))

    def runner_trap():
        wasm = OUT / "trap.wasm"
        wasm_cc(ROOT / "tests/runner/trap.c", wasm)
        c = run(["node", RUNNER, wasm])
        check(c.returncode == 134, f"expected exit 134, got {c.returncode}")
        check(c.stdout == b"before trap\n", f"stdout: {c.stdout!r}")
        check(b"run-wasi: wasm trap: unreachable" in c.stderr, f"stderr: {c.stderr.decode()}")
    tests.append(("runtime/runner_trap", runner_trap))

    def runner_argv_stdin():
        wasm = OUT / "echo.wasm"
        wasm_cc(ROOT / "tests/runner/echo.c", wasm)
        c = run(["node", RUNNER, wasm, "one", "two words", "--flag"], stdin=b"hello\nworld\n")
        check(c.returncode == 0, f"exit {c.returncode}: {c.stderr.decode()}")
        expected = b"arg[1]=one\narg[2]=two words\narg[3]=--flag\nHELLO\nWORLD\n"
        check(c.stdout == expected, show_diff("stdout", expected, c.stdout))
    tests.append(("runtime/runner_argv_stdin", runner_argv_stdin))

    def runner_large_memory():
        wasm = OUT / "bigmem.wasm"
        wasm_cc(ROOT / "tests/runner/bigmem.c", wasm)
        for flags in ([], ["--no-liftoff"]):
            c = run(["node", *flags, RUNNER, wasm])
            check(c.returncode == 0 and c.stdout == b"16384\n",
                  f"node {' '.join(flags)}: exit {c.returncode}, stdout {c.stdout!r}, "
                  f"stderr {c.stderr.decode(errors='replace')}")
    tests.append(("runtime/runner_large_memory", runner_large_memory))

    def runner_slow_reader():
        # Node makes stdio pipes non-blocking; the runner must still deliver
        # every byte of large writes to a reader that lags behind, with
        # buffered and with unbuffered (PYTHONUNBUFFERED) Python output
        script = ROOT / "tests/runner/bigwrite.py"
        wasm = OUT / "bigwrite.wasm"
        c = run([P2W, "-q", script.relative_to(ROOT), "-o", wasm])
        check(c.returncode == 0, c.stderr.decode())
        for extra in ({}, {"PYTHONUNBUFFERED": "1"}):
            env = clean_env()
            env.update(extra)
            r = subprocess.run(["sh", "-c", f"node {RUNNER} {wasm} | (sleep 1; wc -c)"],
                               capture_output=True, env=env, timeout=TIMEOUT)
            check(r.stdout.strip() == b"400015" and r.stderr == b"",
                  f"{extra}: got {r.stdout!r} bytes, stderr {r.stderr.decode(errors='replace')}")
    tests.append(("runtime/runner_slow_reader", runner_slow_reader))

    def runner_missing_module():
        c = run(["node", RUNNER, OUT / "does-not-exist.wasm"])
        check(c.returncode == 2, f"expected exit 2, got {c.returncode}")
        check(b"run-wasi: cannot read" in c.stderr, f"stderr: {c.stderr.decode()}")
    tests.append(("runtime/runner_missing_module", runner_missing_module))

    def runner_invalid_module():
        # compiled on the main thread while the worker starts: the error and
        # the exit status must still come out, and the worker must not hang
        bad = OUT / "not-wasm.wasm"
        bad.write_bytes(b"print('hi')\n")
        c = run(["node", RUNNER, bad])
        check(c.returncode == 2, f"expected exit 2, got {c.returncode}")
        check(b"not a valid wasm module" in c.stderr and c.stdout == b"",
              f"stdout {c.stdout!r}, stderr: {c.stderr.decode()}")
    tests.append(("runtime/runner_invalid_module", runner_invalid_module))

    def runner_invalid_function():
        # a well-formed module whose _start does not validate (i32.add on an
        # empty stack): the runner validates bodies lazily, when first
        # called, and must still say so and exit 2
        bad = OUT / "bad-body.wasm"
        bad.write_bytes(bytes.fromhex(
            "0061736d01000000"                    # magic, version
            "010401600000"                        # type 0: () -> ()
            "03020100"                            # function 0 of type 0
            "0503010001"                          # memory, 1 page
            "0713" "02" "065f7374617274" "0000"   # exports: _start = function 0,
            "066d656d6f7279" "0200"               #   memory = memory 0
            "0a05" "01" "03" "00" "6a0b"))        # its body: i32.add, end
        c = run(["node", RUNNER, bad])
        check(c.returncode == 2, f"expected exit 2, got {c.returncode}: {c.stderr.decode()}")
        check(b"not a valid wasm module" in c.stderr and c.stdout == b"",
              f"stdout {c.stdout!r}, stderr: {c.stderr.decode()}")
    tests.append(("runtime/runner_invalid_function", runner_invalid_function))
    return tests


# ---- compiler errors --------------------------------------------------------

def error_tests():
    tests = []
    errs = ROOT / "tests/errors"

    def syntax(name, script):
        def test():
            rel = script.relative_to(ROOT)
            out = OUT / f"{name}.wasm"
            out.unlink(missing_ok=True)
            native = run([NATIVE, rel])
            c = run([P2W, "-q", rel, "-o", out])
            check(c.returncode == 1, f"expected exit 1, got {c.returncode}")
            check(c.stderr == native.stderr, show_diff("stderr", native.stderr, c.stderr))
            check(not out.exists(), "an output file was left behind")
            leftovers = [p.name for p in OUT.glob(f".{name}.wasm.*")]
            check(not leftovers, f"temporary files left: {leftovers}")
        return test
    tests.append(("errors/syntax_error", syntax("syntax_error", errs / "syntax_error.py")))
    tests.append(("errors/bad_indent", syntax("bad_indent", errs / "bad_indent.py")))

    def syntax_in_module():
        rel = (errs / "syntax_in_module/main.py").relative_to(ROOT)
        native = run([NATIVE, rel])
        c = run([P2W, "-q", rel, "-o", OUT / "sim.wasm"])
        check(c.returncode == 1, f"expected exit 1, got {c.returncode}")
        # natively the SyntaxError surfaces when the import runs: the last four
        # lines (File/line, source, caret, message) are CPython's own report
        tail = b"\n".join(native.stderr.splitlines()[-4:]) + b"\n"
        check(c.stderr.endswith(tail), show_diff("stderr", tail, c.stderr))
    tests.append(("errors/syntax_in_imported_module", syntax_in_module))

    def missing_import():
        script = errs / "missing_import.py"
        rel = script.relative_to(ROOT)
        wasm = OUT / "missing_import.wasm"
        c = run([P2W, rel, "-o", wasm])
        check(c.returncode == 0, f"py2wasm failed: {c.stderr.decode()}")
        err = c.stderr.decode()
        check(f"warning: {script}:5: cannot find module 'no_such_module_unguarded'" in err,
              f"no warning naming file and line:\n{err}")
        check("no_such_module_guarded" not in err, f"guarded import warned about:\n{err}")
        native = run([NATIVE, rel])
        compiled = run(["node", RUNNER, wasm])
        check((native.stdout, native.stderr, native.returncode) ==
              (compiled.stdout, compiled.stderr, compiled.returncode),
              show_diff("stderr", native.stderr, compiled.stderr))
    tests.append(("errors/missing_import_warns", missing_import))

    def missing_extension():
        script = errs / "missing_extension.py"
        rel = script.relative_to(ROOT)
        wasm = OUT / "missing_extension.wasm"
        c = run([P2W, rel, "-o", wasm])
        check(c.returncode == 0, f"py2wasm failed: {c.stderr.decode()}")
        err = c.stderr.decode()
        check(f"warning: {script}:13: importing 'curses' will raise ImportError at run time: "
              "it needs module '_curses'" in err, f"no warning naming file, line and cause:\n{err}")
        check("ctypes" not in err, f"guarded import warned about:\n{err}")
        check(err.count("warning:") == 1, f"expected one warning:\n{err}")
        compiled = run(["node", RUNNER, wasm])
        check(compiled.returncode == 1 and compiled.stdout == b"running\n" and
              compiled.stderr.endswith(b"ModuleNotFoundError: No module named '_curses'\n"),
              f"unexpected run: {compiled}")
    tests.append(("errors/missing_extension_warns", missing_extension))

    def platform_imports():
        # stdlib modules import Windows-only modules (nt, _winapi) inside
        # `if` blocks: no warning for those
        wasm = OUT / "platform_imports.wasm"
        src = OUT / "platform_imports.py"
        src.write_text("import shutil, subprocess, tempfile, asyncio, urllib.request\nprint('ok')\n")
        c = run([P2W, src, "-o", wasm])
        check(c.returncode == 0 and "warning" not in c.stderr.decode(),
              f"py2wasm warned or failed: {c.stderr.decode()}")
        compiled = run(["node", RUNNER, wasm])
        check(compiled.stdout == b"ok\n" and compiled.returncode == 0, f"unexpected run: {compiled}")
    tests.append(("errors/platform_imports_quiet", platform_imports))

    def module_syntax_errors():
        # a program module that does not compile: fatal where an import
        # that must run needs it, a warning where the import is in a branch,
        # a try block or a function
        d = OUT / "module_syntax_errors"
        d.mkdir(exist_ok=True)
        (d / "bad.py").write_text("x = (\n")
        (d / "fatal.py").write_text("import sys\nimport bad\n")
        (d / "lazy.py").write_text("def f():\n    import bad\nprint('ok')\n")
        c = run([P2W, d / "fatal.py", "-o", d / "fatal.wasm"])
        err = c.stderr.decode()
        check(c.returncode == 1 and "SyntaxError: '(' was never closed" in err and
              f'File "{d / "bad.py"}", line 1' in err and not (d / "fatal.wasm").exists(),
              f"expected a fatal SyntaxError naming bad.py:\n{err}")
        c = run([P2W, d / "lazy.py", "-o", d / "lazy.wasm"])
        err = c.stderr.decode()
        check(c.returncode == 0 and f"warning: {d / 'lazy.py'}:2: module 'bad' does not compile "
              "(SyntaxError: '(' was never closed (bad.py, line 1))" in err,
              f"expected a warning naming lazy.py:2:\n{err}")
        compiled = run(["node", RUNNER, d / "lazy.wasm"])
        check(compiled.stdout == b"ok\n" and compiled.returncode == 0, f"unexpected run: {compiled}")
    tests.append(("errors/module_syntax_errors", module_syntax_errors))

    def cli(name, args, code, needle, env=None):
        def test():
            c = run([P2W, *args], env=env)
            err = c.stderr.decode()
            check(c.returncode == code, f"expected exit {code}, got {c.returncode}: {err}")
            check(needle in err, f"expected {needle!r} in stderr:\n{err}")
            check(err.count("\n") <= 3, f"expected a short message:\n{err}")
        tests.append((f"errors/{name}", test))
    hello = "examples/hello.py"
    cli("missing_input", ["no/such/file.py"], 1, "py2wasm: error: no/such/file.py: no such file")
    cli("directory_input", ["tests"], 1, "is a directory")
    cli("unwritable_output", [hello, "-o", "/nonexistent-dir/x.wasm"], 1,
        "cannot write /nonexistent-dir/x.wasm")
    cli("output_is_directory", [hello, "-o", "tests"], 1, "cannot write tests: is a directory")
    cli("unknown_option", [hello, "--bogus"], 2, "unknown option '--bogus'")
    cli("bad_opt_level", [hello, "-O9"], 2, "invalid optimisation level")
    cli("bad_compile_stdlib", [hello, "--compile-stdlib=maybe"], 2, "--compile-stdlib wants yes or no")
    cli("bad_snapshot", [hello, "--snapshot=maybe"], 2, "--snapshot wants yes or no")
    cli("bad_wasm_opt", [hello, "--wasm-opt=O9"], 2, "--wasm-opt wants O1, O2, O3, O4, Os, Oz or none")
    cli("bad_bytecode_compiler", [hello, "--bytecode-compiler=maybe"], 2,
        "--bytecode-compiler wants auto, yes or no, not 'maybe'")
    cli("no_input", [], 2, "no input script given")
    cli("bad_target", [hello, "--target", "mac"], 2, "--target wants wasi or web, not 'mac'")
    cli("missing_option_value", [hello, "-o"], 2, "needs a value")
    cli("bad_path_option", [hello, "--path", "/no/such/dir"], 2, "--path /no/such/dir: not a directory")
    cli("bad_include_module", [hello, "--include-module", "no_such_mod_xyz", "-o", str(OUT / "x.wasm")],
        1, "--include-module no_such_mod_xyz")

    def failing_toolchain():
        out = OUT / "toolfail.wasm"
        out.write_bytes(b"previous build")
        env = clean_env()
        env["P2W_CLANG"] = "false"
        c = run([P2W, "-q", hello, "-o", out], env=env)
        err = c.stderr.decode()
        check(c.returncode == 1, f"expected exit 1, got {c.returncode}")
        check("failed (false exited with 1)" in err, f"tool not named:\n{err}")
        check(out.read_bytes() == b"previous build", "existing output was overwritten")
        check(not list(OUT.glob(".toolfail.wasm.*")), "temporary output left behind")
        env["P2W_CLANG"] = "/no/such/clang"
        c = run([P2W, "-q", hello, "-o", out], env=env)
        check(c.returncode == 1 and "cannot run /no/such/clang" in c.stderr.decode(),
              f"missing tool not reported:\n{c.stderr.decode()}")
    tests.append(("errors/failing_toolchain", failing_toolchain))

    def failing_snapshot():
        # Wizer missing, or failing: named, exit 1, nothing left behind
        out = OUT / "snapfail.wasm"
        out.unlink(missing_ok=True)
        for wizer, needle in (("/no/such/wizer", "cannot run /no/such/wizer"),
                              ("false", "pre-initialising the wasm module (Wizer) failed")):
            env = clean_env()
            env["P2W_WIZER"] = wizer
            c = run([P2W, "-q", hello, "-o", out, "--snapshot=yes"], env=env)
            err = c.stderr.decode()
            check(c.returncode == 1 and needle in err, f"P2W_WIZER={wizer}: exit {c.returncode}:\n{err}")
            check(not out.exists() and not list(OUT.glob(".snapfail.wasm.*")), "output left behind")
    tests.append(("errors/failing_snapshot", failing_snapshot))

    def broken_runtime_inventory():
        # a runtime whose frozen-module inventory is malformed, or whose
        # marshalled frozen code is missing: named, exit 1, no output
        rt = OUT / "broken-runtime"
        shutil.rmtree(rt, ignore_errors=True)
        rt.mkdir()
        real = ROOT / "build/runtime"
        for entry in real.iterdir():
            if entry.name not in ("modules.txt", "frozen"):
                (rt / entry.name).symlink_to(entry)
        inventory = (real / "modules.txt").read_text()
        out = OUT / "broken.wasm"
        out.unlink(missing_ok=True)
        (rt / "frozen").symlink_to(real / "frozen")
        (rt / "modules.txt").write_text(inventory.replace("frozen os os 0 os", "frozen os os"))
        c = run([P2W, "-q", "--runtime", rt, hello, "-o", out])
        err = c.stderr.decode()
        check(c.returncode == 1 and "malformed line 'frozen os os'" in err, err)
        (rt / "modules.txt").write_text(inventory)
        (rt / "frozen").unlink()
        (rt / "frozen").mkdir()
        c = run([P2W, "-q", "--runtime", rt, hello, "-o", out])
        err = c.stderr.decode()
        check(c.returncode == 1 and "cannot read the runtime's frozen module" in err, err)
        check(not out.exists(), "output left behind")
    tests.append(("errors/broken_runtime_inventory", broken_runtime_inventory))

    def help_and_version():
        c = run([P2W, "--help"])
        check(c.returncode == 0 and c.stdout.startswith(b"usage: py2wasm"), "bad --help")
        for opt in (b"--path", b"--include-module", b"--include-package", b"--exclude-module",
                    b"--keep-build", b"-O0", b"--verbose", b"--quiet", b"--version", b"--export",
                    b"--target", b"--snapshot", b"--wasm-opt", b"--bytecode-compiler"):
            check(opt in c.stdout, f"--help does not mention {opt.decode()}")
        c = run([P2W, "--version"])
        check(c.returncode == 0 and b"py2wasm" in c.stdout and b"3.11.2" in c.stdout, "bad --version")
    tests.append(("errors/help_and_version", help_and_version))
    return tests


# ---- import options -----------------------------------------------------------

def option_tests():
    tests = []
    opt = ROOT / "tests/options"

    def same_as_native(script, p2w_args, native_env=None, cwd=ROOT, build_timeout=TIMEOUT):
        rel = script.relative_to(ROOT)
        wasm = OUT / (script.stem + ".opt.wasm")
        c = run([P2W, "-q", rel, "-o", wasm, *p2w_args], timeout=build_timeout)
        check(c.returncode == 0, f"py2wasm failed:\n{c.stderr.decode()}")
        env = clean_env()
        env.update(native_env or {})
        native = run([NATIVE, rel], env=env)
        compiled = run(["node", RUNNER, wasm], cwd=cwd)
        check(native.stdout == compiled.stdout, show_diff("stdout", native.stdout, compiled.stdout))
        check(native.stderr == compiled.stderr, show_diff("stderr", native.stderr, compiled.stderr))
        check(native.returncode == compiled.returncode,
              f"exit: native {native.returncode}, compiled {compiled.returncode}")
        return wasm

    def path_option():
        lib = opt / "lib"
        same_as_native(opt / "uses_path.py", ["--path", str(lib.relative_to(ROOT))],
                       {"PYTHONPATH": str(lib)})
    tests.append(("options/path", path_option))

    def include_module():
        # run outside the source tree so nothing can be found on disk instead
        same_as_native(opt / "dynamic_import.py",
                       ["--include-module", "dyn_plugin", "--include-package", "dynpkg"],
                       cwd=OUT)
    tests.append(("options/include_module_and_package", include_module))

    def dynamic_without_include():
        rel = (opt / "dynamic_import.py").relative_to(ROOT)
        wasm = OUT / "dyn_noinclude.wasm"
        c = run([P2W, "-q", rel, "-o", wasm])
        check(c.returncode == 0, c.stderr.decode())
        r = run(["node", RUNNER, wasm], cwd=OUT)
        check(r.returncode == 1, f"expected exit 1, got {r.returncode}")
        check(r.stderr.endswith(b"ModuleNotFoundError: No module named 'dyn_plugin'\n"),
              f"stderr:\n{r.stderr.decode()}")
    tests.append(("options/dynamic_import_needs_include", dynamic_without_include))

    def huge_function_interpreted():
        # a function whose C would be too large for clang in reasonable time
        # is left to the interpreter; the program behaves the same
        src = OUT / "huge_function.py"
        body = "    v0 = x\n" + "".join(f"    v{i} = x * {i} + len(str(v{i - 1}))\n"
                                       for i in range(1, 600))
        src.write_text("def big(x):\n" + body + "    return v0 + v599\n"
                       "def small(x):\n    return x + 1\n"
                       "print(big(3), small(4))\n")
        wasm = OUT / "huge_function.wasm"
        c = run([P2W, "--stats", src, "-o", wasm])
        out = c.stdout.decode()
        check(c.returncode == 0, c.stderr.decode())
        check("2 compiled to C, 1 interpreted" in out and
              "interpreted (too large to compile (over 512 KiB of C)): 1" in out,
              f"expected big() interpreted and small() compiled:\n{out}")
        native = run([NATIVE, src])
        compiled = run(["node", RUNNER, wasm])
        check((native.stdout, native.returncode) == (compiled.stdout, compiled.returncode),
              show_diff("stdout", native.stdout, compiled.stdout))
    tests.append(("options/huge_function_interpreted", huge_function_interpreted))

    def compile_stdlib():
        # stdlib code compiled too: json's scanner errors, re, dataclasses,
        # and a traceback that passes through compiled stdlib frames
        # (translating the stdlib it embeds is minutes of clang on a cold
        # object cache, as in CI)
        same_as_native(opt / "stdlib_compiled.py", ["--compile-stdlib=yes"], build_timeout=1200)
    tests.append(("options/compile_stdlib", compile_stdlib))

    def object_cache():
        # a second build of the same program takes every object from the
        # cache and writes the same bytes; --no-cache compiles again
        cache = OUT / "objcache-test"
        shutil.rmtree(cache, ignore_errors=True)
        env = clean_env()
        env["P2W_CACHE_DIR"] = str(cache)
        rel = (opt / "stdlib_compiled.py").relative_to(ROOT)
        outs = []
        for i, extra in enumerate([[], [], ["--no-cache"]]):
            wasm = OUT / f"objcache{i}.wasm"
            c = run([P2W, "-q", "--stats", rel, "-o", wasm, *extra], env=env)
            check(c.returncode == 0, c.stderr.decode())
            line = [l for l in c.stdout.decode().splitlines() if l.startswith("C files:")]
            outs.append((line[0] if line else c.stdout.decode(), wasm.read_bytes()))
            wasm.unlink()
        # three C files: the translated module, the module tables, the
        # start-up tables (inittab)
        check(outs[0][0] == "C files:            3 compiled, 0 from the object cache", outs[0][0])
        check(outs[1][0] == "C files:            0 compiled, 3 from the object cache", outs[1][0])
        check(outs[2][0] == "C files:            3 compiled, 0 from the object cache", outs[2][0])
        check(outs[0][1] == outs[1][1] == outs[2][1], "cached build differs from a fresh one")
        check(sorted(p.suffix for p in cache.rglob("*") if p.is_file()) == [".o"] * 3,
              f"unexpected cache contents: {sorted(cache.rglob('*'))}")
    tests.append(("options/object_cache", object_cache))

    def exclude_module():
        rel = (opt / "exclude_json.py").relative_to(ROOT)
        wasm = OUT / "exclude_json.wasm"
        c = run([P2W, "-q", rel, "-o", wasm, "--exclude-module", "json"])
        check(c.returncode == 0, c.stderr.decode())
        r = run(["node", RUNNER, wasm], cwd=OUT)
        check(r.stdout == b"json excluded: ModuleNotFoundError\n", f"stdout: {r.stdout!r}")
        c = run([P2W, "-q", rel, "-o", wasm, "--stats"])
        check(c.returncode == 0 and b"modules embedded" in c.stdout, "--stats printed nothing")
        r = run(["node", RUNNER, wasm], cwd=OUT)
        check(r.stdout == b"json available: [1]\n", f"stdout: {r.stdout!r}")
    tests.append(("options/exclude_module", exclude_module))
    return tests


# ---- exported functions and the web target ----------------------------------

WEB = ROOT / "tests/web"
CALC_EXPORTS = ["add", "count", "scale", "is_even", "negate", "greet", "reverse", "remember",
                "recall", "busy", "fail", "leave", "too_big", "wrong_type", "surrogate", "forget",
                "int_as_float", "huge_float", "not_float", "not_bool", "not_bytes", "buffer",
                "lose_stderr", "close_stdout", "depth", "deep"]
ARTIFACTS = OUT / "artifacts"


def build_with_exports(script, out, exports, *extra):
    args = [P2W, "-q", script.relative_to(ROOT), "-o", out, *extra]
    for name in exports:
        args += ["--export", name]
    c = run(args)
    check(c.returncode == 0, f"py2wasm failed (exit {c.returncode}):\n{c.stderr.decode(errors='replace')}")


def web_tests():
    tests = []

    def node_exports():
        wasm = OUT / "calc.wasm"
        build_with_exports(WEB / "calc.py", wasm, CALC_EXPORTS)
        c = run(["node", WEB / "node_exports.mjs", wasm])
        out, err = c.stdout.decode(errors="replace"), c.stderr.decode(errors="replace")
        check(c.returncode == 0, f"node_exports.mjs exited {c.returncode}:\n{out[-3000:]}\n{err[-3000:]}")
        check("calc: initialised, argv = ['x1', 'two words']\n" in out, f"no start-up output:\n{out}")
        check("run as a program" not in out, "_initialize ran the __main__ block")
        # tracebacks reach stderr as well as py2wasm_error()
        check("    raise ValueError(message)\nValueError: boom\n" in err, f"no traceback on stderr:\n{err[:3000]}")
        check("SystemExit: 4\n" in err, "SystemExit not reported on stderr")
        check("KeyError: 'no stderr'\n" in err, "an error with sys.stderr gone did not reach fd 2")
    tests.append(("web/node_exports", node_exports))

    def node_init_failure():
        wasm = OUT / "init_fails.wasm"
        build_with_exports(WEB / "init_fails.py", wasm, ["ping"])
        c = run(["node", WEB / "node_init_fails.mjs", wasm])
        out, err = c.stdout.decode(errors="replace"), c.stderr.decode(errors="replace")
        check(c.returncode == 0, f"node_init_fails.mjs exited {c.returncode}:\n{out}\n{err}")
        native = run([NATIVE, "-c", "import init_fails"], cwd=WEB)
        tail = native.stderr.decode().split("\n", 2)[2]  # without the <string> frame
        check(tail.split("\n", 1)[1] in err, show_diff("stderr", native.stderr, c.stderr))
    tests.append(("web/node_init_failure", node_init_failure))

    def readme_example():
        # the complete Node example the README shows, with its output
        wasm = OUT / "inventory.wasm"
        build_with_exports(ROOT / "examples/exports/inventory.py", wasm, ["add_item", "total", "report"])
        c = run(["node", ROOT / "examples/exports/host.mjs", wasm])
        expected = ("inventory plug-in loaded\n3n\n2n\n7n\n9n\nStock\napples: 7\npears: 2\n"
                    "Python said: ValueError: count must be positive, got -1\n")
        check(c.returncode == 0 and c.stdout.decode() == expected,
              show_diff("stdout", expected.encode(), c.stdout) + c.stderr.decode(errors="replace"))
        readme = (ROOT / "README.md").read_text()
        for f in ("examples/exports/host.mjs", "examples/exports/inventory.py"):
            check((ROOT / f).read_text() in readme, f"README does not show {f} as it is")
    tests.append(("web/readme_example", readme_example))

    bad = WEB / "bad_exports.py"
    rel = bad.relative_to(ROOT)
    cases = {
        "no_annotation": (f"{rel}:4:19: cannot export no_annotation(): parameter 'a' has no annotation",
                          "def no_annotation(a, b: int) -> int:", 18),
        "unsupported": (f"{rel}:8:32: cannot export unsupported(): parameter 'items' has an unsupported "
                        "annotation (supported: int, float, bool, str or bytes)",
                        "def unsupported(a: int, items: list[int]) -> int:", 31),
        "no_return": (f"{rel}:12:1: cannot export no_return(): it has no return annotation", "def no_return", 0),
        "bad_return": (f"{rel}:16:27: cannot export bad_return(): its return annotation is unsupported",
                       "def bad_return", 26),
        "star": (f"{rel}:20:11: cannot export star(): it takes *args", "def star", 10),
        "keyword_only": (f"{rel}:24:29: cannot export keyword_only(): parameter 'b' is keyword-only",
                         "def keyword_only", 28),
        "star_star": (f"{rel}:28:17: cannot export star_star(): it takes **kw", "def star_star", 16),
        "coroutine": (f"{rel}:32:1: cannot export coroutine(): it is a coroutine function", "async def", 0),
        "Klass": (f"{rel}:36:1: cannot export Klass: it is a class", "class Klass:", 0),
        "memory": ("--export memory: the module already exports 'memory' itself", None, None),
        "nested": (f"--export nested: {rel} defines no module-level function 'nested'", None, None),
    }
    for name, (message, line, caret) in cases.items():
        def test(name=name, message=message, line=line, caret=caret):
            out = OUT / f"bad_export_{name}.wasm"
            c = run([P2W, "-q", rel, "-o", out, "--export", "fine", "--export", name])
            err = c.stderr.decode()
            check(c.returncode == 1, f"expected exit 1, got {c.returncode}:\n{err}")
            lines = err.splitlines()
            check(lines and lines[0].startswith(f"py2wasm: error: {message}"), f"unexpected message:\n{err}")
            if line is not None:
                check(len(lines) == 3 and lines[1].startswith(f"    {line}") and lines[2] == " " * (4 + caret) + "^",
                      f"expected the source line and a caret at column {caret + 1}:\n{err}")
            else:
                check(len(lines) == 1, f"expected one line:\n{err}")
            check(not out.exists() and not list(OUT.glob(f".bad_export_{name}.wasm.*")), "output left behind")
        tests.append((f"web/export_error_{name}", test))

    def web_reserved_name():
        out = OUT / "bad_web_dir"
        shutil.rmtree(out, ignore_errors=True)
        c = run([P2W, "-q", rel, "--target", "web", "-o", out, "--export", "terminate"])
        err = c.stderr.decode()
        check(c.returncode == 1 and "--export terminate: the web loader's program object has its own "
              "'terminate'" in err, err)
        check(not out.exists(), "a failed --target web build left its output directory behind")
    tests.append(("web/export_error_web_reserved", web_reserved_name))

    def target_web_files():
        out = OUT / "web-calc"
        shutil.rmtree(out, ignore_errors=True)
        build_with_exports(WEB / "calc.py", out, CALC_EXPORTS, "--target", "web")
        names = sorted(p.name for p in out.iterdir())
        check(names == ["calc.js", "calc.wasm", "index.html"], f"unexpected files {names}")
        for f in ("calc.js", "index.html"):
            mode = (out / f).stat().st_mode & 0o777
            check(mode & 0o044 == 0o044, f"{f} is not readable by a web server (mode {mode:o})")
        js = (out / "calc.js").read_text()
        check(js.startswith("// Generated by py2wasm --target web for calc.py") and
              '\nconst P2W_CONFIG = {"wasm": "calc.wasm", "argv0": "tests/web/calc.py", "reactor": true,' in js,
              f"unexpected loader head:\n{js[:400]}")
        check("@bjorn3/browser_wasi_shim 0.4.2" in js and "class WASI" in js, "the WASI shim is not bundled")
        check(not re.search(r"^\s*import\s.*\sfrom\s", js, re.M),
              "the loader imports another module (it must be self-contained)")
        html = (out / "index.html").read_text()
        check("import { load, info, PythonError } from './calc.js';" in html and "<title>calc.py - py2wasm</title>" in html,
              "index.html does not load calc.js")
        # an output path that is a file is refused, and leaves it alone
        blocker = OUT / "web-blocker"
        blocker.write_text("x")
        c = run([P2W, "-q", "examples/hello.py", "--target", "web", "-o", blocker])
        check(c.returncode == 1 and "not a directory" in c.stderr.decode() and blocker.read_text() == "x",
              c.stderr.decode())
        # a failing toolchain leaves neither files nor a new directory
        env = clean_env()
        env["P2W_CLANG"] = "false"
        fresh = OUT / "web-fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        c = run([P2W, "-q", "examples/hello.py", "--target", "web", "-o", fresh], env=env)
        check(c.returncode == 1 and not fresh.exists(), "a failed build left output behind")
    tests.append(("web/target_web_files", target_web_files))

    def node_loader():
        out = OUT / "web-loader"
        build_with_exports(WEB / "calc.py", out, CALC_EXPORTS, "--target", "web")
        c = run(["node", WEB / "node_loader.mjs", out])
        check(c.returncode == 0, c.stdout.decode(errors="replace") + c.stderr.decode(errors="replace"))
    tests.append(("web/node_loader", node_loader))

    def browser():
        if not Path("/usr/bin/chromium").exists():
            raise TestSkipped("Debian's chromium is not installed (scripts/deps.sh could not install it)")
        if not (ROOT / "node_modules/playwright-core").is_dir():
            raise TestSkipped("npm package playwright-core is not installed (scripts/npm-deps.sh)")
        hello, calc, broken = OUT / "browser-hello", OUT / "browser-calc", OUT / "browser-broken"
        for d in (hello, calc, broken):
            shutil.rmtree(d, ignore_errors=True)
        c = run([P2W, "-q", "tests/web/hello_web.py", "--target", "web", "-o", hello])
        check(c.returncode == 0, c.stderr.decode(errors="replace"))
        build_with_exports(WEB / "calc.py", calc, CALC_EXPORTS, "--target", "web")
        build_with_exports(WEB / "init_fails.py", broken, ["ping"], "--target", "web")
        c = run(["node", WEB / "browser_test.mjs", hello, calc, broken, ARTIFACTS])
        check(c.returncode == 0, c.stdout.decode(errors="replace") + c.stderr.decode(errors="replace"))
        for shot in ("web-hello.png", "web-calc.png"):
            check((ARTIFACTS / shot).stat().st_size > 10_000, f"screenshot {shot} missing or empty")
    tests.append(("web/browser_chromium", browser))
    return tests


# ---- snapshots and what is linked ----------------------------------------------

def snapshot_tests():
    tests = []
    snap = ROOT / "tests/snapshot"

    def build(script, out, *args):
        c = run([P2W, "-q", script.relative_to(ROOT), "-o", out, *args])
        check(c.returncode == 0 and out.exists(), f"py2wasm {' '.join(args)} failed:\n"
              f"{c.stderr.decode(errors='replace')}")

    def fresh_world():
        # one snapshotted binary run twice: argv, environment, stdin, time,
        # random and urandom come from each run; everything but the RUN
        # lines equals an unsnapshotted build's output for the same run,
        # under environments that change start-up (locale, UTF-8 mode,
        # stdio encoding and buffering, warnings, dev mode, int digits)
        script = snap / "world.py"
        yes, no = OUT / "world.snap.wasm", OUT / "world.nosnap.wasm"
        build(script, no, "--snapshot=no")
        built_at = time.time()
        build(script, yes, "--snapshot=yes")
        runs = []
        for k, (args, env_value, stdin) in enumerate([(["one"], "first", b"in-1"),
                                                      (["two", "2"], "second", b"in-2\n")]):
            env = clean_env()
            env["P2W_WORLD"] = env_value
            r = run(["node", RUNNER, yes, *args], stdin=stdin, env=env)
            check(r.returncode == 0, f"run {k}: exit {r.returncode}:\n{r.stderr.decode()}")
            out = r.stdout.decode()
            check(f"argv ['tests/snapshot/world.py', {', '.join(map(repr, args))}]" in out,
                  f"run {k}: argv not this run's:\n{out}")
            check(f"env {env_value} {env_value}" in out, f"run {k}: environment not this run's:\n{out}")
            check(f"stdin {stdin.decode()!r}" in out, f"run {k}: stdin not this run's:\n{out}")
            t = float(out.split("RUN time ")[1].split()[0])
            check(t >= built_at, f"run {k}: time.time() {t} is before the build finished ({built_at})")
            check(r.stderr.strip().isdigit() and int(r.stderr) < 60000,
                  f"run {k}: logging's relativeCreated counts from the build: {r.stderr!r}")
            runs.append(out)
        run_lines = [[l for l in o.splitlines() if l.startswith("RUN")] for o in runs]
        for a, b in zip(*run_lines):
            check(a != b, f"same value in two runs of one snapshot: {a}")
        envs = [{}, {"LC_ALL": "C"}, {"LANG": "C.UTF-8"}, {"PYTHONUTF8": "1"},
                {"PYTHONIOENCODING": "latin-1:replace", "PYTHONUNBUFFERED": "1"},
                {"PYTHONWARNINGS": "error::DeprecationWarning", "PYTHONDEVMODE": "1",
                 "PYTHONINTMAXSTRDIGITS": "5000"}]
        for extra in envs:
            outs = []
            for wasm in (no, yes):
                env = clean_env()
                env.update(extra)
                r = run(["node", RUNNER, wasm, "x"], stdin=b"data", env=env)
                outs.append((r.returncode, [l for l in r.stdout.decode().splitlines()
                                            if not l.startswith("RUN")]))
            check(outs[0] == outs[1], f"environment {extra}: snapshot differs from no snapshot:\n" +
                  show_diff("no snapshot", "\n".join(outs[0][1]).encode(),
                            "\n".join(outs[1][1]).encode()))
        # invalid start-up variables: the same fatal error and exit status
        # (what follows the first line differs: the snapshot's interpreter
        # is initialised when the error is found, so CPython says so and
        # dumps the thread)
        for extra in ({"PYTHONINTMAXSTRDIGITS": "1"}, {"PYTHONUTF8": "x"}):
            results = []
            for wasm in (no, yes):
                env = clean_env()
                env.update(extra)
                r = run(["node", RUNNER, wasm], env=env)
                results.append((r.returncode, r.stdout, r.stderr.split(b"\n")[0]))
            check(results[0] == results[1] and results[0][0] != 0,
                  f"environment {extra}: no snapshot {results[0]}, snapshot {results[1]}")
    tests.append(("snapshot/fresh_world", fresh_world))

    def import_side_effects():
        # the program's own module reads the environment and argv at import,
        # a stdlib module warns at import: as natively, with the snapshot
        script = snap / "side_effects/main.py"
        wasm = OUT / "side_effects.wasm"
        c = run([P2W, "-v", script.relative_to(ROOT), "-o", wasm, "--snapshot=yes"])
        err = c.stderr.decode(errors="replace")
        check(c.returncode == 0, f"py2wasm failed:\n{err}")
        pre = [l.split()[-1] for l in err.splitlines() if "  pre-import " in l]
        check("json" in pre and "re" in pre, f"json and re not pre-imported: {pre}")
        check("envmod" not in pre and "imp" not in pre, f"unsafe modules pre-imported: {pre}")
        for mode, args in (("one", ["a"]), ("two", ["b", "c"])):
            env = clean_env()
            env["P2W_MODE"] = mode
            native = run([NATIVE, script.relative_to(ROOT), *args], env=env)
            compiled = run(["node", RUNNER, wasm, *args], env=env)
            check(native.stdout == compiled.stdout, show_diff("stdout", native.stdout, compiled.stdout))
            check(native.stderr == compiled.stderr, show_diff("stderr", native.stderr, compiled.stderr))
    tests.append(("snapshot/import_side_effects", import_side_effects))

    def reproducible():
        script = ROOT / "tests/snapshot/world.py"
        a, b = OUT / "repro.a.wasm", OUT / "repro.b.wasm"
        build(script, a, "--snapshot=yes")
        build(script, b, "--snapshot=yes")
        check(a.read_bytes() == b.read_bytes(), "two snapshotted builds of one program differ")
    tests.append(("snapshot/reproducible", reproducible))

    def stats_breakdown():
        c = run([P2W, "-q", "examples/hello.py", "-o", OUT / "stats.wasm", "--stats",
                 "--snapshot=yes", "--wasm-opt=Oz"])
        out = c.stdout.decode()
        check(c.returncode == 0, c.stderr.decode())
        for label in ("runtime:", "compiled code:", "embedded modules:", "wasm-opt -Oz:",
                      "snapshot data:", "heap compressed:", "output:"):
            check(label in out, f"--stats lacks {label!r}:\n{out}")
        r = run(["node", RUNNER, OUT / "stats.wasm", "you"])
        check(r.stdout.startswith(b"Hello, you!"), f"wasm-opt'd snapshot: {r.stdout!r} {r.stderr!r}")
    tests.append(("snapshot/stats_and_wasm_opt", stats_breakdown))

    def data_segments(wasm_bytes):
        """(offset or None, start, end) of each data segment's bytes in WASM_BYTES."""
        def leb(i):
            v = shift = 0
            while True:
                b = wasm_bytes[i]
                i += 1
                v |= (b & 0x7F) << shift
                shift += 7
                if b < 0x80:
                    return v, i
        i, segs = 8, []
        while i < len(wasm_bytes):
            sid = wasm_bytes[i]
            size, body = leb(i + 1)
            i = body + size
            if sid != 11:
                continue
            n, j = leb(body)
            for _ in range(n):
                flags, j = leb(j)
                at = None
                if flags == 0:
                    at, j = leb(j + 1)   # i32.const N end
                    j += 1
                length, j = leb(j)
                segs.append((at, j, j + length))
                j += length
        return segs

    def heap_compressed():
        # the snapshot's heap as one LZ4 block: smaller, same behaviour,
        # and --compress-snapshot=no leaves Wizer's segments as they are
        script = ROOT / "tests/snapshot/world.py"
        packed, plain = OUT / "heap.lz4.wasm", OUT / "heap.plain.wasm"
        c = run([P2W, "-q", script.relative_to(ROOT), "-o", packed, "--stats"])
        check(c.returncode == 0, c.stderr.decode(errors="replace"))
        line = [l for l in c.stdout.decode().splitlines() if "heap compressed:" in l]
        check(line and line[0].split()[2].startswith("-"), f"no saving reported: {line}")
        build(script, plain, "--compress-snapshot=no")
        saved = plain.stat().st_size - packed.stat().st_size
        check(saved > 100_000, f"compression saved only {saved} bytes")
        check(len(data_segments(packed.read_bytes())) < len(data_segments(plain.read_bytes())) // 2,
              "the heap's segments are still there")
        outs = []
        for wasm in (packed, plain):
            env = clean_env()
            env["P2W_WORLD"] = "same"
            r = run(["node", RUNNER, wasm, "a"], stdin=b"in", env=env)
            check(r.returncode == 0, r.stderr.decode(errors="replace"))
            outs.append([l for l in r.stdout.decode().splitlines() if not l.startswith("RUN")])
        check(outs[0] == outs[1], "compressed and plain heaps differ:\n" +
              show_diff("plain", "\n".join(outs[1]).encode(), "\n".join(outs[0]).encode()))
        c = run([P2W, "-q", script.relative_to(ROOT), "-o", OUT / "x.wasm", "--snapshot=no",
                 "--compress-snapshot=yes"])
        check(c.returncode == 2 and b"--compress-snapshot=yes needs a snapshot" in c.stderr,
              f"exit {c.returncode}: {c.stderr!r}")
    tests.append(("snapshot/heap_compressed", heap_compressed))

    def heap_image_damaged():
        # a block that does not decompress to its recorded size stops the
        # run before anything reads the heap, with a message
        wasm = OUT / "heap.intact.wasm"
        build(ROOT / "examples/hello.py", wasm)
        data = bytearray(wasm.read_bytes())
        at, start, end = data_segments(data)[-1]
        data[start:start + 64] = b"\xff" * 64   # a literal run longer than the image
        bad = OUT / "heap.damaged.wasm"
        bad.write_bytes(bytes(data))
        r = run(["node", RUNNER, bad])
        check(r.returncode != 0 and r.stdout == b"" and
              r.stderr.startswith(b"py2wasm runtime: the snapshot's compressed heap does not "
                                  b"decompress to its recorded size"),
              f"exit {r.returncode}: {r.stderr[:300]!r}")
    tests.append(("snapshot/heap_image_damaged", heap_image_damaged))

    def included_module_runs_as_natively(script, wasm, module):
        """Rebuilds SCRIPT with --include-module MODULE: it then prints what it
        prints natively."""
        build(script, wasm, "--include-module", module)
        native = run([NATIVE, script.relative_to(ROOT)])
        r = run(["node", RUNNER, wasm])
        check(r.stdout == native.stdout, show_diff("stdout", native.stdout, r.stdout))

    def unlinked_builtin():
        script = ROOT / "tests/options/unlinked_builtin.py"
        wasm = OUT / "unlinked.wasm"
        build(script, wasm)
        r = run(["node", RUNNER, wasm])
        expected = b"False\nModuleNotFoundError No module named 'unicodedata'\n"
        check(r.stdout == expected and r.returncode == 0, show_diff("stdout", expected, r.stdout))
        included_module_runs_as_natively(script, wasm, "unicodedata")
    tests.append(("snapshot/unlinked_builtin_import_error", unlinked_builtin))

    def codec_by_name():
        script = ROOT / "tests/options/codec_by_name.py"
        wasm = OUT / "codec.wasm"
        build(script, wasm)
        r = run(["node", RUNNER, wasm])
        expected = (b"LookupError unknown encoding: cp1250\n"
                    b"literal: b'\\xe9' \xc3\xbf b'x\\x00'\n")
        check(r.stdout == expected, show_diff("stdout", expected, r.stdout))
        included_module_runs_as_natively(script, wasm, "encodings.cp1250")
    tests.append(("snapshot/codec_named_at_run_time", codec_by_name))

    def strptime_by_computed_name():
        script = ROOT / "tests/options/strptime_by_computed_name.py"
        wasm = OUT / "strptime.wasm"
        c = run([P2W, script.relative_to(ROOT), "-o", wasm, "-v"])
        check(c.returncode == 0, c.stderr.decode())
        check(b"not following _strptime, which its functions import, until 'strptime' is used"
              in c.stderr,
              "_strptime followed although nothing reads 'strptime'")
        r = run(["node", RUNNER, wasm])
        expected = b"ModuleNotFoundError No module named '_strptime'\n"
        check(r.stdout == expected and r.returncode == 0, show_diff("stdout", expected, r.stdout))
        included_module_runs_as_natively(script, wasm, "_strptime")
    tests.append(("snapshot/strptime_by_computed_name", strptime_by_computed_name))

    def bytecode_compiler_left_out():
        script = ROOT / "tests/options/compile_by_computed_name.py"
        wasm = OUT / "nocompiler.wasm"
        c = run([P2W, script.relative_to(ROOT), "-o", wasm, "--stats"])
        check(c.returncode == 0, c.stderr.decode(errors="replace"))
        check(b"bytecode compiler:  left out" in c.stdout, c.stdout.decode(errors="replace"))
        native = run([NATIVE, script.relative_to(ROOT)])
        r = run(["node", RUNNER, wasm])
        expected = (b"RuntimeError py2wasm: this program was built without CPython's bytecode "
                    b"compiler, which compile(), exec() and eval() of source need; rebuild it with "
                    b"--bytecode-compiler=yes\n")
        check(r.stdout == expected, show_diff("stdout", expected, r.stdout))
        # the traceback still has its carets: the parser is linked
        check(b"~~~~~~~~~~~^~~" in native.stderr, native.stderr.decode(errors="replace"))
        check(r.stderr == native.stderr and r.returncode == native.returncode == 1,
              show_diff("stderr", native.stderr, r.stderr))
        build(script, wasm, "--bytecode-compiler=yes")
        r = run(["node", RUNNER, wasm])
        check((r.stdout, r.stderr, r.returncode) == (native.stdout, native.stderr, 1),
              show_diff("stdout", native.stdout, r.stdout))
    tests.append(("snapshot/bytecode_compiler_left_out", bytecode_compiler_left_out))

    def bytecode_compiler_linked_for_exec():
        # a program whose code reads `exec` gets the compiler, and says why
        src = OUT / "reads_exec.py"
        src.write_text("exec('print(6 * 7)')\n")
        wasm = OUT / "reads_exec.wasm"
        c = run([P2W, src, "-o", wasm, "--stats"])
        check(c.returncode == 0, c.stderr.decode(errors="replace"))
        check(f"bytecode compiler:  linked: {src} reads the name 'exec'".encode() in c.stdout,
              c.stdout.decode(errors="replace"))
        r = run(["node", RUNNER, wasm])
        check(r.stdout == b"42\n" and r.returncode == 0, show_diff("stdout", b"42\n", r.stdout))
        c = run([P2W, src, "-o", wasm, "--bytecode-compiler=no", "--stats"])
        check(b"bytecode compiler:  left out" in c.stdout, c.stdout.decode(errors="replace"))
        r = run(["node", RUNNER, wasm])
        check(b"RuntimeError: py2wasm: this program was built without" in r.stderr
              and r.returncode == 1, r.stderr.decode(errors="replace"))
        # an import not found now may find a .py file at run time
        src.write_text("try:\n    import p2w_no_such_module\nexcept ImportError:\n    pass\n")
        c = run([P2W, src, "-o", wasm, "--stats"])
        check(f"linked: the import of p2w_no_such_module ({src}:2)".encode() in c.stdout,
              c.stdout.decode(errors="replace"))
    tests.append(("snapshot/bytecode_compiler_linked_for_exec", bytecode_compiler_linked_for_exec))
    return tests


# ---- unit and sanitizer groups ----------------------------------------------

def unit_tests():
    """Runs the C unit-test binary once; each of its PASS/FAIL lines is a test."""
    env = clean_env()
    env.update(ASAN_ENV)
    c = run([UNIT], env=env)
    out = c.stdout.decode(errors="replace")
    results = []
    for line in out.splitlines():
        verdict, _, name = line.partition(" ")
        if verdict in ("PASS", "FAIL"):
            results.append((name, verdict == "PASS"))
    tests = []
    for name, ok in results:
        def test(ok=ok):
            check(ok, c.stderr.decode(errors="replace"))
        tests.append((name, test))
    if c.returncode != 0 and all(ok for _, ok in results):
        def crashed():
            raise TestFailure(f"unit_tests exited {c.returncode}:\n{c.stderr.decode(errors='replace')}")
        tests.append(("unit/exit_status", crashed))
    return tests


def asan_tests():
    tests = []
    entries = program_entries()
    # every sixth program, the multi-module ones, and the translator's own
    # (xl_*), whose generated C is where the compiler's logic is densest
    sample = entries[::6] + [e for e in entries if e[1].name == "main.py" or e[0].startswith("xl_")]
    sample.append(("hello", ROOT / "examples/hello.py", None))
    env = clean_env()
    env.update(ASAN_ENV)
    seen = set()
    for name, script, _ in sample:
        if name in seen:
            continue
        seen.add(name)
        def test(name=name, script=script):
            rel = script.relative_to(ROOT)
            plain, sanitized = OUT / f"{name}.plain.wasm", OUT / f"{name}.asan.wasm"
            a = run([P2W_ASAN, "-q", rel, "-o", sanitized], env=env)
            err = a.stderr.decode(errors="replace")
            check(a.returncode == 0, f"sanitized py2wasm exited {a.returncode}:\n{err}")
            check("runtime error" not in err and "Sanitizer" not in err, err)
            p = run([P2W, "-q", rel, "-o", plain])
            check(p.returncode == 0, p.stderr.decode(errors="replace"))
            check(plain.read_bytes() == sanitized.read_bytes(),
                  "the two compiler builds produced different outputs (non-deterministic build)")
            plain.unlink()
            sanitized.unlink()
        tests.append((f"asan/{name}", test))
    def exports_and_web():
        # --export and --target web under the sanitizers, good and bad
        exports = []
        for name in CALC_EXPORTS:
            exports += ["--export", name]
        plain, sanitized = OUT / "asan-web-plain", OUT / "asan-web-sanitized"
        a = run([P2W_ASAN, "-q", "tests/web/calc.py", "--target", "web", "-o", sanitized, *exports], env=env)
        err = a.stderr.decode(errors="replace")
        check(a.returncode == 0 and "Sanitizer" not in err and "runtime error" not in err, err)
        p = run([P2W, "-q", "tests/web/calc.py", "--target", "web", "-o", plain, *exports])
        check(p.returncode == 0, p.stderr.decode(errors="replace"))
        for f in ("calc.wasm", "calc.js", "index.html"):
            check((plain / f).read_bytes() == (sanitized / f).read_bytes(),
                  f"the two compiler builds wrote different {f} (non-deterministic build)")
        for bad in ("no_annotation", "star", "Klass", "nested", "memory"):
            a = run([P2W_ASAN, "-q", "tests/web/bad_exports.py", "--export", bad, "-o", OUT / "asan-bad.wasm"],
                    env=env)
            err = a.stderr.decode(errors="replace")
            check(a.returncode == 1 and "Sanitizer" not in err and "runtime error" not in err, err)
    tests.append(("asan/exports_and_web", exports_and_web))
    for bad in ("syntax_error.py", "bad_indent.py", "syntax_in_module/main.py"):
        def test(bad=bad):
            rel = (ROOT / "tests/errors" / bad).relative_to(ROOT)
            a = run([P2W_ASAN, "-q", rel, "-o", OUT / "asan-bad.wasm"], env=env)
            err = a.stderr.decode(errors="replace")
            check(a.returncode == 1, f"expected exit 1, got {a.returncode}:\n{err}")
            check("Error" in err and "Sanitizer" not in err and "runtime error" not in err, err)
        tests.append((f"asan/errors_{bad.replace('/', '_')}", test))
    return tests


def conformance_tests():
    """The modules marked "fast" in tests/conformance/modules.txt."""
    sys.path.insert(0, str(ROOT / "tests/conformance"))
    import run as conformance
    tests = []
    for name, fast in conformance.read_modules():
        if not fast:
            continue
        def test(name=name):
            res = conformance.run_module(name, TIMEOUT)
            ok, regressions = conformance.verdict(res)
            check(ok, "\n".join(regressions[:30]))
        tests.append((f"conformance/{name}", test))
    return tests


def main():
    ap = argparse.ArgumentParser(description="py2wasm test suite")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-k", "--filter", default="", help="run tests whose name contains this")
    ap.add_argument("--group",
                    default="unit,runtime,errors,options,snapshot,asan,programs,conformance,web")
    ap.add_argument("--p2w-flag", action="append", default=[],
                    help="extra py2wasm option for the programs group, e.g. --compile-stdlib=yes")
    opts = ap.parse_args()
    EXTRA_FLAGS.extend(opts.p2w_flag)
    if not P2W.exists():
        sys.exit(f"run_tests: {P2W} not built; run `make` first")
    OUT.mkdir(parents=True, exist_ok=True)
    groups = opts.group.split(",")
    tests = []
    if "unit" in groups:
        if not UNIT.exists():
            sys.exit(f"run_tests: {UNIT} not built; run `make test`")
        tests += unit_tests()
    if "runtime" in groups:
        tests += runtime_tests()
    if "errors" in groups:
        tests += error_tests()
    if "options" in groups:
        tests += option_tests()
    if "asan" in groups:
        if not P2W_ASAN.exists():
            sys.exit(f"run_tests: {P2W_ASAN} not built; run `make test`")
        tests += asan_tests()
    if "snapshot" in groups:
        tests += snapshot_tests()
    if "programs" in groups:
        tests += [program_test(*e) for e in program_entries()]
        # snapshots are the default; every fourth program also without one
        tests += [program_test(*e, extra=("--snapshot=no",), group="programs_nosnap")
                  for e in program_entries()[::4]]
    if "conformance" in groups:
        tests += conformance_tests()
    if "web" in groups:
        tests += web_tests()
    tests = [t for t in tests if opts.filter in t[0]]

    lock = threading.Lock()
    failures = []
    skipped = []

    def execute(item):
        name, fn = item
        try:
            fn()
            ok, detail = True, ""
        except TestSkipped as e:
            with lock:
                print(f"SKIP {name}: {e}", flush=True)
                skipped.append(name)
            return None
        except TestFailure as e:
            ok, detail = False, str(e)
        except subprocess.TimeoutExpired as e:
            ok, detail = False, f"timed out after {TIMEOUT}s: {e.cmd}"
        except Exception as e:  # a bug in the test itself still counts as a failure
            ok, detail = False, f"{type(e).__name__}: {e}"
        with lock:
            print(f"{'PASS' if ok else 'FAIL'} {name}", flush=True)
            if not ok:
                failures.append((name, detail))
        return ok

    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        results = list(pool.map(execute, tests))
    for name, detail in sorted(failures):
        print(f"\n=== FAIL {name}\n{detail.rstrip()}")
    ran = [r for r in results if r is not None]
    passed = sum(ran)
    print(f"\n{passed} passed, {len(ran) - passed} failed" + (f", {len(skipped)} skipped" if skipped else ""))
    sys.exit(0 if passed == len(ran) and ran else 1)


if __name__ == "__main__":
    main()
