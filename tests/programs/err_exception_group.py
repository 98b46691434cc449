# Uncaught ExceptionGroup with a nested group: the boxed exception-group traceback format.
def validate(item):
    if item < 0:
        raise ValueError(f"negative: {item}")
    if item > 100:
        raise OverflowError(f"too big: {item}")
    return item


def validate_all(items):
    errors = []
    for it in items:
        try:
            validate(it)
        except Exception as e:
            errors.append(e)
    if errors:
        nested = ExceptionGroup("nested checks", [TypeError("type problem")])
        raise ExceptionGroup("validation failed", errors + [nested])


print("validating")
validate_all([1, -5, 500, 7])
