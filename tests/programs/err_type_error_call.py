# Uncaught TypeError from a bad call signature inside a lambda applied in a comprehension.
def apply_all(funcs, value):
    return [f(value) for f in funcs]


def describe(f):
    code = f.__code__
    return f"{f.__name__} takes {code.co_argcount} positional argument(s)"


double = lambda v: v * 2
add = lambda v, w: v + w
funcs = [abs, double, add]
print(apply_all(funcs[:2], -4))
print(apply_all([str, repr, bool], 0))
for f in funcs[1:]:
    print(describe(f))
try:
    add(1)
except TypeError as e:
    print("caught:", e)
print("applying all three functions now")
apply_all(funcs, -4)
