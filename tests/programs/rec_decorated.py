# Recursion through decorated functions: wrapper decorators (2 frames per level),
# pass-through decorators (1 frame per level) and lru_cache (C-level wrapper).
import functools

trace_calls = 0


def counting(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        global trace_calls
        trace_calls += 1
        return func(*args, **kwargs)
    return wrapper


registry = []


def register(func):
    registry.append(func.__name__)
    return func


@counting
def wrapped_depth(n):
    return 0 if n == 0 else wrapped_depth(n - 1) + 1


@register
def registered_depth(n):
    return 0 if n == 0 else registered_depth(n - 1) + 1


@functools.lru_cache(maxsize=None)
def cached_depth(n):
    return 0 if n == 0 else cached_depth(n - 1) + 1


@functools.lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print("wrapped_depth(420) =", wrapped_depth(420), "wrapper calls:", trace_calls)
print("registered_depth(990) =", registered_depth(990), registry)
print("cached_depth(420) =", cached_depth(420), cached_depth.cache_info().currsize)
print("cached_depth(840) =", cached_depth(840), "(builds on cache)")
print("partitions(100) =", partitions(100, 100))


class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
        functools.update_wrapper(self, f)

    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]


@Memo
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


print("collatz_len(27) =", collatz_len(27), collatz_len.__name__)
print("longest under 1000:", max(range(1, 1000), key=collatz_len))
