"""The X adapter against a misbehaving server: slow bodies, huge bodies, endless pages,
daily and monthly caps, error-only answers and malformed rows, over real HTTP."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from bot.platforms.base import RateLimited, Unavailable
from bot.platforms.x import MAX_PAGES, XPlatform
from tests.support.fakex import X_CREDENTIALS, FakeX


def test_a_trickled_body_is_cut_at_the_total_deadline(fake_x: FakeX) -> None:
    platform = XPlatform(**X_CREDENTIALS, base_url=fake_x.url, timeout=(0.5, 2.5), deadline=1.5)
    fake_x.fail("post", "trickle", delay=0.3)  # a byte every 0.3 s, under the read timeout
    start = time.monotonic()
    with pytest.raises(Unavailable) as caught:
        platform.post("slowly answered")
    assert time.monotonic() - start < 10.0  # not the ~90 s the trickle would take
    assert caught.value.maybe_sent is True  # stored by the server: settled later
    platform.close()


def test_abort_gives_up_a_call_in_flight_after_a_short_grace(fake_x: FakeX) -> None:
    platform = XPlatform(**X_CREDENTIALS, base_url=fake_x.url, timeout=(0.5, 30.0), deadline=60)
    fake_x.fail("post", "trickle", delay=0.5)
    threading.Timer(0.5, platform.abort).start()
    start = time.monotonic()
    with pytest.raises(Unavailable) as caught:
        platform.post("in flight at shutdown")
    assert time.monotonic() - start < 10.0  # not the ~90 s the trickle would take
    assert caught.value.maybe_sent is True
    with pytest.raises(Unavailable):  # and no new call starts after the abort
        platform.post("after the stop")
    assert "after the stop" not in [p.text for p in fake_x.timeline()]
    platform.close()


def test_a_huge_body_is_refused_without_reading_it_all(
    fake_x: FakeX, x_platform: XPlatform
) -> None:
    x_platform.whoami()
    fake_x.fail("mentions", "huge")
    with pytest.raises(Unavailable) as caught:
        x_platform.mentions(None)
    assert "over" in str(caught.value)


def test_endless_pages_stop_at_the_cap_and_each_page_is_counted(
    fake_x: FakeX, x_platform: XPlatform
) -> None:
    fake_x.add_mention("@CloseTheCampsBot hello", "alice")
    fake_x.chaos("mentions", "endless", rate=1.0)
    pages: list[int] = []

    def on_page(n: int) -> bool:
        pages.append(n)
        return True

    got = x_platform.mentions(None, on_page=on_page)
    assert len(fake_x.requests("mentions")) == MAX_PAGES
    assert len(pages) == MAX_PAGES and pages[0] == 1
    assert [m.author_username for m in got] == ["alice"]


def test_on_page_can_stop_the_read(fake_x: FakeX, x_platform: XPlatform) -> None:
    fake_x.chaos("mentions", "endless", rate=1.0)
    x_platform.mentions(None, on_page=lambda n: False)
    assert len(fake_x.requests("mentions")) == 1


def test_the_24_hour_cap_waits_for_its_own_reset(fake_x: FakeX, x_platform: XPlatform) -> None:
    fake_x.fail("post", "429_day", reset_in=20 * 3600)
    with pytest.raises(RateLimited) as caught:
        x_platform.post("x")
    assert caught.value.scope == "day"
    assert caught.value.reset_at is not None
    assert abs(caught.value.reset_at - (time.time() + 20 * 3600)) < 5


def test_the_monthly_usage_cap_waits_for_the_month(fake_x: FakeX, x_platform: XPlatform) -> None:
    fake_x.fail("post", "429_usage_capped")
    with pytest.raises(RateLimited) as caught:
        x_platform.post("x")
    assert caught.value.scope == "month"
    assert caught.value.reset_at is not None
    turn = datetime.fromtimestamp(caught.value.reset_at, UTC)
    assert (turn.day, turn.hour, turn.minute) == (1, 0, 0)
    assert caught.value.reset_at > time.time()


def test_an_answer_with_only_errors_is_an_error(fake_x: FakeX, x_platform: XPlatform) -> None:
    x_platform.whoami()
    fake_x.add_mention("@CloseTheCampsBot hi", "bob")
    fake_x.fail("mentions", "errors_only")
    with pytest.raises(Unavailable) as caught:
        x_platform.mentions(None)
    assert "Not Found Error" in str(caught.value)
    assert [m.author_username for m in x_platform.mentions(None)] == ["bob"]


def test_malformed_rows_are_skipped_alone(
    fake_x: FakeX, x_platform: XPlatform, caplog: pytest.LogCaptureFixture
) -> None:
    x_platform.whoami()
    fake_x.add_mention("@CloseTheCampsBot one", "carol")
    fake_x.add_mention("@CloseTheCampsBot two", "dave")
    fake_x.fail("mentions", "bad_rows")
    got = x_platform.mentions(None)
    # Before: a 5,000-digit id stopped every read (int() refuses it), and a 30-digit one
    # became the cursor, asking X for mentions newer than any will ever be.
    assert [m.author_username for m in got] == ["carol", "dave"]
    assert "skipped 4 malformed" in caplog.text
    assert "bad row" not in caplog.text and "no author" not in caplog.text


def test_a_page_of_malformed_rows_is_read_and_paid_for_once(
    fake_x: FakeX, x_platform: XPlatform
) -> None:
    x_platform.whoami()
    fake_x.fail("mentions", "only_bad_rows")
    assert x_platform.mentions(None) == []  # the engine's cursor stays where it was
    fake_x.add_mention("@CloseTheCampsBot after the bad page", "erin")
    assert [m.author_username for m in x_platform.mentions(None)] == ["erin"]
    # Before: nothing moved past the bad rows, so every read fetched (and paid for) the
    # same page again; now the next read starts after them.
    assert fake_x.requests("mentions")[-1].query.get("since_id") is not None


@pytest.mark.parametrize(
    "body", [{"errors": [{"title": "Forbidden"}], "meta": {"result_count": 0}}, {"errors": 5}]
)
def test_an_errors_answer_with_meta_or_a_broken_one_is_an_error(
    fake_x: FakeX, x_platform: XPlatform, body: dict[str, object]
) -> None:
    from bot.platforms._x_answers import refuse_errors_only

    with pytest.raises(Unavailable):
        refuse_errors_only(body)
