"""The mention policy: reply, protect or skip, and the reply text. Pure: no files, no
clock, no network.

    decide(text, *, author_handle, mention_id, lang, author_location, state, library,
           protect_mode="neutral", limit=X) -> Decision

The caller supplies what the store knows about the author (AuthorState) and the
approved library built by bot.content.templates.load_reply_library. Rules, first match wins:

1. skip "opted-out"   the author opted out earlier (state.opted_out).
2. skip "opt-out"     this mention asks the bot to stop; Decision.opt_out is True and the
                      caller records it for good. A mention asks to stop only when, after
                      dropping @handles, links, emoji, punctuation and the fillers
                      "please/pls/bitte/s'il vous plaît/por favor/пожалуйста/..." and
                      "bot", what is left is exactly one stop phrase: stop, unsubscribe,
                      leave me alone, opt out, stop replying, стоп, хватит, отписаться,
                      hör auf, stopp, arrête, para, basta, ... ("stop the camps" is not),
                      or a refusal ("don't tag me") in any language with a reply file.
3. skip "loop"        the account keeps replying to the bot (state.looping).
4. skip "cooldown"    the bot replied to this author within the cooldown. Rules 3 and 4
                      hold for people who may be in Russia too: a second public reply
                      adds exposure and nothing else.
5. skip "bad-handle"  the author handle is not an X handle, a Bluesky handle (a domain)
                      or a Mastodon acct (user@domain).
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
                      subtag, legacy codes such as "iw" read as "he", "nb" as "no")
                      when approved ones fit, else English. Among the eligible templates
                      one is picked by a stable hash of mention_id, so a resend after a
                      crash produces the identical text. The reply starts with "@handle "
                      and never contains the mention's text or other handles.
   skip "no-template" when no approved template fits: nothing approved yet, or none
                      fits the platform's `limit` with this author's handle.

decide never raises: any input text, however long or strange, yields a Decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from bot.content.lengths import Limit, X
from bot.content.model import ReplyLibrary
from bot.policy.compose import compose
from bot.policy.intent import MAX_TEXT, asks_nothing_words, asks_to_stop_words, clean, words_of

Policy = Literal["reply", "protect", "skip"]
ProtectMode = Literal["neutral", "silent"]
# What a reply may put after "@": an X handle (1-15 letters, digits, _), a Bluesky handle
# (a domain name) or a Mastodon acct (user@domain). Nothing else: no spaces, no markup,
# and no trailing newline (which "$" would let through).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# A Bluesky handle's last label (its TLD) starts with a letter: "0.0" is no handle.
_TLD = r"[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HANDLE_RE = re.compile(
    rf"^(?:[A-Za-z0-9_]{{1,15}}|(?:{_LABEL}\.)+{_TLD}"
    rf"|[A-Za-z0-9_]{{1,30}}@{_LABEL}(?:\.{_LABEL})*(?::[0-9]{{1,5}})?)\Z"
)


class Place(Protocol):
    """What decide needs from bot.locate.Placement."""

    @property
    def country(self) -> str | None: ...
    @property
    def confidence(self) -> float: ...
    @property
    def may_be_in_russia(self) -> bool: ...
    @property
    def risk_language(self) -> bool: ...
    @property
    def homes(self) -> tuple[str, ...]: ...


Locator = Callable[[str, str | None, str | None], Place]


@dataclass(frozen=True)
class _Unknown:
    # Used when the locator itself fails: treating the person as possibly in Russia is
    # the only safe reading of "we do not know".
    country: str | None = None
    confidence: float = 0.0
    may_be_in_russia: bool = True
    risk_language: bool = False
    homes: tuple[str, ...] = ()


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


# Codes for a language whose templates are filed under another code: X still tags Hebrew
# "iw" and Indonesian "in" (codes withdrawn in 1989), fastText says "arz" for Egyptian Arabic
# (answered in Modern Standard Arabic) and "sh" for Serbo-Croatian (answered in Bosnian, the
# variety closest to all of Bosnian, Croatian and Serbian in the Latin script). Bokmål and
# Nynorsk readers get the Norwegian ("no", X's tag) templates; Filipino ("fil") is written
# as Tagalog ("tl"). Chinese in either script arrives as "zh" (Simplified templates).
_LANG_ALIASES = {
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "arz": "ar",
    "sh": "bs",
    "nb": "no",
    "nn": "no",
    "fil": "tl",
}


def _primary_lang(lang: str | None) -> str:
    if not lang:
        return "en"
    primary = lang.split("-")[0].split("_")[0].lower()
    if not (primary.isascii() and primary.isalpha()):
        return "en"
    return _LANG_ALIASES.get(primary, primary)


def _place(locator: Locator | None, text: str, where: str | None, lang: str | None) -> Place:
    if locator is None:
        from bot.locate import locate

        locator = locate
    try:
        return locator(text, where, lang)
    except Exception:  # never raise, and never fail open (see _Unknown)
        return _Unknown()


def decide(
    text: str,
    *,
    author_handle: str,
    mention_id: str,
    lang: str | None,
    author_location: str | None,
    state: AuthorState,
    library: ReplyLibrary,
    protect_mode: ProtectMode = "neutral",
    locator: Locator | None = None,
    place: Place | None = None,
    limit: Limit = X,
) -> Decision:
    """The policy for one mention and, when replying, the full text to post.

    locator defaults to bot.locate.locate; tests pass their own. A caller that has
    already located this exact (text, author_location) passes the result as `place`
    so the work is not done twice; the locator is then not called.
    """
    language = _primary_lang(lang)
    text = text if isinstance(text, str) else ""
    cleaned = clean(text)
    words = words_of(cleaned)
    stop = asks_to_stop_words(cleaned, words)

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
    at_risk = (
        place.country in library.at_risk
        or (bool(library.at_risk) and place.risk_language)
        # Placed nowhere, but one of the homes the evidence allows is at risk.
        or not library.at_risk.isdisjoint(place.homes)
    )
    if place.may_be_in_russia or at_risk:
        body = library.protect if protect_mode == "neutral" else None
        return Decision(
            "protect",
            "protect",
            None,
            place.confidence,
            "en",
            f"@{handle} {body}" if body else None,
        )
    if asks_nothing_words(cleaned, words):
        return skip("asks-nothing")
    res = library.countries.get(place.country or "")
    used, reply = compose(library, res or library.generic, language, handle, mention_id, limit)
    if reply is None:
        return skip("no-template")
    return Decision(
        "reply",
        "country" if res else "generic",
        res.code if res else None,
        place.confidence,
        used,
        reply,
    )
