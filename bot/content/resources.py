"""messages/resources/countries.yaml: where replies send people, country by country.

    load_resources(root, domains, today) -> ({code: Resources}, generic or None, [Problem])

Each entry is checked (keys, https links on allowed domains, a one-line how-to per
language, its source and checked date); a bad entry is left out with its problems, so one
typo never takes the other countries down.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from bot.content.checker import Checker
from bot.content.model import ISO_3166, Resources
from bot.content.problems import Problem, display_path
from bot.content.textrules import links
from bot.content.yamlsrc import Key, load, type_name

RESOURCES_FILE = "messages/resources/countries.yaml"
# A bare ISO 639 code (en, nb, fil), never zh-Hant: decide keeps only a mention's primary
# language subtag, so a key with a script or region would never be used.
LANG_KEY_RE = re.compile(r"^[a-z]{2,3}$")
# section -> (required keys, optional keys)
SECTIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "embassy": (frozenset({"url"}), frozenset({"address", "verified"})),
    "representatives": (frozenset({"url", "how"}), frozenset({"verified"})),
    "un_mission": (frozenset({"url"}), frozenset({"verified"})),
    "organisation": (frozenset({"name", "url"}), frozenset({"verified"})),
}
ENTRY_REQUIRED = frozenset(
    {"code", "name", "embassy", "representatives", "un_mission", "source", "checked"}
)
ENTRY_KEYS = ENTRY_REQUIRED | {"organisation"}


def _section(c: Checker, key: Key, name: str, value: Any) -> dict[str, Any] | None:
    required, optional = SECTIONS[name]
    if not c.keys(key, value, name, required | optional, required):
        return None
    if "verified" in value and not isinstance(value["verified"], bool):
        c.add(
            (*key, "verified"),
            "verified must be true or false",
            "write verified: false until a maintainer has opened the link",
        )
        return None
    if "address" in value and c.text((*key, "address"), value["address"], "address") is None:
        return None
    url = c.url((*key, "url"), value["url"])
    return None if url is None else {**value, "url": url}


def _embassy(c: Checker, key: Key, name: str, value: Any) -> dict[str, Any] | None:
    """The embassy section, or {"none": why} where there is no Russian embassy to ask."""
    if isinstance(value, dict) and "none" in value:
        if not c.keys(key, value, "embassy", frozenset({"none"}), frozenset({"none"})):
            return None
        why = c.text((*key, "none"), value["none"], "embassy: none (the reason)")
        return None if why is None else {"none": why, "url": None}
    return _section(c, key, name, value)


def _how(c: Checker, key: Key, value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict) or "en" not in value:
        c.add(
            key,
            "'how' must map languages to a one-line how-to, with 'en'",
            "write e.g. 'how:' then 'en: enter your postcode'",
        )
        return None
    out: dict[str, str] = {}
    for lang, line in value.items():
        text = c.text((*key, lang), line, f"how ({lang})")
        if not isinstance(lang, str) or not LANG_KEY_RE.match(lang):
            c.add((*key, lang), f"'{lang}' is not a language code", "use e.g. en, de, pt")
        elif text is not None and ("\n" in text or "@" in text or links(text)):
            c.add(
                (*key, lang),
                "a how-to must be one line without @ or links",
                "put the link in 'url' and keep 'how' to a short instruction",
            )
        elif text is not None:
            out[lang] = text
    return out if len(out) == len(value) else None


def _entry(c: Checker, key: Key, item: Any, today: dt.date, generic: bool) -> Resources | None:
    required = ENTRY_REQUIRED - {"code"} if generic else ENTRY_REQUIRED
    allowed = ENTRY_KEYS - {"code"} if generic else ENTRY_KEYS
    if not c.keys(key, item, "the generic entry" if generic else "an entry", allowed, required):
        return None
    before = len(c.problems)
    code: str | None = None
    if not generic:
        code = item["code"]
        if isinstance(code, bool):
            c.add(
                (*key, "code"),
                f"the code was read as {str(code).lower()}, not text",
                'quote it: code: "NO"',
            )
        elif not isinstance(code, str) or code not in ISO_3166:
            c.add(
                (*key, "code"),
                f"'{code}' is not an ISO 3166-1 alpha-2 code",
                "write two capital letters, e.g. DE",
            )
        elif code == "RU":
            c.add(
                (*key, "code"),
                "no resources for Russia",
                "remove it: people who may be in Russia only ever get the neutral protect message",
            )
    c.text((*key, "name"), item["name"], "name")
    src = item["source"]
    if not (isinstance(src, str) and src.strip()) and not (
        isinstance(src, list) and src and all(isinstance(s, str) and s for s in src)
    ):
        c.add(
            (*key, "source"),
            "'source' must say where the facts came from",
            "write a line, or a list of lines, naming each source",
        )
    c.checked_date((*key, "checked"), item["checked"], today)
    parts = {
        name: (_embassy if name == "embassy" else _section)(c, (*key, name), name, item[name])
        for name in SECTIONS
        if name in item
    }
    emb, reps, un = parts["embassy"], parts["representatives"], parts["un_mission"]
    how = _how(c, (*key, "representatives", "how"), reps["how"]) if reps else None
    org = parts.get("organisation")
    org_failed = "organisation" in parts and not org
    failed = any(not p.warning for p in c.problems[before:])
    if failed or not (emb and reps and un and how) or org_failed:
        return None
    return Resources(code, emb["url"], reps["url"], how, un["url"], org["url"] if org else None)


def load_resources(
    root: Path, domains: frozenset[str], today: dt.date
) -> tuple[dict[str, Resources], Resources | None, list[Problem]]:
    """(country code -> resources, generic fallback, problems)."""
    path = root / RESOURCES_FILE
    doc, problems = load(path, display_path(path, root), root)
    if doc is None:
        return {}, None, problems
    c = Checker(doc, domains)
    data = doc.data
    if not isinstance(data, dict):
        c.add((), "expected 'generic:' and 'countries:'", "start from the layout in git history")
        return {}, None, problems + c.problems
    for k in data:
        if k not in ("generic", "countries"):
            c.add((k,), f"unknown top-level key '{k}'", "only 'generic:' and 'countries:'")
    generic = None
    if "generic" not in data:
        c.add(
            (),
            "the generic fallback is missing",
            "add a 'generic:' entry for mentions from no recognised country",
        )
    else:
        generic = _entry(c, ("generic",), data["generic"], today, generic=True)
    countries: dict[str, Resources] = {}
    items = data.get("countries")
    if not isinstance(items, list):
        c.add(
            ("countries",),
            f"'countries' must be a list, not {type_name(items)}",
            "write each country as '- code: XX'",
        )
        items = []
    for i, item in enumerate(items):
        res = _entry(c, ("countries", i), item, today, generic=False)
        if res is None or res.code is None:
            continue
        if res.code in countries:
            c.add(
                ("countries", i, "code"),
                f"duplicate country '{res.code}'",
                "keep one entry per country",
            )
            continue
        countries[res.code] = res
    return countries, generic, problems + c.problems
