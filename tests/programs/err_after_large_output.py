# Lots of stdout output (must all be flushed) followed by an uncaught ZeroDivisionError.
import sys

for i in range(5000):
    print(f"row {i}: {i * 3}")
for i in range(100):
    sys.stderr.write(f"progress {i}%\n")


def ratio(a, b):
    return a / b


def ratios(pairs):
    return [ratio(a, b) for a, b in pairs]


print("ratio:", ratio(10, 4))
print("ratios:", ratios([(1, 2), (3, 4), (5, 8)]))
print("ratios with a zero:", ratios([(1, 2), (1, 0)]))
