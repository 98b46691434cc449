# Class-based decorators, decorators with validation, decorator expressions, decorating methods.
import functools

calls = []


def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        calls.append(f"-> {func.__name__}{args}")
        result = func(*args, **kwargs)
        calls.append(f"<- {func.__name__} = {result!r}")
        return result
    return wrapper


def counted(func):
    def wrapper(*a):
        wrapper.count += 1
        return func(*a)
    wrapper.count = 0
    return wrapper


class Memo:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.cache = {}

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.func(n)
        return self.cache[n]


@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), len(fib.cache), fib.__name__)


def validate(**types):
    def deco(func):
        @functools.wraps(func)
        def wrapper(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return func(**kwargs)
        return wrapper
    return deco


@validate(x=int, y=str)
def combine(x, y):
    return y * x


print(combine(x=3, y="ab"))
try:
    combine(x="3", y="ab")
except TypeError as e:
    print("TypeError:", e)

deco_expr = [trace, counted]


@deco_expr[1]
def via_subscript():
    return "subscript decorator"


print(via_subscript(), via_subscript.count)


class Service:
    @staticmethod
    @trace
    def static_add(a, b):
        return a + b

    @property
    @functools.lru_cache(maxsize=None)
    def heavy(self):
        return sum(range(1000))


calls.clear()
print(Service.static_add(1, 2), Service().heavy, calls)
