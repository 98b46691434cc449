"""Closures, decorators and exception-heavy control flow.

Counter/accumulator closures with nonlocal, closure factories in loops,
decorators with and without arguments (functools.wraps, call counting,
memoisation, argument validation that raises), exceptions used for control
flow (custom hierarchy, raise/catch in hot loops, re-raise with `from`,
try/except/else/finally), class-based and contextlib-based context managers,
and StopIteration from hand-made iterators.

usage: closures_exc.py [scale]   (scale multiplies the iteration counts)
"""
import contextlib
import functools
import sys
import time


# ------------------------------------------------------------- exceptions

class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field, value):
        super().__init__(f"{field}={value!r}")
        self.field = field
        self.value = value


class RetryableError(AppError):
    pass


class Fatal(AppError):
    pass


# ------------------------------------------------------------- decorators

def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def validate(**limits):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(**kwargs):
            for name, (lo, hi) in limits.items():
                v = kwargs.get(name, 0)
                if not lo <= v <= hi:
                    raise ValidationError(name, v)
            return fn(**kwargs)
        return wrapper
    return deco


def memo(fn):
    cache = {}

    def wrapper(n):
        try:
            return cache[n]
        except KeyError:
            v = cache[n] = fn(n)
            return v
    wrapper.cache = cache
    return wrapper


def retry(times):
    def deco(fn):
        def wrapper(*args):
            last = None
            for attempt in range(times):
                try:
                    return fn(attempt, *args)
                except RetryableError as e:
                    last = e
            raise Fatal(f"gave up after {times}") from last
        return wrapper
    return deco


@counted
def area(w, h=1):
    return w * h


@validate(x=(0, 1000), y=(-50, 50))
def place(x=0, y=0):
    return x * 3 + y


@memo
def partitions(n):
    # number of integer partitions of n, via a closure-captured memo
    if n < 0:
        return 0
    if n == 0:
        return 1
    total = 0
    k = 1
    while True:
        g1 = k * (3 * k - 1) // 2
        if g1 > n:
            break
        g2 = k * (3 * k + 1) // 2
        sign = 1 if k % 2 else -1
        total += sign * (partitions(n - g1) + partitions(n - g2))
        k += 1
    return total


@retry(2)
def flaky(attempt, key):
    if (key + attempt) % 3 != 0:
        raise RetryableError(key)
    return key * 10 + attempt


# --------------------------------------------------------------- closures

def make_counter(start=0, step=1):
    value = start

    def inc():
        nonlocal value
        value += step
        return value

    def get():
        return value
    return inc, get


def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


# ------------------------------------------------------- context managers

class Resource:
    opened = 0
    closed = 0

    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        Resource.opened += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.closed += 1
        if exc_type is ValidationError:
            self.log.append(exc.field)
            return True  # swallow
        return False


@contextlib.contextmanager
def tracking(log, tag):
    log.append(tag)
    try:
        yield len(log)
    except KeyError as e:
        log.append("K" + str(e.args[0] % 10))
    finally:
        log.append("/" + tag)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def parse_int(s):
    try:
        return int(s)
    except ValueError:
        try:
            return int(s, 16)
        except ValueError:
            return -1


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    n = max(100, int(150000 * scale))
    t0 = time.perf_counter()
    sig = 0

    # closures
    inc, get = make_counter(5, 3)
    adders = make_adders(16)
    pipeline = compose(*adders[:6], lambda v: v * 2 % 100003)
    for i in range(n):
        inc()
        sig = (sig + pipeline(i) + adders[i % 16](i)) % 1000000007
    sig = (sig + get()) % 1000000007

    # decorators
    a = 0
    bad = 0
    for i in range(n):
        a += area(i % 17, h=i % 5)
        try:
            a += place(x=i % 1200, y=(i % 130) - 65)
        except ValidationError as e:
            bad += 1
            if e.field == "x":
                a -= 1
    parts = partitions(min(400, 50 + n // 200))

    # exception-driven control flow
    caught = {"val": 0, "key": 0, "zero": 0, "fatal": 0, "idx": 0}
    total = 0
    d = {k: k * k for k in range(0, 500, 3)}
    for i in range(n):
        try:
            total += d[i % 500]
        except KeyError:
            caught["key"] += 1
        try:
            total += 1000 // (i % 7)
        except ZeroDivisionError:
            caught["zero"] += 1
        else:
            total += 1
        finally:
            total += 2
        try:
            total += flaky(i % 11)
        except Fatal as e:
            caught["fatal"] += 1
            if isinstance(e.__cause__, RetryableError):
                total += 3
        try:
            [1, 2, 3][i % 5]
        except IndexError:
            caught["idx"] += 1
    for s in ("12", "ff", "zz", "-7", "0x1f", "1e3") * (n // 60):
        v = parse_int(s)
        if v < 0:
            caught["val"] += 1
        total += v

    # context managers
    log = []
    for i in range(n // 4):
        with Resource(i, log) as r:
            if i % 9 == 0:
                raise ValidationError("r", r.name)
            total += r.name % 13
        with tracking(log, "t") as depth:
            total += depth % 5
            if i % 5 == 0:
                raise KeyError(i)
        if len(log) > 64:
            total += len(log)
            del log[:]
    cd = 0
    for _ in range(n // 200):
        for v in Countdown(50):
            cd += v
    t1 = time.perf_counter()
    print("closures", sig)
    print("decorators", a, bad, area.calls, area.__name__, place.__name__, parts)
    print("exceptions", total, sorted(caught.items()))
    print("context", Resource.opened, Resource.closed, len(log), log[-3:], cd)
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
