"""Big-integer arithmetic.

Digits of pi with Machin's formula in fixed-point big integers, digits of e
with a streaming spigot (Rabinowitz-Wagon style, small ints in a list),
factorials by product and by binary splitting, big Fibonacci numbers by fast
doubling, Lucas-Lehmer tests of Mersenne numbers, and modular exponentiation
with huge moduli.  Decimal conversions stay below CPython's default 4300-digit
limit by converting in 1000-digit chunks.

usage: bigint.py [scale]   (scale multiplies the number of pi digits etc.)
"""
import sys
import time


def arctan_inv(x, unity):
    """arctan(1/x) * unity, fixed point."""
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        n += 2
        total += sign * (term // n)
        sign = -sign
    return total


def pi_digits(ndigits):
    guard = 10
    unity = 10 ** (ndigits + guard)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return pi // 10 ** guard


def e_spigot(ndigits):
    # e = 2 + 1/2! + 1/3! + ...  with a mixed-radix representation.
    size = ndigits + 10
    a = [1] * size
    out = [2]
    for _ in range(ndigits):
        carry = 0
        for i in range(size - 1, 0, -1):
            v = a[i] * 10 + carry
            q = v // (i + 1)
            a[i] = v - q * (i + 1)
            carry = q
        out.append(carry)
    return out


def fact_loop(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def prod_range(lo, hi):
    if hi - lo <= 8:
        r = 1
        for i in range(lo, hi):
            r *= i
        return r
    mid = (lo + hi) // 2
    return prod_range(lo, mid) * prod_range(mid, hi)


def fib_pair(n):
    """(F(n), F(n+1)) by fast doubling."""
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * ((b << 1) - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def lucas_lehmer(p):
    """True iff 2**p - 1 is prime (p an odd prime)."""
    m = (1 << p) - 1
    s = 4
    for _ in range(p - 2):
        s = (s * s - 2) % m
    return s == 0


def digit_sum_chunked(x):
    """Sum of decimal digits of x without one huge str() call."""
    chunk = 10 ** 1000
    s = 0
    while x:
        x, r = divmod(x, chunk)
        s += sum(map(int, str(r)))
    return s


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    nd = max(50, int(12000 * scale))
    t0 = time.perf_counter()
    pi = pi_digits(nd)
    pi_tail = pi % 10 ** 40
    pi_dsum = digit_sum_chunked(pi)

    e = e_spigot(max(20, nd // 8))
    e_str = "".join(map(str, e))

    nf = max(50, nd // 2)
    f1 = fact_loop(nf)
    f2 = prod_range(1, nf + 1)
    assert f1 == f2
    trailing = 0
    t = f1
    while t % 10 == 0:
        t //= 10
        trailing += 1
    f_bits = f1.bit_length()

    fn, _ = fib_pair(nd * 25)
    fib_mod = fn % 1000000007
    fib_bits = fn.bit_length()

    mersenne = [p for p in (521, 607, 1277, 1279, 2203, 2281, 3217, 3221, 4253)
                if p <= 2203 + nd // 4 and lucas_lehmer(p)]
    m = (1 << 2203) - 1  # a Mersenne prime
    pw = pow(3, m - 1, m)
    mixed = 0
    base = 0x1234567890ABCDEF
    for i in range(max(5, nd // 20)):
        base = (base * base + i) % (m >> 7)
        mixed ^= base & 0xFFFFFFFFFFFF
    g = 0
    a, b = f1, fn
    while b:
        a, b = b, a % b
    g = a
    t1 = time.perf_counter()
    print("pi digits", nd, "tail", pi_tail, "digitsum", pi_dsum)
    print("e", e_str[:30], e_str[-20:])
    print("fact", nf, "bits", f_bits, "trailing-zeros", trailing, "mod", f1 % 998244353)
    print("fib bits", fib_bits, "mod", fib_mod)
    print("mersenne", mersenne, "fermat", pw, "mixed", mixed, "gcd-bits", g.bit_length())
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
