# sys.exit() from inside a function: finally blocks, atexit handlers, then the
# module teardown's finalizers (__del__ of globals, a suspended generator) all
# run before the process ends with the given status.
import atexit
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"__del__ {self.name}", flush=True)


def counting():
    try:
        for i in range(10):
            yield i
    finally:
        print("generator closed at shutdown")


def leave(status):
    try:
        print("leaving")
        sys.exit(status)
    finally:
        print("finally in leave()")


keep = Noisy("global kept until shutdown")
numbers = counting()
print(next(numbers), next(numbers))
atexit.register(lambda: print("atexit after SystemExit"))
leave(4)
print("not reached")
