# Compiled functions called from C (type_call running __init__, sorted's key,
# map, slots for special methods, properties, functools) take the direct
# path when the arguments are positional and bind as they are, and
# CPython's general one otherwise: keywords, *args, missing arguments,
# defaults, a replaced __code__, tracing, recursion through C.
import functools
import sys


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


def key(p):
    return -p.norm1


def add3(a, b=10, c=100):
    return a + b + c


def gen_squares(n):
    for i in range(n):
        yield i * i


points = [Point(i % 5, i // 5) for i in range(12)]          # __init__ via type_call
print(sorted(points)[:4], max(points), min(points, key=key))  # slots, key
print(sorted(points, key=key)[:3])
print(list(map(add3, [1, 2, 3])), list(map(add3, [1, 2], [3, 4])))    # defaults
print(list(map(add3, [1], [2], [3])))
print(Point(1, 2) == Point(1, 2), Point(1, 2) in {Point(1, 2)})     # __eq__, __hash__
print(functools.reduce(add3, [1, 2, 3, 4]))
print(functools.partial(add3, c=0)(1), functools.partial(add3, 5)(b=1))  # keywords
print(Point(x=3).y, Point(*[4, 5]), Point(**{"x": 6, "y": 7}))
print(list(map(gen_squares, [3, 4])) and [list(g) for g in map(gen_squares, [3, 4])])

# wrong argument counts raise as natively, through the general path
for args in ((), (1, 2, 3, 4)):
    try:
        add3(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    list(map(Point, [1], [2], [3]))
except TypeError as e:
    print("TypeError:", e)


# a replaced __code__: the function runs whatever code it has now
def one(a):
    return ("one", a)


def two(a):
    return ("two", a)


print(list(map(one, [1])))
one.__code__ = two.__code__
print(list(map(one, [2])))
ns = {}
exec("def interpreted(a):\n    return ('interpreted', a)\n", ns)
one.__code__ = ns["interpreted"].__code__
print(list(map(one, [3])), sorted([3, 1, 2], key=one))


# recursion through C: sorted's key calls back into sorted
def deep(n):
    if n == 0:
        return 0
    return sorted([n], key=lambda v: deep(v - 1))[0]


print(deep(50))


def unbounded(n):
    return max([n], key=unbounded)


try:
    unbounded(1)
except RecursionError as e:
    print("RecursionError:", e)

# tracing: calls from C go through the general path and are seen
events = []


def tracer(frame, event, arg):
    if event == "call":
        events.append(frame.f_code.co_name)
    return None


sys.settrace(tracer)
sorted([2, 1], key=key) if False else sorted([Point(2), Point(1)], key=key)
sys.settrace(None)
print(events)
