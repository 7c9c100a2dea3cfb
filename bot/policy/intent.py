"""What a mention asks: to stop, nothing at all, or something. Pure word lists.

A mention asks to stop only when, after dropping @handles, links, emoji, punctuation and
fillers ("please", "bitte", "пожалуйста", "bot"...), what is left is one stop phrase.
It asks nothing when it has no letters or digits, or only thanks and fillers, or an
insult and no sign of asking; a question mark or any asking word always wins.
"""

from __future__ import annotations

import re
import unicodedata

from bot.content.textrules import URL_RE, nfc

MAX_TEXT = 4000  # longer mentions are cut before matching: X caps posts far below this


def _vocab(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FILLERS = _vocab("""
please pls plz plese bitte svp stp merci porfa favor por prego proszę prosze por-favor
alsjeblieft aub snälla пожалуйста плз bot бот the it now just ok okay
""") | {"s'il", "vous", "plaît", "plait"}
_STOP_PHRASES = frozenset({
    "stop", "stop it", "stop replying", "stop replying to me", "stop messaging me",
    "stop tagging me", "stop spamming", "stop spamming me", "unsubscribe", "opt out",
    "optout", "opt-out", "leave me alone", "go away", "no more", "no more replies",
    "don't reply", "dont reply", "do not reply", "stfu",
    "стоп", "хватит", "отписаться", "отписка", "отстань", "не пиши", "не пишите",
    "hör auf", "hoer auf", "hör auf damit", "stopp", "lass mich in ruhe", "abmelden",
    "arrête", "arrete", "arrêtez", "arretez", "laisse moi tranquille", "désabonner",
    "para", "pare", "basta", "déjame en paz", "dejame en paz", "detente", "detén",
    "smettila", "lasciami in pace", "hou op", "laat me met rust", "afmelden",
    "pára", "chega", "me deixa em paz", "przestań", "przestan", "wypisz mnie",
    "sluta", "lämna mig ifred", "avsluta",
})
_THANKS = _vocab("""
thanks thank you ty thx tnx thanx cheers appreciated appreciate much so very a lot
many danke dankeschön vielen schön sehr merci beaucoup gracias muchas mil grazie mille
tante dank je wel bedankt obrigado obrigada muito dziękuję dzięki dzieki bardzo tack
så mycket спасибо большое огромное благодарю great good nice awesome amazing love
closethecamps chechnya eyesonchechnya solidarity for this that it all everyone
""")
_ABUSE = _vocab("""
fuck fucking fuck-off shit bullshit idiot idiots stupid moron dumb scum spam spammer
fake liar liars propaganda shut garbage trash pervert perverts degenerate degenerates
scheiße scheisse idiot merde connard putain mierda idiota puta cazzo stronzo
kut klootzak porra merda kurwa chuj idiota skit idiot хуй пошел пошёл нахуй блядь
сука дурак идиот пропаганда фейк ложь
""")
_ASKING = _vocab("""
help helps helping how what where which who when why can could should would may might
do does tell info information resources resource petition sign donate embassy
representative representatives mp mps congress senator ambassador un action act
hilfe helfen wie was wo kann können könnte soll sollte tun machen unterstützen
aide aider aidez comment quoi où peux peut puis-je faire agir soutenir
ayuda ayudar ayudo cómo como qué que dónde donde puedo puede hacer apoyar
помогите помочь помощь помогу помоги как что где чем могу можно делать сделать
aiuto aiutare aiutarvi come cosa dove posso può fare
hulp helpen hoe wat waar kan kunnen doen
ajuda ajudar ajudo onde posso pode fazer
pomoc pomóc pomocy jak co gdzie mogę można zrobić
hjälp hjälpa hur vad var kan göra stödja
""")
_THANKS_OR_FILLERS = _THANKS | _FILLERS
_QUESTION_MARKS = frozenset("?？¿;")  # ";" is the Greek question mark
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_HANDLE_IN_TEXT = re.compile(r"[@＠]\w{1,30}")


def clean(text: str) -> str:
    # Drop invisible format characters (bidi overrides, zero-width joiners) so they
    # cannot hide a word from the matching below.
    text = nfc(text[:MAX_TEXT])
    # isprintable() is False for every Cc, Cf and Cs character, so a printable text has
    # nothing to drop and skips the per-character loop (most mentions).
    if not text.isprintable():
        text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Cs")
                       or c in "\n\t")
    # Every link URL_RE matches holds "://" or "www." (in any case); scanning for it
    # costs more than the rest of this function, and most mentions have neither.
    if "://" in text or ("." in text and "www." in text.lower()):
        text = URL_RE.sub(" ", text)
    return _HANDLE_IN_TEXT.sub(" ", text).casefold().replace("’", "'")


def words_of(cleaned: str) -> list[str]:
    return _WORD_RE.findall(cleaned)


def asks_to_stop(text: str) -> bool:
    return asks_to_stop_words(words_of(clean(text)))


def asks_to_stop_words(words: list[str]) -> bool:
    return " ".join([w for w in words if w not in _FILLERS]) in _STOP_PHRASES


def asks_nothing(text: str) -> bool:
    cleaned = clean(text)
    return asks_nothing_words(cleaned, words_of(cleaned))


def asks_nothing_words(cleaned: str, words: list[str]) -> bool:
    if not words:
        return True
    if not _QUESTION_MARKS.isdisjoint(cleaned) or not _ASKING.isdisjoint(words):
        return False
    if _THANKS_OR_FILLERS.issuperset(words):
        return True
    return not _ABUSE.isdisjoint(words)
