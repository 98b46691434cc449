# Recursion that passes through C code: property getters, sorted(key=...), map(), dict lookups, __eq__.
import functools


class Node:
    def __init__(self, n):
        self.n = n

    @property
    def height(self):
        if self.n == 0:
            return 0
        return Node(self.n - 1).height + 1


print("property recursion 850:", Node(850).height)


def sorted_depth(n):
    if n == 0:
        return 0
    return sorted([n - 1], key=sorted_depth)[0] + 1


print("sorted(key=...) recursion 420:", sorted_depth(420))


def map_depth(n):
    if n == 0:
        return 0
    return list(map(map_depth, [n - 1]))[0] + 1


print("map recursion 850:", map_depth(850))


def tree(depth):
    return [] if depth == 0 else [tree(depth - 1), tree(depth - 1)] if depth < 4 else [tree(depth - 1)]


def count_leaves(t):
    if not t:
        return 1
    return sum(map(count_leaves, t))


print("count_leaves via map:", count_leaves(tree(300)))


def sorted_size(t):
    # the sort key itself recurses into the structure; each subtree size is computed once
    sizes = []

    def key(sub):
        size = sorted_size(sub)
        sizes.append(size)
        return size

    sorted(t, key=key)
    return 1 + sum(sizes)


print("nested sort size:", sorted_size(tree(150)))


class Chain:
    def __init__(self, nxt):
        self.nxt = nxt

    def __eq__(self, other):
        if self.nxt is None or other.nxt is None:
            return self.nxt is other.nxt
        return self.nxt == other.nxt

    __hash__ = None


def chain(n):
    c = Chain(None)
    for _ in range(n):
        c = Chain(c)
    return c


print("__eq__ recursion 400:", chain(400) == chain(400), chain(400) == chain(399))


class Lazy:
    def __init__(self, n):
        self.n = n

    def __getattr__(self, name):
        if self.n == 0:
            return 0
        return getattr(Lazy(self.n - 1), name) + 1


print("__getattr__ recursion 400:", Lazy(400).anything)
reduce_depth = functools.reduce(lambda acc, x: [acc], range(500), [])
depth = 0
cur = reduce_depth
while cur:
    cur = cur[0]
    depth += 1
print("reduce built depth:", depth)


def filter_rec(n):
    if n == 0:
        return [0]
    return list(filter(lambda v: filter_rec(n - 1) is not None, [n]))


print("filter recursion 400:", filter_rec(400))
