# RecursionError raised by C-level recursion (repr/json/== of deeply nested data) is caught.
import json

deep = []
for _ in range(100000):
    deep = [deep]
try:
    repr(deep)
except RecursionError as e:
    print("repr of deep list:", type(e).__name__)
try:
    json.dumps(deep)
except RecursionError as e:
    print("json.dumps of deep list:", type(e).__name__)
other = []
for _ in range(100000):
    other = [other]
try:
    deep == other
except RecursionError as e:
    print("== of deep lists:", type(e).__name__)
deep_dict = {}
for _ in range(100000):
    deep_dict = {"k": deep_dict}
try:
    str(deep_dict)
except RecursionError as e:
    print("str of deep dict:", type(e).__name__)
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError as e:
    print("json.loads of deep text:", type(e).__name__)
try:
    eval("(" * 300 + "1" + ")" * 300)
    print("eval nested parens ok")
except (RecursionError, SyntaxError, MemoryError) as e:
    print("eval nested parens:", type(e).__name__)
shallow = []
for _ in range(200):
    shallow = [shallow]
print("moderate nesting repr length:", len(repr(shallow)), json.dumps(shallow)[:10])
print("done")
