from .. import INIT_LOG

INIT_LOG.append(__name__)
