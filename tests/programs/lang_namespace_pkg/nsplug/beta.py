from . import alpha


def hello():
    return f"beta calls -> {alpha.hello()}"
