# Decorators: plain, with arguments, stacked, functools.wraps, class decorators.
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


def repeat(times):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*a, **k):
            return [func(*a, **k) for _ in range(times)]
        return wrapper
    return deco


def tag(name):
    def deco(func):
        def wrapper(*a, **k):
            return f"<{name}>{func(*a, **k)}</{name}>"
        return wrapper
    return deco


@trace
def add(a, b):
    """Add two numbers."""
    return a + b


@repeat(3)
def greet(who):
    return f"hi {who}"


@tag("b")
@tag("i")
def text(s):
    return s


print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(10, 20))
print(calls)
print(greet("bob"), greet.__name__)
print(text("stacked"), text.__name__)


def counted(func):
    def wrapper(*a):
        wrapper.count += 1
        return func(*a)
    wrapper.count = 0
    return wrapper


@counted
def noop(x):
    return x


for i in range(5):
    noop(i)
print("noop count", noop.count)

registry = {}


def register(key):
    def deco(cls):
        registry[key] = cls
        cls.key = key
        return cls
    return deco


@register("alpha")
class Alpha:
    pass


@register("beta")
class Beta:
    pass


print({k: v.__name__ for k, v in registry.items()}, Alpha.key)


def singleton(cls):
    instances = {}

    @functools.wraps(cls, updated=())
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get


@singleton
class Config:
    def __init__(self, v):
        self.v = v


print(Config(1).v, Config(2).v, Config(3) is Config(4), Config.__name__)
