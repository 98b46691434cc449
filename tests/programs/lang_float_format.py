# Float repr, rounding, formatting, special values, float methods.
import math

vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789.123456789, 1.0, -0.0,
        5e-324, 1.7976931348623157e308, 2.5, 3.5, 0.5, 1.5, 100.0, 1e22, 1e23, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), f"{v:.3g}", f"{v:.10e}", f"{v:20.6f}"[-20:].strip() if abs(v) < 1e20 else "big")
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675)])
print(round(2.675, 2), round(1.005, 2), round(123.456, -1), round(-1.25, 1), round(0.125, 2))
print(float("inf"), -float("inf"), float("nan"), float("  -1.5e3 "), float("1_000.5"), float("-inf"))
print(math.isinf(1e308 * 10), math.isnan(float("inf") - float("inf")), 1e308 * 10 == float("inf"))
print((0.1).hex(), float.fromhex("0x1.999999999999ap-4"), (2.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer(), int(2.9999), math.trunc(-2.5), math.floor(-2.5), math.ceil(-2.5))
print(7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, divmod(7.5, 2), divmod(-7.5, 2), 7.5 % -2)
print(2 ** 0.5, 10 ** -2, f"{((-8) ** (1 / 3)).real:.12g}", pow(2.0, 10), 0.0 ** 0, math.sqrt(2))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError raised", type(e).__name__)
print(f"{1234.5678:,.2f} {0.000123:.2e} {12:.3f} {-3.14159:+.1f} {2.5:08.3f} {1e10:,.0f}")
print(f"{0.1:.20f} {1/7:.15f} {1e-5:f} {123.0:g} {1e-5:g} {1.23456789e-4:G}")
print("%.3f %10.2e %-8.1f| %g %G" % (math.pi, math.e * 1000, 2.25, 1e-10, 1e20))
print(sum([0.1] * 10), math.fsum([0.1] * 10), sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]))
print(float(10 ** 16 + 1), float(2 ** 53 + 1), 0.1 * 3, 1.1 * 1.1, 3 * 1.1)
print(1e300 * 1e10, -1e300 * 1e10, 1e-320, 1e-330, 4.9e-324 / 2)
print(str(1e15), str(1e16), str(123456789012345.6), str(0.0001), str(0.00001))
print(math.copysign(1, -0.0), math.frexp(10.0), math.ldexp(0.625, 4), math.modf(-3.75))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0, abs_tol=1e-9), math.nextafter(1.0, 2.0), math.ulp(1.0))
print(sorted([3.3, -1.0, float("inf"), 0.0, -float("inf"), 2.2]))
print(int(1e18), int(float("1e18")), float(123), 5 / 2, 4 / 2, type(4 / 2).__name__)
print(hash(1.0) == hash(1), 1.0 == 1, {1.0: "a", 1: "b"})
print(round(1e15 + 0.3), round(-0.0), round(5.5), round(6.5), round(1234.5, -2))
print(format(float("nan"), "f"), format(float("inf"), "e"), format(-float("inf"), "+g"), f"{float('nan'):>6}")
