"""What a program sees of its run: everything here must come from the run,
not from the build, in a snapshotted binary (tests/run_tests.py runs it twice
with different argv, environment and stdin, and compares the world part with
an unsnapshotted build of the same file)."""
import sys, os, time, random, locale, logging

print("argv", sys.argv, sys.orig_argv)
print("env", os.environ.get("P2W_WORLD"), os.getenv("P2W_WORLD"),
      sorted(k for k in os.environ if k.startswith(("P2W", "LC_", "PYTHON"))))
print("flags", sys.flags)
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.name, s.encoding, s.errors, s.line_buffering, s.write_through, s.mode,
          s is getattr(sys, "__" + s.name.strip("<>") + "__"))
print("fs", sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print("locale", locale.setlocale(locale.LC_CTYPE), locale.getpreferredencoding(False))
print("path", sys.path[0] == os.path.dirname(os.path.abspath(__file__)), sys.path[1:])
print("warnings", sys.warnoptions, sys._xoptions, sys.get_int_max_str_digits())
print("stdin", repr(sys.stdin.read()))
# different in every run (the test compares two runs of one binary)
print("RUN time", time.time())
print("RUN random", random.random(), random.getrandbits(64))
print("RUN urandom", os.urandom(16).hex())
logging.basicConfig(format="%(relativeCreated)d", level=logging.INFO)
logging.info("")  # milliseconds since logging was imported
