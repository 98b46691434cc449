# Package with relative imports; prints __name__, __package__ and __file__ relative to this directory.
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (no __pycache__)
HERE = os.path.dirname(os.path.abspath(__file__))


def rel(path):
    return None if path is None else os.path.relpath(path, HERE)


print("main:", __name__, repr(__package__), os.path.basename(__file__))
import shop
from shop import models
from shop.services import orders
from shop.util.fmt import money
import shop.util as util

for mod in (shop, models, orders, util, sys.modules["shop.util.fmt"], sys.modules["shop.services"]):
    print(f"{mod.__name__:22} package={mod.__package__!r:18} file={rel(mod.__file__)}")
print("init order:", shop.INIT_LOG)
print("shop exports:", shop.__all__)
cart = orders.Order("alice")
cart.add(models.Product("Widget", 250), 3)
cart.add(models.Product("Gadget", 1999), 1)
print(cart.summary())
print("money:", money(123456), util.fmt.money(5))
print("same objects:", shop.models is models, shop.Product is models.Product, orders.fmt is util.fmt)
print("submodule attributes:", hasattr(shop, "services"), hasattr(shop.services, "orders"))
print("helper via relative import:", orders.describe_packages())
print("sorted shop modules:", sorted(k for k in sys.modules if k == "shop" or k.startswith("shop.")))
