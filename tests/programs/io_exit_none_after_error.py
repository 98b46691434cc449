# Exceptions handled and reported on stderr, then sys.exit(None) -> status 0.
import sys

failures = 0
for a, b in [(10, 2), (1, 0), (7, 7), (3, 0)]:
    try:
        print(f"{a}/{b} = {a / b}")
    except ZeroDivisionError as e:
        failures += 1
        print(f"handled: {a}/{b}: {e}", file=sys.stderr)
print("stdout line")
print("stdout and stderr are separate streams:", sys.stdout is not sys.stderr)
sys.stderr.write("stderr line\n")
print(f"{failures} failures reported on stderr")
try:
    sys.exit(None)
except SystemExit as e:
    print("SystemExit(None).code is", e.code)
print("exiting for real with None")
sys.exit(None)
