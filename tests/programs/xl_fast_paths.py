# Both sides of every guard of the translator's fast paths: cached global
# and builtin lookups, int/float arithmetic, fused compare-and-jump, and
# direct calls of compiled functions.
import builtins


def use_len(x):
    return len(x)


def use_global():
    return COUNTER


COUNTER = 1
print(use_len("abc"), use_global())
COUNTER = 2  # value changes, keys do not
print(use_global())
len = lambda x: -1  # a global now shadows the builtin
print(use_len("abc"))
del len  # and goes away again
print(use_len("abcd"))
builtins.len = lambda x: 42  # the builtin itself is replaced
print(use_len("abc"))
del builtins.len
try:
    use_len("abc")
except NameError as e:
    print("NameError:", e)
import builtins as b2

b2.len = lambda x, _orig=sum: 7
print(use_len("z"))
for i in range(3):  # a global added while a cached lookup is warm
    globals()[f"g{i}"] = i
    print(use_global(), use_len(""))
del COUNTER
try:
    use_global()
except NameError as e:
    print("NameError:", e)
COUNTER = "back"
print(use_global())


def arith(a, b):
    return a + b, a - b, a * b


print(arith(1, 2), arith(2**30 - 1, 1), arith(-(2**30), -1), arith(2**62, 2**62))
print(arith(1.5, 2.25), arith(1e308, 1e308), arith(-0.0, 0.0))
print(arith("ab", "c")[0], arith([1], [2])[0])
print(arith(True, True), arith(1, 2.5), arith(2.5, 1))


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __sub__(self, other):
        return "MyInt.__sub__"

    def __mul__(self, other):
        return "MyInt.__mul__"

    def __lt__(self, other):
        return "truthy"

    def __eq__(self, other):
        return False

    __hash__ = int.__hash__


class MyFloat(float):
    def __add__(self, other):
        return "MyFloat.__add__"


print(arith(MyInt(1), MyInt(2)), arith(MyInt(1), 2), arith(1, MyInt(2)))
print(arith(MyFloat(1.0), MyFloat(2.0))[0], arith(MyFloat(1.0), 2.0)[0])
x = 5
x += 2**40
x -= 1
x *= 3
print(x)
f = 0.1
f += 0.2
f *= 3
f -= 1
print(repr(f))


def cmp_chain(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    return out


nan = float("nan")
for a, b in [(1, 2), (2, 2), (-3, 2), (2**30, 2**30 - 1), (2**100, 1), (-(2**100), 1),
             (1.5, 1.5), (nan, nan), (nan, 1.0), (1, 1.0), (True, 1), ("a", "b"),
             ("x", "x"), ("", "a"), ([1], [1]), ((1, 2), (1, 3)), (MyInt(1), 1),
             (1, MyInt(1))]:
    print(repr(a)[:20], repr(b)[:20], cmp_chain(a, b))


class Weird:
    def __lt__(self, other):
        raise ValueError("no ordering")

    def __eq__(self, other):
        return [1]  # truthy non-bool

    def __ne__(self, other):
        return []  # falsy non-bool


w = Weird()
print(cmp_chain(w, 1)[0:0] if False else "skip")
try:
    if w < 1:
        pass
except ValueError as e:
    print("ValueError:", e)
print("eq" if w == 1 else "not eq", "ne" if w != 1 else "not ne")
try:
    if 1 < "a":
        pass
except TypeError as e:
    print("TypeError:", e)


class BadBool:
    def __bool__(self):
        raise RuntimeError("bool failed")


class CmpBad:
    def __lt__(self, other):
        return BadBool()


try:
    if CmpBad() < 1:
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

i = 0
total = 0
while i < 100000:  # a backward fused compare-and-jump
    total += i
    i += 1
print(total)


def defaults(a, b=10, c=20):
    return a + b + c


def kwonly(a, *, k=1):
    return a + k


def varargs(*args):
    return sum(args)


class K:
    def method(self, x, y=1):
        return x * y


print(defaults(1), defaults(1, 2), defaults(1, 2, 3), kwonly(1), kwonly(1, k=5))
print(varargs(1, 2, 3), K().method(3), K().method(3, 4))
try:
    defaults()
except TypeError as e:
    print("TypeError:", e)
try:
    defaults(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
defaults.__defaults__ = (100, 200)
print(defaults(1))
defaults.__code__ = kwonly.__code__  # the callee's code replaced after warm-up
print(defaults(1))
