# array module (fixed-size typecodes only) and operator module.
import array
import operator

a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, a.typecode, a.itemsize, len(a), a[2], a[-1], a[1:3], a.index(3), a.count(2))
a.reverse()
print(a, a.pop(), a.pop(0), a.tolist(), sum(a))
a.remove(3)
print(a, a.tobytes().hex())
b = array.array("i")
b.frombytes(a.tobytes())
print(b == a, b)
d = array.array("d", [1.5, -2.25])
f = array.array("f", [0.1])
print(d, f, f[0], d.itemsize, f.itemsize)
u = array.array("u", "héllo")
print(u, u.tounicode(), u.itemsize in (2, 4))
h = array.array("H", range(5))
h.byteswap()
print(h, h.tobytes().hex())
B = array.array("B", b"bytes")
print(B, bytes(B), array.array("b", [-1, 127]), array.array("q", [-2 ** 63, 2 ** 63 - 1]), array.array("Q", [2 ** 64 - 1]))
try:
    array.array("B", [256])
except OverflowError as e:
    print("OverflowError:", e)
try:
    array.array("i", [1.5])
except TypeError as e:
    print("TypeError:", e)
print(array.array("i", [3, 1, 2]) < array.array("i", [3, 2]), array.array("i", [1]) * 3, array.array("I", [7]) + array.array("I", [8]))
print(sorted(array.array("h", [5, -1, 3])), list(reversed(array.array("i", [1, 2]))), array.array("i", range(4))[::2])

print(operator.add(2, 3), operator.sub(5, 1), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3))
print(operator.pow(2, 8), operator.neg(5), operator.pos(-5), operator.abs(-3), operator.inv(5), operator.lshift(1, 4), operator.rshift(256, 2))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.ge(3, 4), operator.gt(4, 3))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 1, 2], 1), operator.indexOf("xyz", "z"))
seq = [10, 20, 30]
operator.setitem(seq, 1, 99)
operator.delitem(seq, 0)
print(seq, operator.getitem(seq, -1), operator.getitem("abcdef", slice(1, 4)))
get1 = operator.itemgetter(1)
get02 = operator.itemgetter(0, 2)
print(get1("xyz"), get02("xyz"), get1({1: "one"}), sorted([(1, "b"), (0, "c"), (2, "a")], key=get1))


class P:
    def __init__(self):
        self.name = "p"
        self.child = type("C", (), {"val": 42})()

    def greet(self, greeting, punct="!"):
        return f"{greeting} {self.name}{punct}"


p = P()
print(operator.attrgetter("name")(p), operator.attrgetter("child.val", "name")(p))
print(operator.methodcaller("greet", "hello")(p), operator.methodcaller("greet", "hi", punct="?")(p))
print(operator.methodcaller("split", ",")("a,b,c"), operator.index(7), operator.length_hint([1, 2, 3]))
x = [1]
x = operator.iadd(x, [2])
y = operator.iconcat(x, [3])
print(x, y is x, operator.imul(3, 4), operator.ior({1}, {2}))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), operator.matmul.__name__)
import functools
print(functools.reduce(operator.mul, range(1, 8)), functools.reduce(operator.or_, [1, 2, 4, 8]))
