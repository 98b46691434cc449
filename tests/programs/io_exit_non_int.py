# sys.exit with a non-integer, non-string object: its str() goes to stderr, exit status 1.
import sys


class Status:
    def __init__(self, code, reason):
        self.code = code
        self.reason = reason

    def __str__(self):
        return f"Status(code={self.code}, reason={self.reason})"


for obj in (["a", 1], {"k": "v"}, Status(7, "demo")):
    try:
        sys.exit(obj)
    except SystemExit as e:
        print("caught SystemExit with", type(e.code).__name__, "->", str(e.code))
print("exiting with a list object")
sys.stdout.flush()
sys.exit(["not", "an", "int", 3])
