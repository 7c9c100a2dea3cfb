"""Languages spoken mostly in countries that criminalise same-sex relations.

A mention written in one of them, whose writer places themself nowhere, may well come
from such a country; like Russian for Russia, that is reason enough to protect. Scripts
are told by their letters; Latin-script languages by words no other language here uses
(Swahili, Hausa, Malay, Uzbek, Somali, Wolof, Luganda, West African Pidgin), and
Arabic in Latin letters by its digits.
"""

from __future__ import annotations

import re

from bot.locate._normalise import fold

# Arabic (Arabic, Persian, Urdu, Pashto, Sindhi), Thaana (Maldives), Bengali, Sinhala,
# Myanmar and Ethiopic (Amharic, Tigrinya).
_SCRIPTS = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u0780-\u07bf\u0980-\u09ff\u0d80-\u0dff\u1000-\u109f\u1200-\u137f]{2,}"
)
_WORDS = frozenset(
    fold(w)
    for w in str.split(
        # Swahili
        "ninaishi naishi tunaishi habari asante ninawezaje nawezaje tunawezaje kusaidia "
        "tafadhali jambo sana "
        # Hausa
        "zaune sannu taimaka taimakawa nagode "
        # Malay
        "tinggal boleh macam bagaimana terima kasih saya nak petisyen "
        # Uzbek and Turkmen
        "yashayman yashaymiz qanday yordam rahmat salom ýaşaýaryn kömek "
        "яшайман яшаймиз қандай ёрдам раҳмат салом "
        # Somali, Wolof, Luganda, Nigerian and Ghanaian Pidgin
        "waxaan nool sidee caawin mahadsanid nanga jërëjëf jerejef webale nsobola "
        "abeg wetin chale"
    )
)


# Arabic in Latin letters (Arabizi) writes sounds as digits inside words: "n3awnou".
_ARABIZI = re.compile(r"\b[a-z]+[2379][a-z]+\b", re.IGNORECASE)


def writes_arabizi(text: str) -> bool:
    """Arabic in Latin letters: a 2, 3, 7 or 9 inside a word ("kifach n3awnou")."""
    return bool(_ARABIZI.search(text))


def writes_risk_language(body: str, keys: list[str]) -> bool:
    return bool(_SCRIPTS.search(body)) or not _WORDS.isdisjoint(keys) or writes_arabizi(body)
