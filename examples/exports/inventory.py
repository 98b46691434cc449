"""A plug-in a host program calls into (README: "Calling Python from the host").

    py2wasm inventory.py --export add_item --export total --export report
"""
stock: dict[str, int] = {}


def add_item(name: str, count: int) -> int:
    """Adds COUNT of NAME; returns how many there are now."""
    if count <= 0:
        raise ValueError(f"count must be positive, got {count}")
    stock[name] = stock.get(name, 0) + count
    return stock[name]


def total() -> int:
    return sum(stock.values())


def report(title: str) -> str:
    lines = [f"{name}: {count}" for name, count in sorted(stock.items())]
    return "\n".join([title, *lines])


print("inventory plug-in loaded")
