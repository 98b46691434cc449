__all__ = ["alpha", "beta", "helper"]


def helper():
    return "helper"
