# decimal and fractions: exact arithmetic, contexts, rounding, conversions.
import decimal
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, localcontext
from fractions import Fraction

print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.10") * 3, Decimal("10") / Decimal("3"))
print(Decimal("1.005").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.675").quantize(Decimal("0.01")))
for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING):
    print(mode, [str(Decimal(x).quantize(Decimal("1"), rounding=mode)) for x in ("2.5", "3.5", "-2.5", "2.1")])
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(1) / Decimal(7))
    print(Decimal(2).sqrt())
print(decimal.getcontext().prec, Decimal(1) / Decimal(7))
print(Decimal("123.4500").normalize(), Decimal("1E+3").normalize(), Decimal("-0"), Decimal("NaN"), Decimal("-Infinity"))
print(Decimal("3.14159").as_tuple(), Decimal("12.3400").as_integer_ratio(), int(Decimal("7.9")), float(Decimal("0.5")))
print(Decimal("10").exp().quantize(Decimal("1.000")), Decimal("100").ln(), Decimal("1000").log10(), Decimal(2) ** 100)
print(Decimal("7") // Decimal("2"), Decimal("-7") // Decimal("2"), Decimal("-7") % Decimal("2"), divmod(Decimal("7.5"), 2))
print(sorted([Decimal("1.1"), Decimal("1.01"), Decimal("1.10")]), Decimal("1.1") == Decimal("1.10"), Decimal("0.1") == 0.1)
print(f"{Decimal('1234567.891'):,.2f}", f"{Decimal('0.000012345'):.3e}", format(Decimal("5"), "08.3f"))
try:
    Decimal("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__name__)
ctx = decimal.Context(prec=5, rounding=ROUND_DOWN)
print(ctx.divide(Decimal(2), Decimal(3)), ctx.add(Decimal("1.23456789"), Decimal(0)), ctx.power(Decimal(3), 20))
print(sum(Decimal("0.01") for _ in range(100)), Decimal(10) ** -3, Decimal("1.5").to_integral_value(), Decimal("2.5").to_integral_value())
print(Decimal("1e-7"), Decimal("123e5"), str(Decimal("0.00000001")), Decimal("5").compare(Decimal("3")), Decimal("-3").copy_abs())

f = Fraction(3, 4)
g = Fraction("2/6")
print(f, g, f + g, f - g, f * g, f / g, f ** 2, -f, abs(Fraction(-1, 3)), f ** -1)
print(Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction("3.1415"), Fraction(Decimal("1.25")), Fraction(5))
print(f.numerator, f.denominator, float(f), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 3))
print(Fraction(1, 3) + 1, 1 - Fraction(1, 3), Fraction(1, 2) + 0.5, Fraction(1, 2) == 0.5, Fraction(1, 3) < Fraction(1, 2))
print(sum(Fraction(1, n) for n in range(1, 11)), Fraction(10, -4), Fraction(-3, -9), Fraction(1, 3).as_integer_ratio())
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
h = Fraction(0)
for k in range(1, 21):
    h += Fraction(1, k * k)
print(h, float(h))
print(Fraction(2, 3).limit_denominator(1), Fraction(math_pi := 3.141592653589793).limit_denominator(1000), math_pi)
print(sorted([Fraction(2, 3), Fraction(1, 2), Fraction(5, 7)]), max(Fraction(1, 7), Fraction(1, 6)), str(Fraction(-7, 3)), repr(Fraction(1, 2)))
print(Fraction(1, 3) // Fraction(1, 7), Fraction(7, 3) % 1, divmod(Fraction(7, 2), Fraction(1, 3)), Fraction(4, 9) ** Fraction(1, 2))
