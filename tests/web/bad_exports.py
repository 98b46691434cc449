"""Functions that cannot be exported; each --export of one is a build error."""


def no_annotation(a, b: int) -> int:
    return a + b


def unsupported(a: int, items: list[int]) -> int:
    return a


def no_return(a: int):
    return a


def bad_return(a: int) -> dict:
    return {}


def star(*args: int) -> int:
    return 0


def keyword_only(a: int, *, b: int) -> int:
    return a


def star_star(**kw: int) -> int:
    return 0


async def coroutine(a: int) -> int:
    return a


class Klass:
    pass


def memory() -> int:
    return 0


def terminate() -> None:
    pass


def fine(a: int) -> int:
    return a


if True:
    def nested(a: int) -> int:
        return a
