# Compiled with --compile-stdlib=yes: the stdlib code below runs as C.
import collections
import dataclasses
import json
import re
import textwrap


@dataclasses.dataclass(order=True)
class Item:
    name: str
    qty: int = 0


items = sorted([Item("pear", 3), Item("apple", 5), Item("fig", 1)])
print(items)
text = json.dumps({"items": [dataclasses.asdict(i) for i in items]}, indent=2, sort_keys=True)
print(text)
print(json.loads(text)["items"][1])
words = re.findall(r"[a-z]+", "the cat and the hat and the bat")
print(collections.Counter(words).most_common(3))
print(textwrap.fill("compiled stdlib code " * 6, width=30))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("error:", e)
json.loads("[1, 2,]")
