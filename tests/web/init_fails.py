"""A module whose import fails: _initialize must report it, not trap."""


def ping() -> int:
    return 1


print("init_fails: before the error")
{}["missing"]
