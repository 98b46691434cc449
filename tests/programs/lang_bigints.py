# Arbitrary precision integers: arithmetic, bit ops, conversions, edge cases.
import math

a = 2 ** 200
b = 3 ** 150 + 12345
print(a)
print(b)
print(a + b, a - b)
print(a * b)
print(a // 7, a % 7, divmod(b, 10 ** 20))
print(-a // 3, -a % 3, divmod(-b, 97), divmod(b, -97))
print(pow(3, 1000, 10 ** 9 + 7), pow(2, -1, 97), pow(12345, 6789, 2 ** 64))
print(math.factorial(60))
print(math.comb(100, 50), math.perm(30, 10))
print(math.gcd(2 ** 100 - 1, 2 ** 60 - 1), math.lcm(2 ** 40, 6 ** 20), math.isqrt(10 ** 50 + 12345))
print(a.bit_length(), b.bit_length(), (a - 1).bit_count(), (-a).bit_length())
print(a >> 190, a << 3 == a * 8, (a | 1) & 0xFF, a ^ (a - 1), ~a)
print(hex(b), oct(a)[:20], bin(b)[:40])
print(int("1" * 60), int("-" + "ff" * 10, 16), int("z" * 15, 36), int("0b" + "10" * 40, 0))
print(str(7 ** 77)[::-1])
n = 12345678901234567890123456789
print(n.to_bytes(16, "big").hex(), int.from_bytes(n.to_bytes(16, "little"), "little") == n)
print((-n).to_bytes(16, "big", signed=True).hex(), int.from_bytes(b"\xff" * 9, "big", signed=True))
print(float(2 ** 1000) == 2.0 ** 1000, int(1e22), int(-2.5e18), round(10 ** 25, -20))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 / 10 ** 398, 10 ** 20 / 3, 7 ** 40 // 7 ** 38)
print(abs(-a) == a, -(-a) == a, a > b, a == 2 ** 200, sorted([b, a, -a, 0]) [0] == -a)
print(sum(range(10 ** 6)), sum(i * i for i in range(1, 1001)))
fib = [0, 1]
for _ in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[300])
print(int.__name__, (10 ** 18 + 1) * (10 ** 18 - 1), (2 ** 64) ** 3)
print(format(2 ** 100, ","), format(-(2 ** 70), "_x"), f"{3 ** 50:>60}")
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -(7 // 2), int(-7 / 2))
print(True + True, True * 10 ** 20, (1 << 64) - 1, (1 << 31) - 1, -(1 << 63))
print(0x7FFFFFFF + 1, 2 ** 31 * 2 ** 31 == 2 ** 62, (2 ** 32 - 1) * (2 ** 32 - 1))
x = 1
for i in range(1, 40):
    x = x * i + (i ^ 0x5A5A)
print(x, x % 1000000007)
print(int("٣٤٥"), int(" 42 "), int("1_000_000"), int("-0"), int(3.99), int(-3.99))
