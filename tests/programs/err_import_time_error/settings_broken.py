LIMITS = {"low": 1, "high": 10}


def check(limits):
    if limits["low"] >= limits["high"] - 20:
        raise RuntimeError(f"inconsistent limits: {limits}")


check(LIMITS)
