"""The link allowlist kept under messages/: posts and replies may link only there."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from bot.content.problems import Problem, display_path
from bot.content.yamlsrc import load

ALLOWLIST_FILE = "messages/allowed_domains.yaml"


def load_allowlist(root: Path) -> tuple[frozenset[str], list[Problem]]:
    path = root / ALLOWLIST_FILE
    shown = display_path(path, root)
    if not os.path.lexists(path):  # a dangling or looping link is read, and refused, too
        return frozenset(), [
            Problem(shown, 1, "the link allowlist is missing", "create it with a 'domains:' list")
        ]
    doc, problems = load(path, shown, root)
    if doc is None:
        return frozenset(), problems
    data = doc.data
    if (
        not isinstance(data, dict)
        or set(data) != {"domains"}
        or not isinstance(data["domains"], list)
    ):
        return frozenset(), [
            *problems,
            doc.problem(
                (),
                "expected exactly one key 'domains' holding a list",
                "write 'domains:' then '- example.org'",
            ),
        ]
    domains: set[str] = set()
    for i, d in enumerate(data["domains"]):
        if not isinstance(d, str) or "/" in d or "." not in d or " " in d:
            problems.append(
                doc.problem(
                    ("domains", i),
                    f"'{d}' is not a domain name",
                    "write a bare domain such as lgbtnet.org",
                )
            )
        else:
            domains.add(d.lower().removeprefix("www."))
    return frozenset(domains), problems


def link_problem(url: str, domains: frozenset[str]) -> tuple[str, str] | None:
    """(what is wrong, how to fix) for a link that may not be posted, else None."""
    parts = urlsplit(url if "://" in url else "//" + url)
    if parts.scheme != "https":
        return (f"link '{url}' is not https", "write the link in full starting with https://")
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    # The host or any parent domain of it is listed (a few set look-ups, not a scan).
    if not any(".".join(labels[i:]) in domains for i in range(len(labels))):
        return (
            f"link domain '{host}' is not in {ALLOWLIST_FILE}",
            "link an official page, or add the domain there in a reviewed change",
        )
    return None
