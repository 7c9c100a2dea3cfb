"""Reply composition: the text for one mention from the approved templates. Pure.

Templates in the mention's language when approved ones fit the country, else English (a
language whose templates all ask for Russia's embassy has none for Ukraine); among the
eligible ones a stable hash of the mention id picks one, so a resend after a crash
produces the identical text.
"""

from __future__ import annotations

import hashlib

from bot.content.lengths import Limit, X, measure
from bot.content.model import ReplyLibrary, Resources


def pick(mention_id: str, n: int) -> int:
    # sha256 rather than hash(): Python salts str hashes per process, and a resend after
    # a crash must produce the identical text.
    return (
        int.from_bytes(hashlib.sha256(mention_id.encode("utf-8", "replace")).digest()[:8], "big")
        % n
    )


def compose(
    library: ReplyLibrary,
    res: Resources,
    lang: str,
    handle: str,
    mention_id: str,
    limit: Limit = X,
) -> tuple[str, str | None]:
    """(language used, reply text or None). Only replies that fit `limit`, the platform's
    own, with this handle: a Bluesky or Mastodon handle can be far longer than X's 15."""
    use = lang if library.templates.get(lang) else "en"
    texts = _eligible(library, res, use, handle, limit)
    if not texts and use != "en":
        use, texts = "en", _eligible(library, res, "en", handle, limit)
    return use, (texts[pick(mention_id, len(texts))] if texts else None)


# Rendering and measuring every template of a language is most of compose's cost and
# depends only on (library, resources, language, handle, limit), which repeat from mention
# to mention. The libraries are immutable, so remembering the result keeps compose pure.
_ELIGIBLE: dict[
    tuple[int, int, str, str, Limit], tuple[ReplyLibrary, Resources, tuple[str, ...]]
] = {}
_ELIGIBLE_MAX = 4096


def _eligible(
    library: ReplyLibrary, res: Resources, use: str, handle: str, limit: Limit
) -> tuple[str, ...]:
    key = (id(library), id(res), use, handle, limit)
    hit = _ELIGIBLE.get(key)
    # Identity check: an id can be reused once its object is gone.
    if hit is not None and hit[0] is library and hit[1] is res:
        return hit[2]
    texts = tuple(
        t
        for t in (tpl.render(res, handle) for tpl in library.templates.get(use, ()))
        if t is not None and measure(t, limit).ok
    )
    if len(_ELIGIBLE) >= _ELIGIBLE_MAX:
        _ELIGIBLE.clear()
    _ELIGIBLE[key] = (library, res, texts)
    return texts
