from .. import INIT_LOG

INIT_LOG.append(__name__)


def money(cents):
    return f"${cents // 100:,}.{cents % 100:02d}"
