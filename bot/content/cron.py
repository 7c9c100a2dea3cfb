"""Five-field cron expressions as crontab reads them (weekday Sunday = 0 or 7). Pure."""

from __future__ import annotations

import itertools
import re

_DOW_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CRON_FIELDS = (
    ("minute", 0, 59),
    ("hour", 0, 23),
    ("day", 1, 31),
    ("month", 1, 12),
    ("day of week", 0, 7),
)


def _expand(field: str, lo: int, hi: int) -> list[int] | None:
    """A cron field as the list of values it allows, or None when malformed."""
    out: set[int] = set()
    for part in field.split(","):
        rng, _, step_s = part.partition("/")
        if step_s and not step_s.isdigit():
            return None
        step = int(step_s) if step_s else 1
        if step < 1:
            return None
        if rng == "*":
            a, b = lo, hi
        elif re.fullmatch(r"\d+-\d+", rng):
            a, b = (int(x) for x in rng.split("-"))
        elif rng.isdigit():
            a = int(rng)
            b = hi if step_s else a
        else:
            return None
        if not (lo <= a <= hi and lo <= b <= hi and a <= b):
            return None
        out.update(range(a, b + 1, step))
    return sorted(out)


# The most days each month can have (February in a leap year).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def cron_problem(expr: str) -> str | None:
    fields = expr.split()
    if len(fields) != 5:
        return f"cron '{expr}' has {len(fields)} fields, not 5"
    values = []
    for (name, lo, hi), f in zip(_CRON_FIELDS, fields, strict=True):
        allowed = _expand(f, lo, hi)
        if allowed is None:
            return f"cron '{expr}': bad {name} field '{f}' (allowed {lo}-{hi})"
        values.append(allowed)
    days, months = values[2], values[3]
    if fields[4] == "*" and not any(d <= _MONTH_DAYS[m - 1] for m in months for d in days):
        return f"cron '{expr}' never fires: none of its months has day {fields[2]}"
    return None


def shortest_gap(expr: str) -> float:
    """Seconds between two runs of a valid cron expression, at the closest: within a day,
    or from the day's last run to the next day's first."""
    minute, hour = expr.split()[:2]
    minutes, hours = _expand(minute, 0, 59) or [0], _expand(hour, 0, 23) or [0]
    times = sorted(h * 60 + m for h in hours for m in minutes)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    return 60.0 * min([*gaps, times[0] + 1440 - times[-1]])


def cron_kwargs(expr: str) -> dict[str, str]:
    """APScheduler CronTrigger arguments for a validated standard cron expression.

    APScheduler 3 numbers weekdays from Monday = 0, cron from Sunday = 0: pass
    names so '1-5' keeps meaning Monday to Friday.
    """
    minute, hour, day, month, dow = expr.split()
    kwargs = {"minute": minute, "hour": hour, "day": day, "month": month}
    if dow != "*":
        days = _expand(dow, 0, 7) or []
        kwargs["day_of_week"] = ",".join(dict.fromkeys(_DOW_NAMES[d] for d in days))
    return kwargs
