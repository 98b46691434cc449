# Classic recursive algorithms: hanoi, permutations, ackermann (small), quicksort, flood fill, mutual recursion.
import sys


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)


moves = []
hanoi(10, "A", "C", "B", moves)
print(len(moves), moves[:5], moves[-1])


def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for p in perms(items[:i] + items[i + 1:]):
            out.append([x] + p)
    return out


print(len(perms(list(range(6)))), perms([1, 2, 3]))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print([ackermann(2, n) for n in range(5)], ackermann(3, 3))


def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, rest = xs[0], xs[1:]
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])


data = [(i * 7919) % 1000 for i in range(300)]
print(quicksort(data)[:10], quicksort(data) == sorted(data))
print(quicksort(list(range(400)))[-3:])


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(900), is_odd(777))
grid = [list(row) for row in [
    "..........",
    ".###......",
    ".#.#..###.",
    ".###..#.#.",
    "......###.",
]]


def fill(r, c, ch):
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != ".":
        return 0
    grid[r][c] = ch
    return 1 + fill(r + 1, c, ch) + fill(r - 1, c, ch) + fill(r, c + 1, ch) + fill(r, c - 1, ch)


print(fill(0, 0, "~"), fill(2, 2, "x"))
print("\n".join("".join(r) for r in grid))


def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]


print(len(power_set(list(range(10)))), power_set(["a", "b", "c"]))


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


nested = [1, [2, [3, [4, [5]]]], [[6]], 7]
print(list(flatten(nested)))
chain = 0
for i in range(500):
    chain = [chain, i]
print(sum(1 for _ in flatten(chain)))


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


print(gcd(2 ** 100 - 1, 3 ** 60 - 1), sys.getrecursionlimit())
