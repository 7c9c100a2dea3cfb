"""Where is the person who wrote a mention, and may they be at risk? See _core."""

from bot.locate._core import Placement, locate
from bot.locate._risk import writes_arabizi

__all__ = ["Placement", "locate", "writes_arabizi"]
