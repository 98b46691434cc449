# Uncaught AssertionError with a message from an assert statement inside a helper.
def mean(xs):
    assert len(xs) > 0, "mean() of empty sequence"
    return sum(xs) / len(xs)


def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / len(xs)


datasets = {"small": [1, 2, 3, 4], "flat": [5, 5, 5], "wide": [-10, 0, 10, 100]}
for name, xs in datasets.items():
    print(f"{name}: mean={mean(xs):.3f} variance={variance(xs):.3f}")
try:
    mean([])
except AssertionError as e:
    print("caught once:", e)
print("assert enabled:", __debug__)
print("calling variance([]) without a handler")
print(variance([]))
