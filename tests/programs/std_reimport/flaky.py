import builtins

ATTEMPTS = getattr(builtins, "_flaky_attempts", 0) + 1
builtins._flaky_attempts = ATTEMPTS
if ATTEMPTS == 1:
    try:
        raise ValueError("first import of flaky fails")
    finally:
        del ATTEMPTS
