"""Reply resources and templates: read messages/resources/ and messages/replies/, check them.

    load_reply_library(root, today=None) -> (ReplyLibrary | None, [Problem])

Content lives in YAML that maintainers edit; this module only reads and checks it, and
builds the pure bot.content.model.ReplyLibrary from what passes: approved, error-free templates
and error-free country entries. The library is None only when the resources file or its
generic fallback is unusable. Problems (file:line, what, fix) are returned, never raised.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.content.allowlist import ALLOWLIST_FILE, link_problem, load_allowlist
from bot.content.approval import parse_approval
from bot.content.checker import Checker
from bot.content.files import read_content
from bot.content.lengths import DEFAULT_LIMITS, Limit, length_problems, measure_all
from bot.content.model import ReplyLibrary, Resources, Template, text_hash
from bot.content.posts import ID_RE
from bot.content.problems import Problem, display_path
from bot.content.resources import LANG_KEY_RE, RESOURCES_FILE, load_resources
from bot.content.textrules import MAX_WEIGHTED, links
from bot.content.yamlsrc import Key, load

REPLIES_DIR = "messages/replies"
PROTECT_STEM = "protect"
# Words that would mark whoever receives the protect message (as LGBT, as in Russia or as
# in danger), in its text or in its link.
PROTECT_MARKING = re.compile(
    r"lgbt|gay|lesb|queer|trans\b|homo|bisex|pride|rainbow|🏳|russia|росси|рф\b|chechn|"
    r"чечн|grozny|грозн|moscow|москв|danger|опасн|persecut|camp|лагер|#",
    re.IGNORECASE,
)
FIELDS = frozenset({"embassy", "reps", "how", "un", "org"})
LONGEST_HANDLE = "x" * 15


def _placeholders(text: str) -> set[str] | str:
    """The placeholder names in a template, or what is wrong with its braces."""
    names: set[str] = set()
    try:
        for _, name, spec, conv in string.Formatter().parse(text):
            if name is None:
                continue
            if name not in FIELDS or spec or conv:
                return f"unknown placeholder '{{{name}}}'"
            names.add(name)
    except ValueError:
        return "unbalanced '{' or '}'"
    return names


def _template(
    c: Checker, key: Key, item: Any, lang: str, protect: bool, resources: list[Resources]
) -> tuple[str, Template | None]:
    """(id or "", the template when approved and error-free)."""
    allowed = {"id", "text", "approval", "verified"} if protect else {"id", "text", "approval"}
    if not c.keys(key, item, "a template", allowed, {"id", "text"}):
        return "", None
    before = len(c.problems)
    tid, text = item["id"], c.text((*key, "text"), item["text"], "text")
    if not isinstance(tid, str) or not ID_RE.match(tid):
        c.add(
            (*key, "id"),
            f"id '{tid}' is not a valid id",
            "use lowercase letters, digits and hyphens, e.g. reply-en-4",
        )
        tid = ""
    if text is None:
        return tid, None
    tkey = (*key, "text")
    fields = _placeholders(text)
    if isinstance(fields, str):
        c.add(tkey, fields, "use only {embassy} {reps} {how} {un} {org}")
        fields = set()
    if "@" in text or "＠" in text:
        c.add(
            tkey,
            "a reply template may not contain @",
            "the bot adds the author's @handle itself; mention no one else",
        )
    for url in links(text):
        bad = link_problem(url, c.domains)
        if bad:
            c.add(tkey, *bad)
    if protect:
        if fields:
            c.add(
                tkey,
                "the protect message may not use placeholders",
                "it must be the same text for everyone",
            )
        marked = PROTECT_MARKING.search(text)
        if marked:
            c.add(
                tkey,
                f"the protect message may not say '{marked.group(0)}': it would mark "
                "everyone who gets it",
                "keep it neutral; point to private help",
            )
        if len(links(text)) != 1:
            c.add(
                tkey,
                "the protect message must hold exactly one link",
                "link one place for private, secure help",
            )
        if "verified" in item and not isinstance(item["verified"], bool):
            c.add(
                (*key, "verified"),
                "verified must be true or false",
                "write verified: false until a maintainer has opened the link",
            )
        elif item.get("verified") is False:
            c.add(
                (*key, "verified"),
                "the protect message's link is not verified yet",
                "open it, read the page, then set verified: true",
                warning=True,
            )
    tpl = Template(tid, lang, text, frozenset(fields))
    samples = (
        [(LONGEST_HANDLE, f"@{LONGEST_HANDLE} {text}")]
        if protect
        else [(r.code or "generic", tpl.render(r, LONGEST_HANDLE)) for r in resources]
    )
    # Every platform, each with the filling that is longest there.
    for who, longest, lim in _longest(tuple((w, t) for w, t in samples if t)):
        for what, fix in length_problems(
            longest, [lim], f"with a 15-character handle and {who}'s links this reply is"
        ):
            c.add(tkey, what, fix)
    approval = parse_approval(item.get("approval"))
    if isinstance(approval, str):
        c.add((*key, "approval"), approval, f"run: closethecamps approve {tid} --by NAME")
    elif approval is None:
        c.add(
            key,
            f"template '{tid}' is a draft: it will not be used",
            f"review it, then run: closethecamps approve {tid} --by NAME",
            warning=True,
        )
    elif approval.sha256 != text_hash(item["text"]):
        c.add(
            (*key, "approval"),
            f"approval of '{tid}' does not match its text (edited since)",
            f"review the new text, then run: closethecamps approve {tid} --by NAME",
        )
    ok = len(c.problems) == before or all(p.warning for p in c.problems[before:])
    return tid, tpl if ok and not isinstance(approval, str) and approval is not None else None


@functools.lru_cache(maxsize=1024)
def _longest(samples: tuple[tuple[str, str], ...]) -> list[tuple[str, str, Limit]]:
    """(whose filling, the text, the platform) for the longest text on each platform.
    Remembered, so a reload that changes neither a template nor the links checks it anew
    for the cost of rendering it."""
    measured = [(w, t, measure_all(t)) for w, t in samples]
    out = []
    for lim in DEFAULT_LIMITS if measured else ():
        who, text, _ = max(measured, key=lambda m: (m[2][lim.platform].length, m[0], m[1]))
        out.append((who, text, lim))
    return out


def _check_coverage(
    c: Checker, key: Key, lang: str, templates: list[Template], resources: list[Resources]
) -> None:
    """Every country must have an approved template it can fill: one without {embassy} for
    a country with no Russian embassy (Ukraine), one without {org} for one without an
    organisation. English is the last resort (an error); another language falls back to
    English for that country (a warning)."""

    def fits(res: Resources) -> bool:
        texts = (tpl.render(res, LONGEST_HANDLE) for tpl in templates)
        # measure_all remembers each text: _template measured these already.
        return any(t is not None and measure_all(t)["x"].length <= MAX_WEIGHTED for t in texts)

    missing = sorted(r.code or "generic" for r in resources if not fits(r))
    if not missing:
        return
    english = lang == "en"
    c.add(
        key,
        f"no approved '{lang}' template fits {', '.join(missing)} (no Russian embassy, "
        "organisation or room for the links there): "
        + ("the bot would not reply to them" if english else "they get English instead"),
        f"add a {lang} template without the placeholders {', '.join(missing)} lack "
        "(e.g. only {reps} {how} {un}) and approve it",
        warning=not english,
    )


def _reply_files(root: Path) -> list[Path]:
    """The files load_templates reads (and the library's memo key covers)."""
    folder = root / REPLIES_DIR
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []


def load_templates(
    root: Path, domains: frozenset[str], resources: list[Resources]
) -> tuple[dict[str, tuple[Template, ...]], str | None, list[Problem]]:
    """(language -> approved templates, approved protect body, problems)."""
    folder = root / REPLIES_DIR
    paths = _reply_files(root)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    approved: dict[str, list[Template]] = {}
    protect: list[Template] = []
    for path in paths:
        shown = display_path(path, root)
        lang, is_protect = path.stem, path.stem == PROTECT_STEM
        if not is_protect and not LANG_KEY_RE.match(lang):
            problems.append(
                Problem(
                    shown,
                    1,
                    f"'{path.name}' is not named after a language",
                    "name it like en.yaml or de.yaml, or protect.yaml",
                )
            )
            continue
        doc, probs = load(path, shown, root)
        problems += probs
        if doc is None:
            continue
        c = Checker(doc, domains)
        top = PROTECT_STEM if is_protect else "replies"
        data = doc.data
        if not isinstance(data, dict) or set(data) != {top} or not isinstance(data[top], list):
            c.add(
                (),
                f"expected exactly one key '{top}' holding a list",
                f"start the file with '{top}:' then '- id: ...'",
            )
            problems += c.problems
            continue
        if is_protect and len(data[top]) != 1:
            c.add(
                (top,),
                "there must be exactly one protect message",
                "keep a single item: the text must be identical for everyone",
            )
        for i, item in enumerate(data[top]):
            tid, tpl = _template(
                c, (top, i), item, "en" if is_protect else lang, is_protect, resources
            )
            if tid in seen:
                c.add(
                    (top, i, "id"),
                    f"duplicate id '{tid}' (also in {seen[tid]})",
                    "give each template its own id",
                )
                continue
            if tid:
                seen[tid] = shown
            if tpl is not None:
                (protect if is_protect else approved.setdefault(lang, [])).append(tpl)
        if not is_protect and approved.get(lang):
            _check_coverage(c, (top,), lang, approved[lang], resources)
        problems += c.problems
    if not os.path.lexists(folder / "en.yaml"):
        problems.append(
            Problem(
                REPLIES_DIR,
                1,
                "no English reply templates (en.yaml)",
                "add en.yaml: English is the fallback for every language",
            )
        )
    elif not approved.get("en"):
        problems.append(
            Problem(
                f"{REPLIES_DIR}/en.yaml",
                1,
                "no approved English reply template: the bot will not reply",
                "approve at least one with: closethecamps approve ID --by NAME",
                warning=True,
            )
        )
    templates = {k: tuple(sorted(v, key=lambda t: t.id)) for k, v in approved.items()}
    return templates, (protect[0].text if len(protect) == 1 else None), problems


def load_reply_library(
    root: Path, today: dt.date | None = None, *, prove_fit: bool = True
) -> tuple[ReplyLibrary | None, list[Problem]]:
    """The approved reply library and every problem; callers decide what is fatal.

    `prove_fit=False` skips proving that every template fits with every country's links
    (most of the cost): compose measures each reply it makes and never uses one that does
    not fit, so a caller that only composes replies (route) may leave the proof to
    validate and the daemon.

    Remembered by the bytes it reads: a reload, or a check of a copy of the same content,
    that changes no reply template, resource or allowed domain costs reading them."""
    today = today or dt.date.today()
    key = _content_key(root, today) + bytes([prove_fit])
    if key in _REMEMBERED:
        library, seen = _REMEMBERED[key]
        return library, list(seen)
    library, problems = _load_reply_library(root, today, prove_fit)
    if _content_key(root, today) + bytes([prove_fit]) == key:  # unchanged while it was read
        _REMEMBERED[key] = (library, tuple(problems))
        while len(_REMEMBERED) > _REMEMBER:
            del _REMEMBERED[next(iter(_REMEMBERED))]
    return library, problems


# The last few checked contents: the running one, and a bad edit or two beside it.
_REMEMBER = 4
_REMEMBERED: dict[bytes, tuple[ReplyLibrary | None, tuple[Problem, ...]]] = {}


def _content_key(root: Path, today: dt.date) -> bytes:
    """A digest of everything _load_reply_library reads (each file read as safely as it
    does), and the date, which decides what is stale."""
    paths = [root / ALLOWLIST_FILE, root / RESOURCES_FILE, *_reply_files(root)]
    digest = hashlib.sha256(today.isoformat().encode())
    for path in paths:
        shown = display_path(path, root)
        raw, refused = read_content(path, root, shown) if os.path.lexists(path) else (None, None)
        digest.update(f"\0{shown}\0{refused}\0{len(raw or b'')}\0".encode())
        digest.update(raw or b"")
    return digest.digest()


def _load_reply_library(
    root: Path, today: dt.date, prove_fit: bool
) -> tuple[ReplyLibrary | None, list[Problem]]:
    domains, problems = load_allowlist(root)
    countries, generic, probs = load_resources(root, domains, today)
    problems += probs
    everyone = [*countries.values(), *([generic] if generic else [])]
    # With no countries to fill them with, the templates' fit and coverage go unproved.
    templates, protect, probs = load_templates(root, domains, everyone if prove_fit else [])
    problems += probs
    if generic is None:
        return None, problems
    return ReplyLibrary(_frozen(countries), generic, _frozen(templates), protect), problems


def _frozen(d: dict[str, Any]) -> Mapping[str, Any]:
    from types import MappingProxyType

    return MappingProxyType(d)
