"""Generator pipelines.

Chains of generator functions (each stage pulls from the previous one),
`yield from` delegation including recursive delegation over a tree,
generator expressions fed to builtins, send()-driven coroutines, and
itertools combinators over generators.

usage: generators.py [scale]   (scale multiplies the length of the streams)
"""
import itertools
import sys
import time


def lcg_stream(seed, n):
    x = seed
    for _ in range(n):
        x = (x * 1664525 + 1013904223) & 0xFFFFFFFF
        yield x >> 8


def take_mod(src, m):
    for v in src:
        yield v % m


def skip_multiples(src, k):
    for v in src:
        if v % k:
            yield v


def pairs(src):
    it = iter(src)
    for a in it:
        b = next(it, 0)
        yield a, b


def windowed_sum(src, width):
    window = []
    total = 0
    for v in src:
        window.append(v)
        total += v
        if len(window) > width:
            total -= window.pop(0)
        yield total


def flatten(node):
    if isinstance(node, list):
        for child in node:
            yield from flatten(child)
    else:
        yield node


def make_tree(depth, start):
    if depth == 0:
        return start
    return [make_tree(depth - 1, start * 3 + i) for i in range(3)]


def chunked(src, size):
    chunk = []
    for v in src:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def running_stats():
    count = 0
    total = 0
    hi = None
    while True:
        v = yield (count, total, hi)
        count += 1
        total += v
        if hi is None or v > hi:
            hi = v


def delegating(n):
    yield from range(n)
    r = yield from sub_gen(n)
    yield r


def sub_gen(n):
    for i in range(n, 0, -2):
        yield i * i
    return -n


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(100, int(450000 * scale))
    t0 = time.perf_counter()

    # 1. a five-stage pipeline
    stage = windowed_sum(take_mod(skip_multiples(take_mod(lcg_stream(7, n), 100003), 7), 1000), 8)
    pipe_sum = 0
    pipe_max = 0
    for v in stage:
        pipe_sum += v
        if v > pipe_max:
            pipe_max = v

    # 2. pairs + generator expressions into builtins
    prod_sum = sum(a * b for a, b in pairs(take_mod(lcg_stream(11, n), 1000)))
    evens = sum(1 for v in lcg_stream(13, n) if not v & 1)
    big = max((v % 99991 for v in lcg_stream(17, n // 2)), default=0)
    anyall = (any(v == 12345 for v in take_mod(lcg_stream(19, n), 50000)),
              all(v < 1 << 24 for v in lcg_stream(23, n // 4)))

    # 3. recursive yield from over a tree
    tree_total = 0
    tree_count = 0
    for _ in range(max(1, n // 25000)):
        for leaf in flatten(make_tree(8, 1)):
            tree_total += leaf
            tree_count += 1

    # 4. coroutine driven by send()
    stats = running_stats()
    next(stats)
    snapshot = None
    for v in take_mod(lcg_stream(29, n), 65536):
        snapshot = stats.send(v)

    # 5. itertools over generators
    chunks = 0
    chunk_sig = 0
    for ch in chunked(lcg_stream(31, n // 2), 17):
        chunks += 1
        chunk_sig = (chunk_sig * 31 + sum(ch) % 1000) % 1000000007
    acc = list(itertools.islice(itertools.accumulate(take_mod(lcg_stream(37, n), 10)), 0, None, 997))
    zipped = sum(x ^ y for x, y in zip(lcg_stream(41, n // 2), lcg_stream(43, n // 2)))
    grouped = sum(1 for _k, _g in itertools.groupby(take_mod(lcg_stream(47, n // 2), 3)))

    # 6. yield from with a return value
    deleg = 0
    for _ in range(max(1, n // 5000)):
        *_rest, last = delegating(400)
        deleg += sum(_rest) + last

    t1 = time.perf_counter()
    print("n", n)
    print("pipeline", pipe_sum, pipe_max)
    print("genexpr", prod_sum, evens, big, anyall)
    print("tree", tree_total, tree_count)
    print("coroutine", snapshot)
    print("itertools", chunks, chunk_sig, len(acc), acc[-1], zipped, grouped)
    print("delegate", deleg)
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
