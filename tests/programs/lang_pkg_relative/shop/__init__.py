"""Top-level package: importing it imports its submodules."""
INIT_LOG = ["shop"]
from . import models
from .models import Product
from .util import fmt

__all__ = ["models", "Product", "fmt"]
INIT_LOG.append("shop done")
