"""Recursive function calls: naive Fibonacci, Ackermann, Takeuchi, and a
recursive tree build/walk.  Maximum Python recursion depth stays below 600.

usage: recursion.py [scale]   (scale multiplies the number of rounds)
"""
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    # Iterate on the tail call of the n == 0 / outer cases to bound depth.
    while m:
        if n == 0:
            n = 1
        else:
            n = ack(m, n - 1)
        m -= 1
    return n + 1


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def build(depth, seed):
    if depth == 0:
        return seed % 7
    return (build(depth - 1, seed * 2 + 1), build(depth - 1, seed * 3 + 2))


def walk(node, depth):
    if isinstance(node, int):
        return node * depth
    left, right = node
    return walk(left, depth + 1) - walk(right, depth + 1) + 1


def hanoi(n, a, b, c, moves):
    if n == 0:
        return 0
    k = hanoi(n - 1, a, c, b, moves)
    moves[a * 3 + c] += 1
    return k + 1 + hanoi(n - 1, b, a, c, moves)


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    rounds = max(1, int(8 * scale))
    t0 = time.perf_counter()
    out = []
    for r in range(rounds):
        f = fib(26 + r % 2)
        a = ack(2, 250 + r) + ack(3, 6)
        t = tak(24, 16, 8 + r % 2)
        tree = build(15, r)
        w = walk(tree, 0)
        moves = [0] * 9
        h = hanoi(17, 0, 1, 2, moves)
        out.append((f, a, t, w, h, tuple(moves)))
    t1 = time.perf_counter()
    print("rounds", rounds)
    for row in out:
        print(*row)
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
