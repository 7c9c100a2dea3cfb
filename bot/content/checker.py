"""The one checker for keys and types in every file maintainers edit.

Each bad value becomes a Problem at its own line (file:line: what (fix)), never an
exception, and every file says "unknown key", "is missing" or "must be text" the same
way because they all say it here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from bot.content.allowlist import link_problem
from bot.content.problems import Problem
from bot.content.yamlsrc import Doc, Key, type_name

_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
STALE_AFTER = dt.timedelta(days=365)
MAX_DURATION = 366 * 86400.0
MAPPING_FIX = "write it as 'key: value' lines indented under it"


def parse_duration(value: Any) -> float | None:
    """'90s', '10m', '6h', '1d' -> seconds; None if invalid. A bare number has no unit and
    is refused ("every: 20" could mean seconds or minutes), except 0, the same in all."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return 0.0 if value == 0 else None
    if not isinstance(value, str):
        return None
    m = _DURATION_RE.match(value)
    return float(m.group(1)) * _UNITS[m.group(2)] if m else None


class Checker:
    """Collects the problems of one YAML document."""

    def __init__(self, doc: Doc, domains: frozenset[str] = frozenset()) -> None:
        self.doc, self.domains, self.problems = doc, domains, list[Problem]()

    def add(self, key: Key, what: str, fix: str, warning: bool = False) -> None:
        self.problems.append(self.doc.problem(key, what, fix, warning))

    def keys(
        self,
        key: Key,
        value: Any,
        what: str,
        allowed: frozenset[str] | set[str],
        required: frozenset[str] | set[str] = frozenset(),
        fix: str = MAPPING_FIX,
    ) -> bool:
        """True when `value` is a mapping with only allowed keys and every required one."""
        if not isinstance(value, dict):
            self.add(key, f"{what} must be a mapping, not {type_name(value)}", fix)
            return False
        ok = True
        for k in value:
            if k not in allowed:
                self.add((*key, k), f"unknown key '{k}'", f"use only: {', '.join(sorted(allowed))}")
                ok = False
        for k in sorted(set(required) - value.keys()):
            self.add(key, f"{what} is missing '{k}'", f"add a '{k}:' line")
            ok = False
        return ok

    def mapping(
        self, key: Key, value: Any, what: str, allowed: frozenset[str] | set[str]
    ) -> dict[str, Any]:
        """An optional mapping: {} when absent or not a mapping (reported), else its keys
        checked and the mapping returned, so later values are still read and reported."""
        if value is None:
            return {}
        self.keys(key, value, what, allowed)
        return value if isinstance(value, dict) else {}

    def text(self, key: Key, value: Any, what: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.add(key, f"{what} must be text, not {type_name(value)}", "write it as text")
        return None

    def url(self, key: Key, value: Any) -> str | None:
        url = self.text(key, value, "url")
        bad = link_problem(url, self.domains) if url else None
        if bad:
            self.add(key, *bad)
            return None
        return url

    def duration(
        self, key: Key, value: Any, default: float | None, minimum: float = 0.0
    ) -> float | None:
        if value is None:
            return default
        secs = parse_duration(value)
        bare = isinstance(value, int | float) and not isinstance(value, bool)
        if bare and secs is None and math.isfinite(value) and value > 0:
            self.add(
                key,
                f"'{value}' has no unit for '{key[-1]}'",
                f"write it with one: {value}s, {value}m, {value}h or {value}d",
            )
            return default
        if secs is None or secs < minimum:
            self.add(
                key,
                f"'{value}' is not a valid duration for '{key[-1]}'",
                "write a number and a unit, e.g. 90s, 10m, 6h, 1d"
                + (f" (at least {minimum:g}s)" if minimum else ""),
            )
            return default
        if secs > MAX_DURATION:
            # Far beyond any schedule, and past what APScheduler can add to a date: a
            # reload with "jitter: 99999999999d" used to pass here and then fail to build.
            self.add(key, f"'{value}' is longer than a year", "write at most 366d")
            return default
        return secs

    def number(
        self, key: Key, value: Any, default: float | None, integer: bool = False
    ) -> float | None:
        if value is None:
            return default
        ok = isinstance(value, int) if integer else isinstance(value, int | float)
        if not ok or isinstance(value, bool) or value < 0 or not math.isfinite(value):
            self.add(
                key,
                f"'{key[-1]}' must be a non-negative "
                f"{'whole number' if integer else 'number'}, not {value!r}",
                "write a plain number",
            )
            return default
        return float(value)

    def checked_date(self, key: Key, value: Any, today: dt.date) -> None:
        """A 'checked' date: a year old is stale, one in the future most likely a clock or
        a typo; both are warnings, so a machine with a wrong clock still starts."""
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            self.add(
                key, f"'checked' must be a date, not {type_name(value)}", "write it as YYYY-MM-DD"
            )
        elif value > today:
            self.add(
                key,
                f"'checked' date {value} is in the future",
                "write the date you checked, or set this machine's clock right",
                warning=True,
            )
        elif today - value > STALE_AFTER:
            self.add(
                key,
                f"facts last checked on {value}, over a year ago",
                "re-check each link and address, then update 'checked'",
                warning=True,
            )
