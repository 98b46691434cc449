"""Functions a host calls (tests/web/node_exports.mjs and the browser test).

Built with --export for each function below; `calls` and `notes` are the
state that must survive from one call to the next.
"""
import sys

calls = 0
notes = []


def add(a: int, b: int) -> int:
    global calls
    calls += 1
    return a + b


def count() -> int:
    return calls


def scale(x: float, factor: float) -> float:
    return x * factor


def is_even(n: int) -> bool:
    return n % 2 == 0


def negate(flag: bool) -> bool:
    return not flag


def greet(name: str) -> str:
    return f"Hello, {name}!"


def reverse(data: bytes) -> bytes:
    return data[::-1]


def remember(note: str) -> None:
    notes.append(note)


def recall(sep: str) -> str:
    return sep.join(notes)


def busy(n: int) -> int:
    """Runs for a while (the browser test checks the page stays responsive)."""
    total = 0
    for i in range(n):
        total += i % 7
    return total


def fail(message: str) -> int:
    raise ValueError(message)


def leave(code: int) -> None:
    sys.exit(code)


def too_big() -> int:
    return 2**63


def wrong_type() -> int:
    return "not an int"


def surrogate() -> str:
    return "\udc80"


def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


def deep(n: int) -> int:
    """Recursion deeper than any native stack holds: a trap, not an exception."""
    sys.setrecursionlimit(n + 100)
    return depth(n)


def forget() -> int:
    global forget
    del forget  # the next call finds no function
    return 1


def int_as_float() -> float:
    return 2**53


def huge_float() -> float:
    return 10**400


def not_float() -> float:
    return "1.5"


def not_bool() -> bool:
    return 1


def not_bytes() -> bytes:
    return "text"


def buffer() -> bytes:
    return bytearray(b"ba")


def lose_stderr() -> int:
    sys.stderr = None
    raise KeyError("no stderr")


def close_stdout() -> None:
    sys.stdout.close()


print("calc: initialised, argv =", sys.argv[1:])

if __name__ == "__main__":
    print("calc: run as a program")
