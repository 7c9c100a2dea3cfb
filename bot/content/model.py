"""The content as the rest of the bot sees it: plain frozen dataclasses, no IO.

The loaders in this room build these from the files maintainers edit; policy and
runtime read them. Keeping them here lets the pure rooms import the shapes without
importing YAML or any file reading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.content.textrules import nfc

# ISO 3166-1 alpha-2: every country code a file may name.
_ISO_CODES = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
ISO_3166 = frozenset(_ISO_CODES.split())


def text_hash(text: str) -> str:
    """sha256 of the NFC-normalised text, so an invisible re-encoding is not an edit."""
    return hashlib.sha256(nfc(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Approval:
    by: str
    sha256: str


@dataclass(frozen=True)
class Post:
    id: str
    lang: str
    category: str
    text: str
    starts: dt.date | None
    expires: dt.date | None
    weight: int
    approval: Approval | None
    file: str
    line: int

    @property
    def approved(self) -> bool:
        return self.approval is not None and self.approval.sha256 == text_hash(self.text)

    def live(self, today: dt.date) -> bool:
        """Approved and inside its date window: the only posts that may go out."""
        return (
            self.approved
            and (self.starts is None or self.starts <= today)
            and (self.expires is None or today <= self.expires)
        )


@dataclass(frozen=True)
class Library:
    posts: tuple[Post, ...]

    def by_id(self, post_id: str) -> Post | None:
        return next((p for p in self.posts if p.id == post_id), None)

    def live(self, today: dt.date) -> list[Post]:
        return [p for p in self.posts if p.live(today)]


# Mastodon's visibilities, widest first: a slot may name one for its posts there.
VISIBILITIES = ("public", "unlisted", "private", "direct")
DEFAULT_VISIBILITY = "public"


@dataclass(frozen=True)
class Slot:
    name: str
    cron: str | None  # standard 5-field cron, day-of-week 0/7 = Sunday
    every: float | None  # seconds
    jitter: float
    categories: frozenset[str] | None
    language: str | None
    line: int = 1  # where schedule.yaml defines it, for warnings about the slot
    # The networks this slot posts to; None: every enabled one (see posts_to).
    platforms: frozenset[str] | None = None
    visibility: str = DEFAULT_VISIBILITY  # on Mastodon; the other networks have none

    def posts_to(self, network: str) -> bool:
        """Whether a run of this slot goes to `network` when it is enabled: the networks
        it names, every one when it names none. The sandbox, which stands in for them
        all, takes every slot."""
        return network == SANDBOX or self.platforms is None or network in self.platforms

    def takes(self, lang: str, category: str) -> bool:
        """Whether this slot may post a post of this language and category."""
        return (self.categories is None or category in self.categories) and (
            self.language is None or lang == self.language or lang.split("-")[0] == self.language
        )


NETWORKS = ("x", "mastodon", "bluesky")  # the networks a slot may name
SANDBOX = "sandbox"  # the embedded stand-in for them, with no credentials set


@dataclass(frozen=True)
class Reach:
    """Where a post may go: the enabled networks (all three for the sandbox, which stands
    in for them) of every slot that takes it; everywhere when no slot takes it."""

    slots: tuple[Slot, ...] = ()
    enabled: frozenset[str] = frozenset(NETWORKS)

    def of(self, lang: str, category: str) -> frozenset[str]:
        found: set[str] = set()
        for slot in self.slots:
            if slot.takes(lang, category):
                found |= {n for n in self.enabled if slot.posts_to(n)}
        return frozenset(found) or self.enabled


EVERYWHERE = Reach()


@dataclass(frozen=True)
class MentionSettings:
    every: float
    first_start_cutoff: float
    author_cooldown: float
    protect: str  # "neutral": one identical safe message; "silent": no reply
    loop_limit: int  # mentions from one author within an hour that mark a reply loop
    # A reply still queued this long after its mention was seen is dropped, not sent late.
    reply_within: float = 86400.0
    every_line: int = 1  # where schedule.yaml sets `every`, for platform checks
    # Overrides messages/resources/at_risk.yaml when set; frozenset() protects no country.
    protect_countries: frozenset[str] | None = None


@dataclass(frozen=True)
class Limits:
    posts_per_day: int
    monthly_budget_usd: float | None
    prices: dict[str, float]


@dataclass(frozen=True)
class Schedule:
    timezone: str
    slots: tuple[Slot, ...]
    mentions: MentionSettings
    limits: Limits
    missed_grace: float
    # No post goes out again within this long of its last posting (rotation.min_gap).
    min_gap: float = 7 * 86400.0

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Resources:
    """One country's (or the generic fallback's) links, as the templates see them."""

    code: str | None  # None for the generic fallback
    # None where there is no Russian embassy to ask (Ukraine since 2022, Georgia since 2008):
    # templates using {embassy} are then skipped, as {org} ones are without an organisation.
    embassy: str | None
    reps: str
    how: Mapping[str, str]  # language -> one-line how-to; "en" always present
    un: str
    org: str | None = None

    def values(self, lang: str) -> dict[str, str]:
        out = {
            "reps": self.reps,
            "un": self.un,
            "how": self.how.get(lang) or self.how["en"],
        }
        if self.embassy:
            out["embassy"] = self.embassy
        if self.org:
            out["org"] = self.org
        return out


@dataclass(frozen=True)
class Template:
    id: str
    lang: str
    text: str
    fields: frozenset[str]  # placeholders used, e.g. {"embassy", "reps"}

    def render(self, res: Resources, handle: str) -> str | None:
        """The full reply text, or None when the country lacks a field this template uses."""
        values = res.values(self.lang)
        if not self.fields <= values.keys():
            return None
        try:
            return f"@{handle} " + self.text.format_map(values)
        except (ValueError, KeyError, IndexError):  # a hand-built template with stray braces
            return None


@dataclass(frozen=True)
class ReplyLibrary:
    """Only approved templates: drafts never reach this object."""

    countries: Mapping[str, Resources]
    generic: Resources
    templates: Mapping[str, tuple[Template, ...]]  # language -> templates, sorted by id
    protect: str | None  # the approved neutral body, or None
    # Countries whose people get the protect message (messages/resources/at_risk.yaml, or
    # schedule.yaml's mentions.protect_countries when set).
    at_risk: frozenset[str] = frozenset()
