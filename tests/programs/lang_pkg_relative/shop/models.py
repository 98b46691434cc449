from . import INIT_LOG

INIT_LOG.append(__name__)


class Product:
    def __init__(self, name, cents):
        self.name = name
        self.cents = cents

    def __repr__(self):
        return f"Product({self.name!r}, {self.cents})"
