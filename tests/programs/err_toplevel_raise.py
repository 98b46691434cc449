# Uncaught ValueError raised directly at module level after some output.
values = [3, 1, 2]
print("sorted:", sorted(values))
print("reversed:", values[::-1], "sum:", sum(values))
config = {"mode": "fast", "retries": "3", "level": "eleven"}
parsed = {}
for key, raw in config.items():
    if raw.isdigit():
        parsed[key] = int(raw)
    else:
        parsed[key] = raw
    print(f"parsed {key!r} -> {parsed[key]!r}")
allowed_levels = range(1, 11)
print("allowed levels:", list(allowed_levels))
level = parsed["level"]
print("checking level", repr(level))
if not isinstance(level, int) or level not in allowed_levels:
    print("about to fail")
    raise ValueError(f"invalid configuration: level={level!r} (expected 1..10)")
print("never printed")
