# lambda expressions, conditional expressions, assignment expressions (walrus).
import re

square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), square.__name__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda p: p[0] ** p[1], [(2, 3), (3, 2)])))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
sign = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 5)])

data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list has {n} elements")
values = iter(range(10))
chunks = []
while (v := next(values, None)) is not None:
    if v % 3 == 0:
        chunks.append(v)
print(chunks)
text = "key1=val1; key2=val2; junk; key3=val3"
print([m.group(1) for part in text.split("; ") if (m := re.match(r"(\w+)=", part))])
print([y for x in range(6) if (y := x * x) % 2 == 0], y)
print((total := sum(data)), total / len(data))


def f():
    if any((hit := x) > 5 for x in data):
        return f"first over 5: {hit}"
    return "none"


print(f())
stack = [1, 2, 3]
out = []
while stack and (top := stack.pop()):
    out.append(top)
print(out)
print((lambda x: (y := x + 1) * y)(4))
try:
    exec("(a.b := 1)")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
cond = True
print("yes" if cond else "no", 1 if [] else 2, [] or "default", 0 and "never", "a" and "b")
print(None or 0 or "" or "last", (1 and 2 and 3), not None, not [1])
