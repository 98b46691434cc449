"""Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1).

Power iteration with A^T A, using nested loops, list comprehensions, zip and
float division.  Prints the norm to nine decimals.

usage: spectral_norm.py [scale]   (scale multiplies the matrix size n)
"""
import sys
import time
from math import sqrt


def eval_a(i, j):
    ij = i + j
    return 1.0 / ((ij * (ij + 1) >> 1) + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j, vj in enumerate(v):
            s += vj / ((((i + j) * (i + j + 1)) >> 1) + i + 1)
        out.append(s)
    return out


def mul_atv(v, n):
    return [sum(vj * eval_a(j, i) for j, vj in enumerate(v)) for i in range(n)]


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def spectral_norm(n, iters=10):
    u = [1.0] * n
    v = u
    for _ in range(iters):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return sqrt(vbv / vv), u


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(2, int(420 * scale))
    t0 = time.perf_counter()
    norm, u = spectral_norm(n)
    t1 = time.perf_counter()
    print("n", n)
    print("norm %.9f" % norm)
    print("u[0..3]", " ".join("%.9f" % x for x in u[:4]))
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
