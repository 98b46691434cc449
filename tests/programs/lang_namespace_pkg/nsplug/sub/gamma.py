from .. import beta
from ..alpha import hello as alpha_hello


def hello():
    return f"hello from {__name__} (package {__package__})"


def uses():
    return [beta.__name__, alpha_hello.__module__]
