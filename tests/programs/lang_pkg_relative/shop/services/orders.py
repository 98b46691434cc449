from .. import INIT_LOG
from ..models import Product
from ..util import fmt
from . import __name__ as parent_name

INIT_LOG.append(__name__)


class Order:
    def __init__(self, customer):
        self.customer = customer
        self.lines = []

    def add(self, product: Product, qty):
        self.lines.append((product, qty))

    def total(self):
        return sum(p.cents * q for p, q in self.lines)

    def summary(self):
        items = ", ".join(f"{q}x {p.name}" for p, q in self.lines)
        return f"{self.customer}: {items} = {fmt.money(self.total())}"


def describe_packages():
    return {"module": __name__, "package": __package__, "parent": parent_name, "spec_parent": __spec__.parent}
