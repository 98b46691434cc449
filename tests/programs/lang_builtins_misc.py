# Assorted builtins: abs, divmod, pow, round, min/max, sum, isinstance, getattr, type, vars, dir on own classes.
print(abs(-5), abs(-2.5), abs(3 + 4j), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), pow(2, -2))
print(round(3.14159, 3), round(1234, -2), round(-2.5), min(3, 1, 2), max("apple", "pear", key=len), sum([1, 2], 10))
print(sum([[1], [2, 3]], []), sum((0.1 for _ in range(3)), 0.0), sum(range(5), start=100))
print(isinstance(3, (str, int)), isinstance(True, int), issubclass(bool, (str, int)), callable(len), callable(3))
print(bin(10), oct(64), hex(255), hex(-1), int("ff", 16), int("0o17", 0), int("  12  "), float("3.5"))
print(chr(9731), ord("€"), ascii("ñ"), repr("x"), format(0.5, ".0%"), format(1234567, ","))
print(bool(0), bool([]), bool(" "), bool(0.0), bool(None), bool(range(0)), bool(range(1)))
print(list(range(5, 0, -2)), range(10).count(3), range(0, 20, 5).index(15), len(range(-10, 10, 3)), range(3) == range(0, 3))
print(type(1).__name__, type("").__name__, type(None).__name__, type(print).__name__, type(type).__name__)
print(complex(1, 2) * 1j, complex("3+4j").conjugate(), (1 + 2j).real, (1 + 2j).imag)


class Obj:
    cls_attr = "c"

    def __init__(self):
        self.a = 1
        self.b = 2

    def method(self):
        pass


o = Obj()
print(vars(o), getattr(o, "a"), getattr(o, "zz", None), hasattr(o, "method"), [n for n in dir(o) if not n.startswith("_")])
setattr(o, "c", 3)
delattr(o, "a")
print(vars(o), o.__dict__ is vars(o))
print(hash(5) == hash(5), hash("abc") == hash("abc"), hash((1, 2)) == hash((1, 2)), hash(-1), hash(0), hash(10))
print(len("abc"), len([1, 2]), len({}), len(range(100)), len(b"xy"))
print(list(reversed(range(3))), sorted("bca"), list(enumerate("ab")), list(zip([1], [2], [3])))
print(any(x < 0 for x in [1, -1]), all([]), max([], default=0), min((1, "b"), (1, "a")))
print(id(o) == id(o), o is o, None is None, NotImplemented, Ellipsis)
print(repr(object) , object.__name__, str.__mro__, int.__bases__, bool.__base__)
print(memoryview(b"ab").tolist(), bytearray(2), bytes(range(3)), frozenset([1]))
print(slice(1, 2, 3), property.__name__, staticmethod.__name__, super.__name__)
print(eval("2 ** 8"), globals()["__name__"], __name__, __doc__, type(__builtins__).__name__)
print(divmod(7, 2.0), 7 // 2.0, -7 // 2, 2 ** 3 ** 2, (-2) ** 2, -2 ** 2, 10 % 3, -10 % 3, 10 % -3)
print(int.from_bytes(b"\x00\x10", "big"), (255).to_bytes(1, "big"), int(True), float(False), str(True))
print(format(3.14159, "e"), format(42, "x"), format("s", "^5"), "{:!^9}".format("mid"))
print(max([1, 5, 3]), max(1, 5, 3), max("abc"), max([[1, 2], [1, 3]]), min([], default=None))
print(next(iter([1])), next(iter([]), "empty"), iter([1]).__next__(), list(iter(range(3))))
print(open.__name__, print.__name__, len.__doc__.splitlines()[0], abs.__qualname__)
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(o, "nothing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    "x" * "y"
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2, 3].index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    (1, 2).count()
except TypeError as e:
    print("TypeError:", e)
print(isinstance(o, object), issubclass(Obj, object), type(o) is Obj, o.__class__.__name__, Obj.__name__)
print(dir(Obj) == sorted(dir(Obj)), "method" in dir(Obj), "a" not in dir(Obj))
