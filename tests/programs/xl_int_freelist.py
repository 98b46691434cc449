# Released one-digit ints are kept for the compiled code's next int
# results (the runtime replaces int's tp_dealloc).  Instances of int
# subclasses reach that dealloc too, through subtype_dealloc, and must be
# released as before: their finalisers run, their type and __dict__ never
# come back as a plain int's.  Ints made by libpython, by the compiled code and
# by both, freed in every order, keep their values.
import gc
import sys


class Tagged(int):
    def __del__(self):
        print("released Tagged", int(self))


class Noted(int):
    pass


def subclass_churn():
    kinds = []
    for i in range(6):
        t = Tagged(1000 + i)
        s = Noted(2000 + i)
        s.note = "n%d" % i
        del t, s
        y = (i * 7919) % 100000 + 3000
        kinds.append((type(y).__name__, y, y.bit_length()))
    return kinds


def mixed_sources(n):
    made = []
    for i in range(n):
        a = int(str(5000 + i))  # libpython's
        b = a * 3 - 7           # the compiled code's
        c = -(b + 1)            # negative
        made.append((a, b, c))
        if i % 3 == 0:
            made.pop()
    return made


def many_alive(n):
    keep = [k * 1000 + 7 for k in range(n)]
    total = 0
    for v in keep:
        total += v % 997
    keep = None
    fresh = [k * 1000 + 8 for k in range(n)]
    return total, fresh[:3], fresh[-3:], all(type(v) is int for v in fresh)


def identity_of_values():
    xs = [i + 4096 for i in range(50)]
    ys = [x - 1 for x in xs]
    del xs
    zs = [y + 1 for y in ys]
    return zs == list(range(4096, 4146)), len({id(z) for z in zs}) == 50


print(subclass_churn())
gc.collect()
print(mixed_sources(10))
print(many_alive(400))
print(identity_of_values())
print(sum(i * 31 % 1009 + 300 for i in range(10000)))
sys.stdout.flush()
