# sys.exit("message"): message printed to stderr, exit status 1.
import sys

records = [
    {"name": "alice", "age": 30},
    {"age": 41},
    {"name": "carol", "age": "old"},
    {"name": "dave", "age": 25},
]
print("validating", len(records), "records")
errors = []
for i, rec in enumerate(records):
    if "name" not in rec:
        errors.append(f"record {i}: missing field 'name'")
    if not isinstance(rec.get("age"), int):
        errors.append(f"record {i}: bad value for 'age'")
    else:
        print(f"record {i} ok: age {rec['age']}")
print("errors found:", len(errors))
if errors:
    sys.exit(f"fatal: {len(errors)} errors: " + "; ".join(errors))
print("never printed")
