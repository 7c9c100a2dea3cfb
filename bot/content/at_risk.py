"""messages/resources/at_risk.yaml: the countries whose people get the protect message.

A person placed in a country that criminalises same-sex relations is in danger if seen
talking to an LGBT campaign, so they get the one neutral message, like anyone who may be
in Russia. The list is data with its source and checked date; schedule.yaml's
mentions.protect_countries overrides it per deployment.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from bot.content.checker import Checker
from bot.content.model import ISO_3166
from bot.content.problems import Problem, display_path
from bot.content.yamlsrc import load

AT_RISK_FILE = "messages/resources/at_risk.yaml"
BASES = frozenset({"law", "de-facto", "regional"})


def load_at_risk(root: Path, today: dt.date) -> tuple[frozenset[str] | None, list[Problem]]:
    """(country codes, problems); None when the file is missing or unusable."""
    path = root / AT_RISK_FILE
    shown = display_path(path, root)
    if not os.path.lexists(path):  # a dangling or looping link is read, and refused, too
        return None, [
            Problem(
                shown,
                1,
                "the at-risk country list is missing",
                "restore it from git: it keeps people in those countries safe",
            )
        ]
    doc, problems = load(path, shown, root)
    if doc is None:
        return None, problems
    c = Checker(doc)
    if not c.keys(
        (),
        doc.data,
        "the at-risk list",
        {"source", "checked", "verified", "countries"},
        {"source", "checked", "countries"},
    ):
        return None, problems + c.problems
    c.text(("source",), doc.data["source"], "source")
    c.checked_date(("checked",), doc.data["checked"], today)
    if doc.data.get("verified") is False:
        c.add(
            ("verified",),
            "the at-risk list is not verified against its source yet",
            "check each entry against the ILGA World Database, then set verified: true",
            warning=True,
        )
    items = doc.data["countries"]
    if not isinstance(items, list) or not items:
        c.add(
            ("countries",),
            "'countries' must be a list of countries",
            "write each as '- {code: IR, name: Iran, basis: law}'",
        )
        return None, problems + c.problems
    codes: dict[str, int] = {}
    for i, item in enumerate(items):
        key = ("countries", i)
        if not c.keys(
            key, item, "a country", {"code", "name", "basis", "note"}, {"code", "name", "basis"}
        ):
            continue
        code = item["code"]
        if not isinstance(code, str) or code not in ISO_3166:
            c.add(
                (*key, "code"),
                f"'{code}' is not an ISO 3166-1 alpha-2 code",
                "write two capital letters, e.g. IR",
            )
        elif code in codes:
            c.add(
                (*key, "code"),
                f"{code} is listed twice (also line {codes[code]})",
                "keep one entry per country",
            )
        else:
            codes[code] = doc.line(*key)
        if item["basis"] not in BASES:
            c.add(
                (*key, "basis"),
                f"unknown basis '{item['basis']}'",
                f"use one of: {', '.join(sorted(BASES))}",
            )
    problems += c.problems
    if any(not p.warning for p in c.problems):
        return None, problems
    return frozenset(codes), problems
