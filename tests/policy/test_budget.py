"""Budget pacing: replies first, posts spread so the budget lasts the month."""

from __future__ import annotations

import pytest

from bot.policy.budget import pace

DAY = 86400.0
START, END = 0.0, 30 * DAY  # a 30-day month


def test_no_budget_holds_nothing() -> None:
    p = pace({"post": 5.0}, None, 10 * DAY, START, END)
    assert not p.posts_held and p.spent == 5.0


def test_posts_may_spend_their_share_of_the_month_so_far() -> None:
    # Day 10 of 30, $30 budget, nothing else spent: posts may have spent $10 by now.
    assert not pace({"post": 9.9}, 30.0, 10 * DAY, START, END).posts_held
    held = pace({"post": 10.5}, 30.0, 10 * DAY, START, END)
    assert held.posts_held
    assert held.posts_resume_at == pytest.approx(10.5 * DAY)


def test_replies_come_first_their_projected_spend_is_kept_aside() -> None:
    # $3 of replies and reads in 10 days projects to $9: posts share the other $21.
    p = pace({"reply": 2.0, "mention_read": 1.0, "post": 7.5}, 30.0, 10 * DAY, START, END)
    assert p.reserve == pytest.approx(9.0)
    assert p.posts_allowance == pytest.approx(7.0)
    assert p.posts_held


def test_one_busy_first_morning_does_not_reserve_the_whole_budget() -> None:
    p = pace({"reply": 0.5}, 30.0, 3600.0, START, END)  # an hour in: counts as a day
    assert p.reserve == pytest.approx(15.0)
    assert not p.posts_held  # the first post of the month still goes out


def test_projection_is_this_months_rate_to_month_end() -> None:
    assert pace({"post": 2.0, "reply": 1.0}, 30.0, 15 * DAY, START, END).projected == (
        pytest.approx(6.0)
    )


def test_projection_counts_pacing_and_the_budget_not_the_raw_rate() -> None:
    # $12 of replies and $0.20 of posts by the 5th of a $25 month: at the raw rate that is
    # $78 by month end, but the bot stops at the budget and pacing holds posts back.
    p = pace({"reply": 12.0, "post": 0.2}, 25.0, 4 * DAY, START, END)
    assert p.projected == pytest.approx(25.0)
    assert p.posts_held
    # Posts running ahead of their share count only up to that share.
    q = pace({"reply": 0.3, "post": 1.0}, 10.0, 3 * DAY, START, END)
    assert q.projected == pytest.approx(0.3 * 10 + (10.0 - 3.0))
