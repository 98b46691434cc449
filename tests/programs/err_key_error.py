# Uncaught KeyError from a nested dictionary lookup inside a function.
inventory = {
    "apples": {"count": 3, "price": 0.5},
    "bananas": {"count": 12, "price": 0.25},
    "pears": {"count": 0},
}


def value_of(item):
    entry = inventory[item]
    return entry["count"] * entry["price"]


for item in ("apples", "bananas"):
    print(f"{item}: {value_of(item):.2f}")
try:
    value_of("kiwis")
except KeyError as e:
    print("missing item:", e, repr(e), e.args)
print("safe lookup:", inventory.get("pears", {}).get("price", "n/a"))
print("pears:", value_of("pears"))
