# cmath and complex numbers.
import cmath
import math


def c(*vals):
    # libm results may differ in the last ulp between C libraries: show 11 significant digits
    out = []
    for v in vals:
        v = complex(v)
        out.append(f"({v.real:.11g}{v.imag:+.11g}j)")
    return " ".join(out)


z = complex(3, 4)
print(z, abs(z), z.conjugate(), z.real, z.imag, z * 1j, z / (1 - 1j), z ** 2, c((1j) ** 2, 2 ** z))
print(c(cmath.phase(z), *cmath.polar(z), cmath.rect(2, math.pi / 2)), cmath.sqrt(-1), cmath.sqrt(z))
print(c(cmath.exp(1j * math.pi), cmath.log(-1), cmath.log(z, 2), cmath.log10(100j)))
print(c(cmath.sin(z), cmath.cos(z), cmath.tan(1j), cmath.asin(2), cmath.acos(2), cmath.atan(1j / 2)))
print(c(cmath.sinh(1 + 1j), cmath.cosh(1j), cmath.tanh(2 - 1j), cmath.asinh(1j), cmath.acosh(0.5), cmath.atanh(2)))
print(cmath.isclose(cmath.exp(1j * math.pi), -1), cmath.isfinite(z), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(complex("1+2j"), complex("-3.5j"), complex(" 2 "), complex(1.5), complex(0, -0.0), -0j, 0j == 0)
print(repr(1 + 0j), repr(complex(-0.0, -0.0)), repr(complex(1e20, 1e-20)), str(complex(math.inf, math.nan)))
print(f"{z:.2f}", f"{1.23456 - 9.87j:>20.3e}", format(z, "g"), f"{complex(1, 1)!r}")
roots = [cmath.rect(1, 2 * math.pi * k / 5) for k in range(5)]
print([f"{r.real:+.4f}{r.imag:+.4f}j" for r in roots])
print(abs(sum(roots)) < 1e-12)


def quadratic(a, b, c):
    disc = cmath.sqrt(b * b - 4 * a * c)
    return (-b + disc) / (2 * a), (-b - disc) / (2 * a)


print(quadratic(1, 2, 5), quadratic(1, -3, 2))
try:
    complex("1+")
except ValueError as e:
    print("ValueError:", e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    z < z
except TypeError as e:
    print("TypeError:", e)
print(hash(complex(1, 0)) == hash(1), complex(2, 0) == 2, (1 + 2j) * (3 - 4j), f"{(1 + 2j).__abs__():.12g}")
print(c(pow(1j, 1j)), pow(2j, 3), c(1j ** 0.5, (-8) ** (1 / 3)))
