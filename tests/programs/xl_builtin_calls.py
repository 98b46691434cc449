# len(x) and isinstance(x, t) of the builtins do their work without the
# call, as ceval's PRECALL_NO_KW_LEN / PRECALL_NO_KW_ISINSTANCE do.  Both
# sides of each guard: the builtins shadowed by a module global, replaced
# in builtins, keyword arguments; __len__ and __instancecheck__ in Python,
# their errors, and recursion through __len__ (the fast path counts no
# recursion level of its own, as ceval's specialised instruction; natively
# the first few levels, run before the code is specialised, count two, so
# the exact depth differs by those few).
import abc
import builtins
import collections
import collections.abc


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class BadLen:
    def __len__(self):
        raise KeyError("no length")


class Meta(abc.ABCMeta):
    def __instancecheck__(cls, obj):
        return obj == "yes"


class Checked(metaclass=Meta):
    pass


def lengths():
    out = []
    for x in ([1, 2, 3], "héllo", {1: 2}, (), range(10**6), b"ab", Sized(7),
              collections.deque([1]), {1, 2}):
        out.append(len(x))
    return out


def length_errors():
    out = []
    for x in (Sized(-1), BadLen(), 42, None, Sized(2**70), Sized("3")):
        try:
            out.append(len(x))
        except (TypeError, ValueError, KeyError, OverflowError) as e:
            out.append("%s: %s" % (type(e).__name__, e))
    return out


def instances():
    out = []
    for x, t in ((1, int), (True, int), (1, (str, float)), ("yes", Checked), ("no", Checked),
                 ([], collections.abc.Sequence), (1.5, (int, (float, str)))):
        out.append(isinstance(x, t))
    try:
        isinstance(1, 2)
    except TypeError as e:
        out.append(str(e))
    return out


def shadowed():
    global len, isinstance
    out = [len([1, 2])]
    len = lambda x: "shadowed len"
    isinstance = lambda x, t: "shadowed isinstance"
    out.append(len([1, 2]))
    out.append(isinstance(1, int))
    del len, isinstance
    out.append(len([1, 2]))
    real = builtins.len
    builtins.len = lambda x: "builtins.len replaced"
    out.append(len([1, 2]))
    builtins.len = real
    out.append(len([1, 2]))
    try:
        len(obj=[1])
    except TypeError as e:
        out.append(str(e))
    return out


depth = 0


class Deep:
    def __len__(self):
        global depth
        depth += 1
        return len(Deep())


print(lengths())
print(length_errors())
print(instances())
print(shadowed())
try:
    len(Deep())
except RecursionError as e:
    print("recursion", depth > 900, e)
print(len(BadLen()))
