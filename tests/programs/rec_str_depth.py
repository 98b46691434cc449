# str(x), tuple(x) and type(x) called with one argument do their work
# directly, as CPython 3.11's specialised calls do: recursion through
# __str__ reaches the native depth with the native message, and the
# results are the same objects and types.
class Node:
    def __init__(self, child=None):
        self.child = child

    def __str__(self):
        return "(" + (str(self.child) if self.child else "") + ")"


def max_ok():
    n, node = 0, None
    while True:
        node = Node(node)
        try:
            str(node)
        except RecursionError as e:
            return n, str(e)
        n += 1


print(max_ok())


class S(str):
    pass


class Odd:
    def __str__(self):
        return S("odd")


s = str(Odd())
print(type(s).__name__, s, str(S("x")) == "x", type(str(S("x"))).__name__)
print(str(b"ab"), str(1.5), str(None), str())
try:
    str(object.__new__(type("Bad", (), {"__str__": lambda self: 3})))
except TypeError as e:
    print("TypeError:", e)
print(tuple("abc"), tuple(x * 2 for x in range(3)), tuple())
try:
    tuple(5)
except TypeError as e:
    print("TypeError:", e)
print(type(1).__name__, type(S("q")).__name__, type(type) is type)
try:
    type()
except TypeError as e:
    print("TypeError:", e)
