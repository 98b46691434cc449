# Operator overloading and dunder methods.
import functools


@functools.total_ordering
class Vec:
    def __init__(self, *c):
        self.c = tuple(c)

    def __repr__(self):
        return f"Vec{self.c}"

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*(a + b for a, b in zip(self.c, o.c)))
        return NotImplemented

    def __sub__(self, o):
        return Vec(*(a - b for a, b in zip(self.c, o.c)))

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(*(a * k for a in self.c))
        if isinstance(k, Vec):
            return sum(a * b for a, b in zip(self.c, k.c))
        return NotImplemented

    __rmul__ = __mul__

    def __matmul__(self, o):
        return f"matmul {self.c}@{o.c}"

    def __truediv__(self, k):
        return Vec(*(a / k for a in self.c))

    def __floordiv__(self, k):
        return Vec(*(a // k for a in self.c))

    def __mod__(self, k):
        return Vec(*(a % k for a in self.c))

    def __pow__(self, k, mod=None):
        return Vec(*(pow(a, k, mod) for a in self.c))

    def __neg__(self):
        return Vec(*(-a for a in self.c))

    def __pos__(self):
        return self

    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5

    def __invert__(self):
        return Vec(*reversed(self.c))

    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __hash__(self):
        return hash(self.c)

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vec(*self.c[i])
        return self.c[i]

    def __contains__(self, v):
        return v in self.c

    def __iter__(self):
        return iter(self.c)

    def __bool__(self):
        return any(self.c)

    def __call__(self, scale):
        return self * scale

    def __and__(self, o):
        return Vec(*(a & b for a, b in zip(self.c, o.c)))

    def __or__(self, o):
        return Vec(*(a | b for a, b in zip(self.c, o.c)))

    def __xor__(self, o):
        return Vec(*(a ^ b for a, b in zip(self.c, o.c)))

    def __lshift__(self, n):
        return Vec(*(a << n for a in self.c))

    def __rshift__(self, n):
        return Vec(*(a >> n for a in self.c))

    def __index__(self):
        return len(self.c)


a, b = Vec(1, 2, 3), Vec(4, 5, 6)
print(a + b, b - a, a * 2, 3 * a, a * b, a @ b, b / 2, b // 4, b % 4, a ** 2, pow(b, 2, 7))
print(-a, +a, abs(Vec(3, 4)), ~a, a == Vec(1, 2, 3), a != b, a < b, a >= b, a > b)
print(len(a), a[0], a[-1], a[1:], 2 in a, 9 in a, list(a), bool(a), bool(Vec(0, 0)), a(10))
print(a & b, a | b, a ^ b, a << 2, b >> 1, [0, 1, 2, 3, 4][a], bin(a), hex(Vec(1, 1)))
print(sorted([Vec(5, 5), Vec(1, 0), Vec(2, 2)]), max(Vec(1, 1), Vec(0, 3)))
print(len({Vec(1, 2), Vec(1, 2), Vec(2, 1)}))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
