"""Writers who say it is unsafe to speak where they are (for bot.locate).

"our republic is not safe for people like me", "тут про таке краще мовчати", "Douala
ici. C'est risqué chez nous": whoever says this is telling us a public reply could hurt
them, whether or not they name the place. The neutral protect message is the right answer
wherever they are, so this protects without placing anyone, in any language it knows.

A word of danger (or of keeping quiet, or "safe" negated) counts only near a word for
"here" ("chez nous", "у нас", "for me"): "it is not safe for gay men in Chechnya" is the
topic, not the writer. Read from the folded words, so most mentions cost a set lookup.
"""

from __future__ import annotations

import itertools
import re

from bot.locate._normalise import fold, folded_words

HERE = folded_words(
    "here ici aqui aca qui hier burada sini disini hapa тут здесь тук овде овдје ovde ovdje "
    "мұнда yerda ерда այստեղ აქ هنا هني هون هنايا اینجا یہاں כאן פה yahan yaha idhar"
)  # fmt: skip
# Two-word "here"s: "chez nous", "у нас", "for me", "kat sini".
HERE_PAIRS = frozenset(tuple(fold(w) for w in pair) for pair in (
    ("chez", "nous"), ("у", "нас"), ("for", "me"), ("for", "us"), ("kat", "sini"),
    ("pour", "moi"), ("para", "mi"), ("para", "mim"), ("per", "me"), ("fur", "mich"),
    ("voor", "mij"), ("where", "i"), ("my", "country"), ("our", "country"),
))  # fmt: skip
DANGER = folded_words(
    "dangerous risky unsafe risque dangereux peligroso arriesgado perigoso arriscado "
    "pericoloso rischioso gefahrlich gevaarlijk tehlikeli bahaya berbahaya hatari "
    "опасно небезопасно небезпечно небяспечна opasno опасно қауіпті xavfli хавфли "
    "վտանգավոր საშიშია "
    "სახიფათოა خطر خطير خطرناک خطرناکه מסוכן khatarnak "
    # Keeping quiet: "лучше молчать", "краще мовчати", "այդ մասին չեն խոսում".
    "молчать молчим мовчати мовчимо маўчаць маўчым шэпчуць шепчут шепочуть խոսում"
    # Fear where they are: "we know this fear too well down here", "di sini serem".
    " fear afraid scared scary serem seram takut מפחד מפחדת פוחד פוחדת"
)  # fmt: skip
SAFE = folded_words(
    "safe seguro sur sicuro sicher veilig guvenli aman selamat salama безопасно безпечно "
    "безбедно sigurno امن آمن בטוח"
)  # fmt: skip
NOT = folded_words(
    "not isn't isnt never no pas nicht niet degil tidak tak si не ні нє није nije نیست "
    "مش مو غير לא nahi nahin"
)  # fmt: skip
WINDOW = 6  # words between the danger and the "here"

# Phrases with no "here": the writer's own words say it ("can't say more", "our republic").
_PHRASES = re.compile(
    r"\b(?:can'?t|cannot|can not|won'?t) say (?:much|more|anything more|too much)\b|"
    r"\b(?:can'?t|cannot|can not) (?:talk|speak|chat) (?:about (?:this|it) )?"
    r"(?:openly|out loud|in public|publicly|freely)|"
    r"\bcyaan (?:chat|talk|seh|say)\b|"
    r"\bhard to (?:talk|speak) (?:about (?:this|it) )?(?:openly|here|freely)|"
    r"\b(?:susah|sukar|tak boleh|tidak bisa|sulit|takut) (?:nak |mau |untuk )?"
    r"(?:cakap|bicara|ngomong|bercakap)[^.!?\n]{0,30}?(?:secara terbuka|terang-terangan)|"
    r"\b(?:açıkça|rahatça) konuşmak (?:zor|imkansız|imkânsız|tehlikeli)|"
    r"\b(?:impossible|interdit|compliqué|difficile|dur|dangereux) d'en parler|"
    r"\bon ne peut pas en parler|"
    r"\bour republic\b|"
    r"\b(?:have|need|got) to be (?:very |really |extra |so )?careful|"
    r"\bis it (?:safe|risky|dangerous) (?:for me |for us )?to [^.!?\n]{0,40}?"
    r"(?:from here|here|where i (?:live|am))|"
    r"\b(?:yahan|yaha|idhar)\b[^.!?\n]{0,40}?\bsafe (?:hai|h) kya"
)
_PHRASE_WORDS = folded_words(
    "say talk speak chat cyaan republic careful safe acikca rahatca impossible interdit peut "
    "complique difficile dur dangereux terbuka terang"
)
# Not wanting to be exposed ("каб не засвяціцца", "не светясь", "без палева"): hiding.
_HIDING = re.compile("засвет|засвеч|засвяц|засвіт|не светясь|не свецячыся|без палева")
# Hindi and Bengali: the tokeniser splits words at vowel signs, so read the raw text.
_GLUED = re.compile(
    "(?:यहाँ|यहां)[^.!?\n]{0,40}?(?:खतरनाक|ख़तरनाक|सुरक्षित नहीं)|এখানে[^.!?\n]{0,40}?(?:বিপজ্জনক|নিরাপদ না)"
)


def says_unsafe_here(body: str, keys: list[str]) -> bool:
    """The writer says speaking up is unsafe where they are."""
    if not (DANGER.isdisjoint(keys) and SAFE.isdisjoint(keys)):
        for i, key in enumerate(keys):
            if (key in DANGER or (key in SAFE and _negated(keys, i))) and _near_here(keys, i):
                return True
    if not _PHRASE_WORDS.isdisjoint(keys) and _PHRASES.search(body.casefold()):
        return True
    if not body.isascii() and _HIDING.search(body.casefold()):
        return True
    return ("यह" in body or "এখানে" in body) and bool(_GLUED.search(body))


def _negated(keys: list[str], i: int) -> bool:
    return any(k in NOT for k in keys[max(0, i - 3) : i + 2])


def _near_here(keys: list[str], i: int) -> bool:
    lo, hi = max(0, i - WINDOW), min(len(keys), i + WINDOW + 1)
    near = keys[lo:hi]
    if not HERE.isdisjoint(near):
        return True
    return any((a, b) in HERE_PAIRS for a, b in itertools.pairwise(near))
