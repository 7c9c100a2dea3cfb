"""The report's pure figures: the privacy rules hold whatever rows come in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.report import figures as fg

TZ = ZoneInfo("Europe/Berlin")


def test_a_month_is_cut_into_local_days_across_daylight_saving() -> None:
    p = fg.month_period(2026, 10, TZ)
    assert len(p.days) == 31
    starts = p.day_starts()
    # 25 October 2026 has 25 hours in Berlin.
    assert starts[25] - starts[24] == 25 * 3600
    assert p.end - p.start == 31 * 86400 + 3600


def test_protected_rows_are_refused_by_the_per_day_figures() -> None:
    p = fg.month_period(2026, 11, TZ)
    with pytest.raises(ValueError):
        fg.mention_days(p, [(p.start + 10, "protect", "russia", 1)])


def test_small_counts_go_to_other_which_comes_last() -> None:
    shares = fg.ranked({"DE": 9, "IS": 4, None: 1, "AT": 5, "NZ": 4})
    assert [(s.label, s.count) for s in shares] == [("DE", 9), ("AT", 5), ("other", 9)]
    assert fg.ranked({}) == ()


def test_mention_costs_are_spread_and_month_totals_stay_exact() -> None:
    p = fg.days_period(4, dt.date(2026, 12, 2), TZ)  # 29 Nov .. 2 Dec
    starts = p.day_starts()
    rows = [
        (starts[0] + 60, "reply", 0.04),  # November: 0.04 over its two days
        (starts[1] + 60, "post", 0.2),
        (starts[3] + 60, "mention_read", 0.01),  # December: over its two days so far
    ]
    now = starts[3] + 3600
    s = fg.spend_days(p, rows, now, 25.0, 0.01, (starts[2], starts[2] + 31 * 86400), "2026-12")
    assert [d.mentions_usd for d in s.days] == [0.02, 0.02, 0.005, 0.005]
    assert [d.posts_usd for d in s.days] == [0, 0.2, 0, 0]
    assert [d.month_to_date_usd for d in s.days] == [0.02, 0.24, 0.005, 0.01]
    assert s.period_usd == pytest.approx(0.25)
    assert s.projected_usd == pytest.approx(0.01 / ((now - starts[2]) / (31 * 86400)), 1e-3)
