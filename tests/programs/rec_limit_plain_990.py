# Recursion limit value and a plain recursive function reaching depth 990.
import sys

print("recursion limit:", sys.getrecursionlimit())


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def countdown_sum(n, acc=0):
    if n == 0:
        return acc
    return countdown_sum(n - 1, acc + n)


def max_frame_depth(n):
    if n == 0:
        f = sys._getframe()
        count = 0
        while f is not None:
            count += 1
            f = f.f_back
        return count
    return max_frame_depth(n - 1)


print("depth(990) =", depth(990))
print("countdown_sum(990) =", countdown_sum(990))
print("frames at depth 900:", max_frame_depth(900))
print("repeat works:", [depth(k) for k in (0, 1, 500, 990)])


def build_nested(n):
    return [] if n == 0 else [build_nested(n - 1)]


def nested_depth(lst):
    return 0 if not lst else 1 + nested_depth(lst[0])


nest = build_nested(900)
print("nested list depth:", nested_depth(nest))
print("limit unchanged:", sys.getrecursionlimit())
