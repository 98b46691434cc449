"""A module whose functions a host calls (tests/web: --export)."""
import sys

calls = 0
history = []


def add(a: int, b: int) -> int:
    global calls
    calls += 1
    return a + b


def scale(x: float, factor: float) -> float:
    return x * factor


def is_even(n: int) -> bool:
    return n % 2 == 0


def negate(flag: bool) -> bool:
    return not flag


def greet(name: str) -> str:
    history.append(name)
    return f"Hello, {name}! ({len(history)} so far)"


def reverse(data: bytes) -> bytes:
    return data[::-1]


def count() -> int:
    return calls


def remember(item: str) -> None:
    history.append(item)


def fail(message: str) -> int:
    raise ValueError(message)


def big() -> int:
    return 2**63


def wrong_type() -> int:
    return "not an int"


print("calc: initialised, argv =", sys.argv[1:])

if __name__ == "__main__":
    print("calc: run as a program")
