# json: dumps/loads options, custom encoders/decoders, errors, round trips.
import json
from decimal import Decimal

data = {"name": "Widget", "price": 9.99, "tags": ["a", "b"], "stock": None, "active": True,
        "dims": {"w": 1, "h": 2.5}, "unicode": "héllo ☃", "big": 2 ** 70, "neg": -0.0}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.loads(s) == data, json.loads(s)["dims"], type(json.loads("1.0")).__name__)
print(json.dumps([1, "two", 3.0, [], {}, None, False]), json.dumps("quote\"slash\\\n\ttab"))
print(json.dumps({1: "int key", True: "bool key", None: "none key", 2.5: "float"}))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.dumps(1e100), json.dumps(0.1))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"s": {3, 1, 2}}, default=sorted))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        if isinstance(o, Decimal):
            return str(o)
        return super().default(o)


enc = json.dumps({"p": Point(1, 2), "d": Decimal("1.10")}, cls=PointEncoder)
print(enc)


def hook(obj):
    if "__point__" in obj:
        return Point(*obj["__point__"])
    return obj


back = json.loads(enc, object_hook=hook)
print(type(back["p"]).__name__, back["p"].x, back["p"].y, back["d"])
print(json.loads('{"a": 1.5, "b": 10}', parse_float=Decimal, parse_int=lambda v: int(v) * 2))
print(json.loads('[["k", 1], ["k", 2]]'), json.loads('{"k": 1, "k": 2}'))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=lambda pairs: list(pairs)))
for bad in ['{"a": }', "[1, 2", '{"a" 1}', "nul", '"unterminated', "[1,]", ""]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"JSONDecodeError {bad!r}: {e.msg} line={e.lineno} col={e.colno} pos={e.pos}")
print(json.loads('"\\u00e9\\ud83d\\ude00"'), json.loads("  [1e3, -2E-2, 0]  "), json.loads("true"))
nested = {"level": 0}
cur = nested
for i in range(1, 20):
    cur["child"] = {"level": i}
    cur = cur["child"]
out = json.dumps(nested)
print(len(out), out[:60], json.loads(out)["child"]["child"]["level"])
print(json.dumps({"b": 1, "a": [1, {"d": 2, "c": 3}]}, sort_keys=True, indent="\t"))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'))
print(json.dumps("\u2028\x00\x1f"), json.dumps("é", ensure_ascii=True), json.dumps(Decimal("1.5"), default=float))
