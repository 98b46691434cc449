# exec, eval, compile of small strings; namespaces; code objects.
print(eval("1 + 2 * 3"), eval("x * y", {"x": 6, "y": 7}), eval("[i for i in range(n)]", {"n": 4}))
ns = {}
exec("a = 10\nb = a * 3\ndef f(z):\n    return z + b\n", ns)
print(ns["a"], ns["b"], ns["f"](1), sorted(k for k in ns if k != "__builtins__"))
code = compile("total = sum(values)", "<calc>", "exec")
env = {"values": [1, 2, 3]}
exec(code, env)
print(env["total"], code.co_filename, code.co_name, type(code).__name__)
expr = compile("p ** 2", "<expr>", "eval")
print([eval(expr, {"p": p}) for p in range(5)])
single = compile("42", "<single>", "single")
exec(single)
loc = {}
exec("import math\nr = math.sqrt(16)", {}, loc)
print(loc["r"], "math" in loc)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, e.filename, repr(e.text))
try:
    exec("def broken(:\n    pass", {})
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("x = undefined_name + 1", {})
except NameError as e:
    print("NameError:", e)
try:
    compile("if True:\n  a\n b", "<indent>", "exec")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    eval("import os")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("__builtins__ is not None"), eval("len('abc')", {"__builtins__": {"len": len}}))
try:
    eval("open", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
x = 100


def use_locals():
    y = 5
    return eval("x + y"), eval("y * 2", None, {"y": 21})


print(use_locals())
src = """
class Greeter:
    def __init__(self, who):
        self.who = who
    def hi(self):
        return 'hi ' + self.who
result = Greeter('exec').hi()
"""
g = {}
exec(src, g)
print(g["result"], g["Greeter"].__module__ if "__name__" in g else g["Greeter"].__module__)
print(eval(repr({"a": [1, 2.5, None, True, "s"]})))
import ast
print(ast.literal_eval("[1, (2, 3), {'k': -4.5}, b'x', None]"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print("ValueError:", str(e).split(" on line")[0])
tree = ast.parse("a = b + 1")
print(ast.dump(tree.body[0]))
print(ast.unparse(ast.parse("x=(1+2)*  3;y = [i for i in z if i]")))
co = compile("def inner(a, b=1):\n    c = a + b\n    return c\n", "<mod>", "exec")
consts = [c for c in co.co_consts if hasattr(c, "co_name")]
print(consts[0].co_name, consts[0].co_varnames, consts[0].co_argcount)
fn_ns = {}
exec(co, fn_ns)
print(fn_ns["inner"](2), fn_ns["inner"].__code__.co_filename)
counter = {"n": 0}
for i in range(3):
    exec("n += i", {"i": i}, counter)
print(counter)
print(eval("lambda v: v * 3")(7), eval("(lambda: __name__)()"), eval("__name__", {}))
