# statistics and math module functions.
import math
import statistics as st
from fractions import Fraction

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode(data), st.multimode([1, 1, 2, 2, 3]), st.pstdev(data), round(st.stdev(data), 12), st.pvariance(data), st.variance(data))
print(st.harmonic_mean([40, 60]), round(st.geometric_mean([54, 24, 36]), 9), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(st.quantiles(range(1, 101), n=4), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=5, method="inclusive"))
print(st.mean([Fraction(1, 3), Fraction(2, 3)]), st.variance([Fraction(1, 2), Fraction(3, 2), Fraction(5, 2)]))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(round(st.correlation(x, y), 10), round(st.covariance(x, y), 10), st.linear_regression(x, y))
nd = st.NormalDist(100, 15)
print(nd.mean, nd.stdev, round(nd.cdf(115), 10), round(nd.inv_cdf(0.975), 8), round(nd.pdf(100), 12), [round(q, 9) for q in nd.quantiles(4)])
print(nd + 10, nd * 2, round(st.NormalDist(0, 1).overlap(st.NormalDist(1, 1)), 10))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print("StatisticsError:", e)


def r(*vals):
    # libm results may differ in the last ulp between C libraries: compare 12 significant digits
    return " ".join(f"{v:.12g}" for v in vals)


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), r(math.cbrt(27), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log1p(1e-10)))
print(r(math.sin(math.pi / 6), math.cos(math.pi / 3), math.tan(math.pi / 4), math.asin(1), math.acos(0), math.atan2(1, -1)))
print(r(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5)))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.floor(-1.5), math.ceil(-1.5), math.trunc(1.9), math.fabs(-3), math.fmod(-7, 3), math.remainder(7, 3), -7 % 3)
print(math.factorial(20), math.comb(10, 3), math.perm(10, 3), math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.isqrt(99))
print(math.prod([1, 2, 3, 4]), math.prod(range(1, 6), start=2), math.fsum([0.1] * 10), r(math.exp2(10)))
print(r(math.gamma(5), math.lgamma(10), math.erf(1), math.erfc(1), math.expm1(1e-5), math.pow(2, 0.5)))
print(math.isfinite(1e308), math.isclose(1.0, 1.0 + 1e-10), math.copysign(3, -0.0), math.frexp(8), math.ldexp(1, 10))
print([round(math.sin(k * math.pi / 4), 12) for k in range(8)])
for bad in (lambda: math.log(0), lambda: math.sqrt(-1), lambda: math.factorial(-1), lambda: math.acos(2)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print(r(sum(1 / math.factorial(k) for k in range(20)), 4 * sum((-1) ** k / (2 * k + 1) for k in range(1000))))
