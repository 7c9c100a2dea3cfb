"""Mention -> reply policy and reply text. Pure: no files, no clock, no network.

    decide(text, *, author_handle, mention_id, lang, author_location, state, library,
           protect_mode="neutral") -> Decision

The caller supplies what the store knows about the author (AuthorState) and the
approved library built by bot.resources.load_reply_library. Rules, first match wins:

1. skip "opted-out"   the author opted out earlier (state.opted_out).
2. skip "opt-out"     this mention asks the bot to stop; Decision.opt_out is True and the
                      caller records it for good. A mention asks to stop only when, after
                      dropping @handles, links, emoji, punctuation and the fillers
                      "please/pls/bitte/s'il vous plaît/por favor/пожалуйста/..." and
                      "bot", what is left is exactly one stop phrase: stop, unsubscribe,
                      leave me alone, opt out, stop replying, стоп, хватит, отписаться,
                      hör auf, stopp, arrête, para, basta, ... ("stop the camps" is not).
3. skip "loop"        the account keeps replying to the bot (state.looping).
4. skip "cooldown"    the bot replied to this author within the cooldown. Rules 3 and 4
                      hold for people who may be in Russia too: a second public reply
                      adds exposure and nothing else.
5. skip "bad-handle"  the author handle is not 1-15 letters, digits or underscores.
6. protect            locate() says the person may be in Russia: the reply is
                      "@handle " + the one neutral body, identical for everyone, or no
                      reply at all when protect_mode is "silent" or no protect message
                      is approved. Decision.country is None and the reason is "protect".
                      Protect comes before rule 7: "помогите" alone still gets it.
7. skip "asks-nothing" the mention asks nothing. That is only when, after dropping
                      @handles and links, it has (a) no letters or digits (emoji only, a
                      bare link, punctuation), or (b) only words of thanks and fillers
                      ("thanks!", "danke", "спасибо 🙏"), or (c) an insult and no sign of
                      asking. Signs of asking always win: a question mark, any word of
                      help/how/what/where/can/should in the supported languages. Any other
                      word keeps the mention a request ("I'm in Lyon" is a self-placement).
8. reply "country" or "generic": resources for locate()'s country, else the generic
                      fallback; templates in the mention's language (X's lang, primary
                      subtag) when approved ones exist, else English. Among the eligible
                      templates one is picked by a stable hash of mention_id, so a resend
                      after a crash produces the identical text. The reply starts with
                      "@handle " and never contains the mention's text or other handles.
   skip "no-template" when no approved template fits (nothing approved yet).

decide never raises: any input text, however long or strange, yields a Decision.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from bot.content.model import ReplyLibrary, Resources, Template
from bot.content.textrules import MAX_WEIGHTED, URL_RE, nfc, weighted_length

Policy = Literal["reply", "protect", "skip"]
ProtectMode = Literal["neutral", "silent"]
HANDLE_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
MAX_TEXT = 4000  # longer mentions are cut before matching: X caps posts far below this


class Place(Protocol):
    """What decide needs from bot.locate.Placement."""

    @property
    def country(self) -> str | None: ...
    @property
    def confidence(self) -> float: ...
    @property
    def may_be_in_russia(self) -> bool: ...


Locator = Callable[[str, str | None, str | None], Place]


@dataclass(frozen=True)
class _Unknown:
    # Used when the locator itself fails: treating the person as possibly in Russia is
    # the only safe reading of "we do not know".
    country: str | None = None
    confidence: float = 0.0
    may_be_in_russia: bool = True


@dataclass(frozen=True)
class AuthorState:
    opted_out: bool = False
    in_cooldown: bool = False
    looping: bool = False


@dataclass(frozen=True)
class Decision:
    policy: Policy
    reason: str
    country: str | None
    confidence: float
    language: str
    reply: str | None
    opt_out: bool = field(default=False)


def render(template: Template, res: Resources, handle: str) -> str | None:
    """The full reply text, or None when the country lacks a field the template uses."""
    values = res.values(template.lang)
    if not template.fields <= values.keys():
        return None
    try:
        return f"@{handle} " + template.text.format_map(values)
    except (ValueError, KeyError, IndexError):  # a hand-built template with stray braces
        return None


def pick(mention_id: str, n: int) -> int:
    # sha256 rather than hash(): Python salts str hashes per process, and a resend after
    # a crash must produce the identical text.
    return int.from_bytes(hashlib.sha256(mention_id.encode("utf-8", "replace")).digest()[:8],
                          "big") % n


def compose(library: ReplyLibrary, res: Resources, lang: str, handle: str,
            mention_id: str) -> tuple[str, str | None]:
    """(language used, reply text or None)."""
    use = lang if library.templates.get(lang) else "en"
    texts = _eligible(library, res, use, handle)
    return use, (texts[pick(mention_id, len(texts))] if texts else None)


# Rendering and measuring every template of a language is most of compose's cost and
# depends only on (library, resources, language, handle), which repeat from mention to
# mention. The libraries are immutable, so remembering the result keeps compose pure.
_ELIGIBLE: dict[tuple[int, int, str, str], tuple[ReplyLibrary, Resources, tuple[str, ...]]] = {}
_ELIGIBLE_MAX = 4096


def _eligible(library: ReplyLibrary, res: Resources, use: str,
              handle: str) -> tuple[str, ...]:
    key = (id(library), id(res), use, handle)
    hit = _ELIGIBLE.get(key)
    # Identity check: an id can be reused once its object is gone.
    if hit is not None and hit[0] is library and hit[1] is res:
        return hit[2]
    texts = tuple(t for t in (render(tpl, res, handle) for tpl in library.templates.get(use, ()))
                  if t is not None and weighted_length(t) <= MAX_WEIGHTED)
    if len(_ELIGIBLE) >= _ELIGIBLE_MAX:
        _ELIGIBLE.clear()
    _ELIGIBLE[key] = (library, res, texts)
    return texts


# --- what a mention asks -------------------------------------------------------------

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


def _clean(text: str) -> str:
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


def _words(cleaned: str) -> list[str]:
    return _WORD_RE.findall(cleaned)


def asks_to_stop(text: str) -> bool:
    return _asks_to_stop(_words(_clean(text)))


def _asks_to_stop(words: list[str]) -> bool:
    return " ".join([w for w in words if w not in _FILLERS]) in _STOP_PHRASES


def asks_nothing(text: str) -> bool:
    cleaned = _clean(text)
    return _asks_nothing(cleaned, _words(cleaned))


def _asks_nothing(cleaned: str, words: list[str]) -> bool:
    if not words:
        return True
    if not _QUESTION_MARKS.isdisjoint(cleaned) or not _ASKING.isdisjoint(words):
        return False
    if _THANKS_OR_FILLERS.issuperset(words):
        return True
    return not _ABUSE.isdisjoint(words)


def _primary_lang(lang: str | None) -> str:
    if not lang:
        return "en"
    primary = lang.split("-")[0].split("_")[0].lower()
    return primary if primary.isascii() and primary.isalpha() else "en"


def _place(locator: Locator | None, text: str, where: str | None, lang: str | None) -> Place:
    if locator is None:
        from bot.locate import locate

        locator = locate
    try:
        return locator(text, where, lang)
    except Exception:  # never raise, and never fail open (see _Unknown)
        return _Unknown()


def decide(text: str, *, author_handle: str, mention_id: str, lang: str | None,
           author_location: str | None, state: AuthorState, library: ReplyLibrary,
           protect_mode: ProtectMode = "neutral", locator: Locator | None = None,
           place: Place | None = None) -> Decision:
    """The policy for one mention and, when replying, the full text to post.

    locator defaults to bot.locate.locate; tests pass their own. A caller that has
    already located this exact (text, author_location) passes the result as `place`
    so the work is not done twice; the locator is then not called.
    """
    language = _primary_lang(lang)
    text = text if isinstance(text, str) else ""
    cleaned = _clean(text)
    words = _words(cleaned)
    stop = _asks_to_stop(words)

    def skip(reason: str) -> Decision:
        return Decision("skip", reason, None, 0.0, language, None, stop)

    if state.opted_out:
        return skip("opted-out")
    if stop:
        return skip("opt-out")
    if state.looping:
        return skip("loop")
    if state.in_cooldown:
        return skip("cooldown")
    handle = author_handle.removeprefix("@") if isinstance(author_handle, str) else ""
    if not HANDLE_RE.match(handle):
        return skip("bad-handle")
    if place is None:
        place = _place(locator, text[:MAX_TEXT], author_location, lang)
    if place.may_be_in_russia:
        body = library.protect if protect_mode == "neutral" else None
        return Decision("protect", "protect", None, place.confidence, "en",
                        f"@{handle} {body}" if body else None)
    if _asks_nothing(cleaned, words):
        return skip("asks-nothing")
    res = library.countries.get(place.country or "")
    used, reply = compose(library, res or library.generic, language, handle, mention_id)
    if reply is None:
        return skip("no-template")
    return Decision("reply", "country" if res else "generic", res.code if res else None,
                    place.confidence, used, reply)
