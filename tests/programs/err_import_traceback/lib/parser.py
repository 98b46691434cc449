class ParseError(ValueError):
    pass


def convert(token, position):
    try:
        return int(token)
    except ValueError as exc:
        raise ParseError(f"token {position} is not an integer: {token!r}") from exc


def parse(text):
    return [convert(tok, i) for i, tok in enumerate(text.split())]
