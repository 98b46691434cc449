# global / nonlocal declarations, module namespace, builtins shadowing, del.
counter = 0
config = {"debug": False}


def bump():
    global counter
    counter += 1
    return counter


def mutate():
    config["debug"] = True  # no global needed for mutation


def create_global():
    global created_later
    created_later = "made inside function"


print(bump(), bump(), counter)
mutate()
print(config)
create_global()
print(created_later)


def outer():
    x = 1
    y = 10

    def mid():
        nonlocal x
        x += 1

        def inner():
            nonlocal x, y
            x *= 10
            y -= 1
            global counter
            counter = 100
        inner()
    mid()
    mid()
    return x, y


print(outer(), counter)


def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")


print(shadow_builtin(), len("abc"))
import builtins
print(builtins.len is len, type(__builtins__).__name__ in ("module", "dict"))

list_ = list
def local_list():
    list = "local"
    return list


print(local_list(), list_ is list)

x = "module x"


class K:
    x = "class x"

    def method(self):
        return x

    y = [x for _ in range(1)]
    z = x


print(K().method(), K.y, K.z)


def deleter():
    global x
    del x


deleter()
try:
    print(x)
except NameError as e:
    print("NameError:", e)
x = "restored"
print(globals()["x"], "deleter" in globals(), sorted(k for k in globals() if k.startswith("co")))


def gen_globals():
    g = {"a": 1}
    exec("b = a + 1\nglobal c\nc = b * 10", g)
    return {k: v for k, v in g.items() if k != "__builtins__"}


print(gen_globals())


def nonlocal_loop():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total


print(nonlocal_loop())

try:
    exec("def f():\n    nonlocal q\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("def f(a):\n    global a\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
