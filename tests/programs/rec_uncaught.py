# RecursionError escaping to top level: traceback with "[Previous line repeated N more times]", exit 1.
import sys

print("limit:", sys.getrecursionlimit())


def bounded(n):
    return 0 if n == 0 else bounded(n - 1) + 1


print("bounded recursion works:", bounded(500))
try:
    bounded(10 ** 6)
except RecursionError:
    print("caught a RecursionError once")
print("about to recurse without a handler", flush=True)


def descend(n):
    return descend(n + 1) + 1


descend(0)
print("never printed")
