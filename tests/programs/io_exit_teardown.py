# What runs while the interpreter shuts down: atexit handlers, weakref.finalize,
# __del__ of module globals (also in reference cycles), weakref callbacks,
# generators closed by their last reference going away, a buffered writer
# flushed as it is destroyed, and an exception ignored in __del__.
import atexit
import gc
import sys
import weakref


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"__del__ {self.name}", flush=True)


class RaisingFinalizer:
    # a callable, not a function, as __del__: the "Exception ignored in"
    # line shows its repr, where a function's would show its address
    def __repr__(self):
        return "<RaisingFinalizer>"

    def __call__(self):
        raise ValueError("raised in __del__ at shutdown")


class Faulty:
    __del__ = RaisingFinalizer()


def suspended():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally block ran at shutdown")


class Target:
    pass


first = Noisy("module global")
cyclic = Noisy("in a cycle")
cyclic.self_ref = cyclic
gen = suspended()
next(gen)
faulty = Faulty()
target = Target()


def on_target_gone(r):
    print("weakref callback ran", flush=True)


ref = weakref.ref(target, on_target_gone)
fin_target = Target()
weakref.finalize(fin_target, print, "weakref.finalize ran at exit")
atexit.register(print, "atexit handler ran")
late = open(sys.stdout.fileno(), "w", buffering=4096, closefd=False)
late.write("buffered line written by a file object destroyed at shutdown\n")
gc.collect()
print("end of main body")
