"""Sieve of Eratosthenes plus assorted integer loops.

Three phases: a pure-Python list sieve (index loops), a bytearray sieve using
slice assignment, and integer-only loops over the primes found (digit sums,
Collatz chain lengths with a memo list, gcd via Euclid, modular exponentiation
by squaring).  All results are small integers; the checksum is their sum/mix.

usage: sieve.py [scale]   (scale multiplies the sieve limit)
"""
import math
import sys
import time


def list_sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    return [k for k in range(limit + 1) if flags[k]]


def bytearray_sieve(limit):
    b = bytearray([1]) * (limit + 1)
    b[0] = b[1] = 0
    for i in range(2, math.isqrt(limit) + 1):
        if b[i]:
            b[i * i::i] = bytes(len(range(i * i, limit + 1, i)))
    return b


def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s


def collatz_lengths(limit):
    memo = [0] * limit
    memo[1] = 1
    best = 1
    best_n = 1
    for start in range(2, limit):
        n = start
        steps = 0
        while n >= limit or memo[n] == 0:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            steps += 1
        total = steps + memo[n]
        memo[start] = total
        if total > best:
            best = total
            best_n = start
    return best_n, best, sum(memo) % 1000003


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def powmod(base, exp, mod):
    result = 1
    base %= mod
    while exp:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    limit = max(100, int(2500000 * scale))
    t0 = time.perf_counter()
    primes = list_sieve(limit)
    b = bytearray_sieve(limit * 4)
    count_b = b.count(1)
    twin = 0
    for p, q in zip(primes, primes[1:]):
        if q - p == 2:
            twin += 1
    ds = 0
    for p in primes:
        ds += digit_sum(p)
    g = 0
    for k in range(1, len(primes) - 1, 3):
        g += gcd(primes[k] * primes[k + 1] - 1, primes[k - 1] * primes[k + 1] + 7)
    fermat_ok = 0
    for p in primes[1:4000]:
        if powmod(2, p - 1, p) == 1:
            fermat_ok += 1
    cn, cl, cs = collatz_lengths(max(10, limit // 3))
    t1 = time.perf_counter()
    print("limit", limit)
    print("primes", len(primes), "last", primes[-1], "bytearray-primes", count_b)
    print("twins", twin, "digitsum", ds, "gcdsum", g, "fermat", fermat_ok)
    print("collatz", cn, cl, cs)
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
