# functools: lru_cache, cache, partial, reduce, singledispatch, cached_property, total_ordering, wraps.
import functools


@functools.lru_cache(maxsize=3)
def slow_square(n):
    print(f"  computing {n}")
    return n * n


for n in [1, 2, 1, 3, 4, 1, 2]:
    print(n, slow_square(n))
print(slow_square.cache_info())
slow_square.cache_clear()
print(slow_square.cache_info())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(150), fib.cache_info().currsize)


@functools.lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed.cache_info().currsize)
base2 = functools.partial(int, base=2)
print(base2("1011"), base2.func.__name__, base2.args, base2.keywords)


def power(base, exp, mod=None):
    return pow(base, exp, mod)


cube = functools.partial(power, exp=3)
print(cube(4), cube(4, mod=5), functools.partial(cube, 2)())
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(max, [3, 9, 2], 0), functools.reduce(lambda a, b: a + b, [], "init"))


@functools.singledispatch
def describe(obj):
    return f"object {type(obj).__name__}"


@describe.register
def _(obj: int):
    return f"int {obj}"


@describe.register(list)
def _(obj):
    return f"list of {len(obj)}: " + ", ".join(describe(x) for x in obj)


@describe.register(str)
@describe.register(bytes)
def _(obj):
    return f"text {obj!r}"


print(describe(5), describe(True), describe("s"), describe(b"b"), describe(2.5), describe([1, "a", 3.0]))
print(describe.dispatch(bool).__name__ if hasattr(describe.dispatch(bool), "__name__") else "?", sorted(t.__name__ for t in describe.registry))


class Shape:
    def __init__(self, side):
        self.side = side
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return self.side ** 2

    @functools.singledispatchmethod
    def scale(self, factor):
        raise NotImplementedError

    @scale.register
    def _(self, factor: int):
        return f"int scale {self.side * factor}"

    @scale.register
    def _(self, factor: float):
        return f"float scale {self.side * factor:.2f}"


s = Shape(4)
print(s.area, s.area, s.computed, "area" in vars(s))
del s.area
print(s.area, s.computed, s.scale(2), s.scale(1.5))


@functools.total_ordering
class Ver:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(Ver(1) <= Ver(2), Ver(3) >= Ver(2), Ver(1) > Ver(2), sorted([Ver(3), Ver(1)], key=lambda x: x)[0].v)
print(functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))


def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner


@deco
def documented(x):
    "Doc string."
    return x


print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented.__qualname__)
pm = functools.partialmethod


class Cell:
    def set_state(self, state):
        self.state = state
    set_alive = pm(set_state, True)


cell = Cell()
cell.set_alive()
print(cell.state)
