from .. import INIT_LOG

INIT_LOG.append(__name__)
from . import fmt
