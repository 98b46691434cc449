# Closures, cell variables, nonlocal, late binding.
def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter(10)
print(inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
print([c.cell_contents for c in inc.__closure__])

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        return inner()

    r = middle()
    return r, x


print(outer())


def accumulate():
    total = []

    def add(v):
        total.append(v)
        return sum(total)

    return add


acc = accumulate()
print([acc(v) for v in (1, 2, 3, 4)])


def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed


h = compose(lambda v: v + 1, lambda v: v * 2, str.__len__)
print(h("hello"))


def fib_memo():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]

    return fib


fib = fib_memo()
print(fib(80))


def late():
    fs = []
    for name in ["a", "b"]:
        def f():
            return name
        fs.append(f)
    name = "z"
    return [f() for f in fs]


print(late())


def unbound():
    def g():
        return y
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return g()


print(unbound())


def shadow():
    v = 1
    def reader():
        try:
            print(v)
            v = 2
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
    reader()


shadow()
