# Ints and floats nothing else can see are given their next value in place:
# the loop variable of `for i in range(...)` (FOR_ITER fused with the
# STORE_FAST after it) and the local of `s += f(...)`, which the stack holds
# too while the call runs.  Both sides of each guard: the old object kept
# elsewhere (a list, a closure, locals(), an alias, the callee), small ints,
# values that need more digits, other types in the local, deleted locals,
# and iterators that are not range iterators.
import sys


class Noisy:
    def __del__(self):
        print("Noisy released", file=sys.stderr)


def range_kept():
    kept = []
    for i in range(1000, 1006):
        kept.append(i)
    for i in range(300, 200, -25):
        kept.append(i)
    return kept, i


def range_dropped():
    total = 0
    for i in range(250, 270):
        total += i * 3
    for i in range(-2**31, -2**31 + 3):
        total += i
    return total, i


def range_small_then_big():
    out = []
    for i in range(250, 262, 3):
        out.append(i if i < 256 else -i)
    return out


def range_growing_digits():
    # each value needs more digits than the object the local held
    seen = []
    for i in range(2**29 - 2, 2**29 + 2):
        seen.append(i % 1000)
    for i in range(2**30 - 1, 2**30 + 2):
        pass
    return seen, i


def range_locals_snapshot():
    snaps = []
    for i in range(400, 404):
        snaps.append(locals()["i"])
    return snaps


def range_aliased():
    pairs = []
    prev = None
    for i in range(500, 504):
        pairs.append((prev, i))
        prev = i
    return pairs


def range_closure():
    fns = []
    for i in range(600, 603):
        fns.append(lambda i=i: i)
    return [f() for f in fns]


def range_old_value_released():
    i = Noisy()
    for i in range(700, 702):
        print("iteration", i)
    return i


def range_deleted_local():
    out = []
    for i in range(800, 803):
        out.append(i * 2)
        del i
    return out


def range_huge():
    # beyond a C long: a longrange iterator, the general path
    return [i - 2**64 for i in range(2**64, 2**64 + 3)]


def not_range(xs):
    out = []
    for i in xs:
        out.append(i)
    return out


def gen_range(n):
    for i in range(1000, 1000 + n):
        yield i


kept_args = []


def keep(v):
    kept_args.append(v)
    return 1


def keep_float(v):
    kept_args.append(v)
    return 1.0


def ret(v):
    return v


def accumulate_kept():
    s = 1000
    for _ in range(4):
        s += keep(s)
    return s


def accumulate_plain():
    s = 1000
    for k in range(300):
        s += ret(k)
    f = 0.5
    for k in range(5):
        f += ret(k * 0.25)
    return s, f


def accumulate_aliased():
    s = 5000
    t = s
    s += ret(7)
    u = 2.5
    w = u
    u += ret(1.5)
    return s, t, u, w


def accumulate_float_kept():
    f = 1.25
    for _ in range(3):
        f += keep_float(f)
    return f


def accumulate_other_order():
    s = 2000
    for k in range(3):
        s = ret(k) + s
    return s


def accumulate_type_change():
    s = 2**62
    s += ret(1)
    s += ret(2**62)
    x = 10**3
    x += ret(0.5)
    return s, x


print(range_kept())
print(range_dropped())
print(range_small_then_big())
print(range_growing_digits())
print(range_locals_snapshot())
print(range_aliased())
print(range_closure())
print(range_old_value_released())
print(range_deleted_local())
print(range_huge())
print(not_range([1000, 2000, 3000]), not_range((7, 8)), not_range("ab"), not_range({9: 1}))
print(list(gen_range(4)), sum(gen_range(300)))
print(accumulate_kept(), kept_args)
print(accumulate_plain())
print(accumulate_aliased())
kept_args.clear()
print(accumulate_float_kept(), kept_args)
print(accumulate_other_order())
print(accumulate_type_change())
