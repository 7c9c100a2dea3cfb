"""The engine end to end: real store, real X adapter, real HTTP to the fake X API."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.content import config as cfg
from bot.content.textrules import links
from bot.platforms.x import XPlatform
from bot.policy import rotation
from bot.runtime.engine import Engine
from bot.runtime.store import PostTarget, Store
from tests.support.fakex import FakeX
from tests.support.roots import FAST_SCHEDULE, Clock


@pytest.fixture(scope="module")
def root_schedule() -> str:
    """`valid_root` gets the 1 s test schedule (see conftest.py)."""
    return FAST_SCHEDULE


def build(root: Path, x_platform: XPlatform, tmp_path: Path, clock: Clock | None = None) -> Engine:
    config, problems = cfg.check(root)
    assert config is not None, [p.render() for p in problems]
    return Engine(x_platform, Store(tmp_path / "state.sqlite3"), config, clock or Clock())


@pytest.fixture
def engine(valid_root: Path, x_platform: XPlatform, tmp_path: Path) -> Iterator[Engine]:
    e = build(valid_root, x_platform, tmp_path)
    yield e
    e.store.close()


def slot(e: Engine):  # type: ignore[no-untyped-def]
    return e.config.schedule.slots[0]


def texts(fx: FakeX) -> list[str]:
    return [p.text for p in fx.timeline()]


def test_slot_posts_an_approved_post_with_the_hashtag(engine: Engine, fake_x: FakeX) -> None:
    engine.run_slot(slot(engine))
    assert len(fake_x.timeline()) == 1
    assert "#CloseTheCamps" in fake_x.timeline()[0].text
    assert engine.store.recent_attempts(1)[0].status == "done"


def test_many_slots_never_repeat_a_text(engine: Engine, fake_x: FakeX) -> None:
    for _ in range(30):
        engine.run_slot(slot(engine))
    assert len(texts(fake_x)) == 30 == len(set(texts(fake_x)))


def test_unknown_outcome_is_resolved_by_resending_the_identical_text(
    engine: Engine, fake_x: FakeX
) -> None:
    fake_x.fail("post", "store_503")
    engine.run_slot(slot(engine))
    assert engine.store.unresolved("post")
    engine.store.clear_pause("post")  # skip the back-off wait
    engine.run_slot(slot(engine))
    posted = texts(fake_x)
    # The first text went out once; the resend was rejected as a duplicate.
    assert len(posted) == len(set(posted)) == 2
    assert not engine.store.unresolved()
    assert any("already posted" in (a.detail or "") for a in engine.store.recent_attempts())


def test_crash_between_record_and_call_posts_once(engine: Engine, fake_x: FakeX) -> None:
    # What a kill -9 right after recording the intent leaves behind.
    engine.store.begin_attempt(
        "post:fast:1", "post", "x", "Crashed text #CloseTheCamps", now=engine.clock()
    )
    engine.run_slot(slot(engine))
    assert texts(fake_x).count("Crashed text #CloseTheCamps") == 1
    engine.run_slot(slot(engine))
    assert texts(fake_x).count("Crashed text #CloseTheCamps") == 1


def test_a_post_settled_by_another_slot_run_is_not_sent_again(
    engine: Engine, fake_x: FakeX
) -> None:
    """Two slot runs overlap (a missed slot posted at start beside the regular one, or
    two slots): the first records its attempt, and before its send thread takes the
    send lock, the second's settle finds the attempt open and sends it. The first must
    then not send it again (found by the crash test; on X the duplicate check hid it,
    on snac, which ignores Idempotency-Key, it posted twice)."""
    target = PostTarget(engine.store.platform, "post:fast:overlap", "post", 0.0)
    [attempt] = engine.store.begin_posts(
        [target], "x", "Overlapping text #CloseTheCamps", "pool", {}, now=engine.clock()
    )
    with engine.send_lock:
        assert engine.outbox.settle("post")  # the other slot run's _ready
    engine.send_attempt(attempt)  # the first slot run's send thread, a moment later
    assert len(fake_x.requests("post")) == 1
    done = engine.store.attempt(attempt.key)
    assert done is not None and done.status == "done" and done.remote_id


def test_two_slot_runs_at_once_pick_two_posts(
    engine: Engine, fake_x: FakeX, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missed slot caught up at start runs beside the slot's regular run, in the same
    second. Both picking before either records its pick would send one post twice under
    two keys. The real pick, held until the other run picks too (or 0.5 s): the two
    runs' picks meet only if nothing keeps them apart."""
    both = threading.Barrier(2)
    pick = rotation.pick

    def pick_together(*args: Any, **kwargs: Any) -> rotation.Choice:
        choice = pick(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            both.wait(timeout=0.5)
        return choice

    monkeypatch.setattr(rotation, "pick", pick_together)
    runs = [threading.Thread(target=engine.run_slot, args=(slot(engine),)) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    posted = [a.item_id for a in engine.store.recent_attempts(kind="post")]
    assert len(posted) == 2 and len(set(posted)) == 2, posted


def test_timeout_then_resolution_does_not_double_post(
    valid_root: Path, fake_x: FakeX, tmp_path: Path
) -> None:
    platform = XPlatform("k", "s", "t", "ts", base_url=fake_x.url, timeout=(0.5, 0.3), deadline=0.5)
    e = build(valid_root, platform, tmp_path)
    fake_x.fail("post", "timeout", delay=1.0)
    e.run_slot(slot(e))
    assert e.store.unresolved("post")
    e.store.clear_pause("post")
    e.run_slot(slot(e))
    assert len(texts(fake_x)) == len(set(texts(fake_x))) == 2


def test_429_pauses_posting_until_reset_without_more_requests(
    engine: Engine, fake_x: FakeX
) -> None:
    fake_x.fail("post", "429", reset_in=30)
    engine.run_slot(slot(engine))
    before = len(fake_x.requests("post"))
    for _ in range(5):
        engine.run_slot(slot(engine))
    assert len(fake_x.requests("post")) == before == 1
    assert "post" in engine.store.pauses()


def test_budget_stops_calls_before_they_exceed_it(
    valid_root: Path, x_platform: XPlatform, fake_x: FakeX, tmp_path: Path
) -> None:
    sched = (valid_root / "schedule.yaml").read_text() + "  monthly_budget_usd: 0.5\n"
    (valid_root / "schedule.yaml").write_text(sched)
    e = build(valid_root, x_platform, tmp_path)
    for _ in range(20):
        e.run_slot(slot(e))
    assert e.store.spent_since(0) <= 0.5
    assert 0 < len(fake_x.timeline()) < 20


def test_daily_limit(
    valid_root: Path, x_platform: XPlatform, fake_x: FakeX, tmp_path: Path
) -> None:
    (valid_root / "schedule.yaml").write_text(
        (valid_root / "schedule.yaml")
        .read_text()
        .replace("posts_per_day: 1000", "posts_per_day: 3")
    )
    e = build(valid_root, x_platform, tmp_path)
    for _ in range(6):
        e.run_slot(slot(e))
    assert len(fake_x.timeline()) == 3


def replies(fx: FakeX) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in fx.timeline():
        if p.in_reply_to:
            out.setdefault(p.in_reply_to, []).append(p.text)
    return out


def test_mention_gets_one_reply_with_country_resources(engine: Engine, fake_x: FakeX) -> None:
    mid = fake_x.add_mention(
        "@CloseTheCampsBot I'm in Hamburg, how can I help?", "anna_hh", lang="en"
    )
    engine.read_mentions()
    engine.read_mentions()
    got = replies(fake_x)
    assert list(got) == [mid] and len(got[mid]) == 1
    text = got[mid][0]
    assert text.startswith("@anna_hh ")
    assert "Hamburg" not in text and "how can I help" not in text


def test_person_who_may_be_in_russia_gets_the_identical_neutral_reply(
    engine: Engine, fake_x: FakeX
) -> None:
    a = fake_x.add_mention("@CloseTheCampsBot я живу в Грозном, мне страшно", "u_one", lang="ru")
    b = fake_x.add_mention("@CloseTheCampsBot I'm in Moscow. Is it safe to sign?", "u_two")
    engine.read_mentions()
    got = replies(fake_x)
    body_a = got[a][0].removeprefix("@u_one ")
    body_b = got[b][0].removeprefix("@u_two ")
    assert body_a == body_b
    assert "accessnow.org" in body_a and "lgbt" not in body_a.lower()
    for word in ("Grozny", "Грозн", "Moscow", "Russia", "Chechnya"):
        assert word not in body_a


def test_cooldown_and_opt_out(engine: Engine, fake_x: FakeX) -> None:
    first = fake_x.add_mention("@CloseTheCampsBot what can I do from France?", "marie")
    fake_x.add_mention("@CloseTheCampsBot and from Belgium?", "marie")
    engine.read_mentions()
    assert list(replies(fake_x)) == [first]
    fake_x.add_mention("@CloseTheCampsBot stop", "paul")
    engine.read_mentions()
    later = fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "paul")
    engine.read_mentions()
    assert later not in replies(fake_x)


def test_first_start_ignores_old_mentions(
    valid_root: Path, x_platform: XPlatform, fake_x: FakeX, tmp_path: Path
) -> None:
    fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "old_one")
    clock = Clock()
    clock.offset = 7200  # the mention is two hours old when the bot first starts
    e = build(valid_root, x_platform, tmp_path, clock)
    e.read_mentions()
    assert replies(fake_x) == {}
    new = fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "new_one")
    e.read_mentions()
    assert list(replies(fake_x)) == [new]


def test_mention_text_is_never_stored(engine: Engine, fake_x: FakeX, tmp_path: Path) -> None:
    secret = "Zzyzx-unique-phrase-in-mention"
    fake_x.add_mention(f"@CloseTheCampsBot I'm in Boston {secret}, who are my reps?", "bob")
    engine.read_mentions()
    engine.store.close()
    for f in tmp_path.glob("state.sqlite3*"):
        assert secret.encode() not in f.read_bytes()


def test_reply_not_allowed_is_final_and_not_retried(engine: Engine, fake_x: FakeX) -> None:
    fake_x.add_mention("@CloseTheCampsBot I'm in Boston, who are my reps?", "bob")
    fake_x.fail("post", "403_reply_not_allowed")
    engine.read_mentions()
    engine.read_mentions()
    assert replies(fake_x) == {}
    assert len(fake_x.requests("post")) == 1


def test_own_posts_are_ignored(engine: Engine, fake_x: FakeX) -> None:
    fake_x.add_mention(
        "@CloseTheCampsBot I'm in Boston, who are my reps?",
        fake_x.bot_username,
        author_id=fake_x.bot_id,
    )
    engine.read_mentions()
    assert replies(fake_x) == {}


def test_an_account_that_keeps_mentioning_the_bot_is_a_loop(
    valid_root: Path, x_platform: XPlatform, fake_x: FakeX, tmp_path: Path
) -> None:
    # With no cooldown, only the loop rule can stop a bot-to-bot ping-pong.
    (valid_root / "schedule.yaml").write_text(
        (valid_root / "schedule.yaml")
        .read_text()
        .replace(
            "  first_start_cutoff: 1h\n",
            "  first_start_cutoff: 1h\n  author_cooldown: 0s\n  loop_limit: 3\n",
        )
    )
    e = build(valid_root, x_platform, tmp_path)
    for i in range(6):
        fake_x.add_mention(
            f"@CloseTheCampsBot I'm in Boston, who are my reps? ({i})",
            "chatty_bot",
            in_reply_to_user_id=fake_x.bot_id,
        )
        e.read_mentions()
    counts = e.store.mention_counts()
    assert counts.get("reply:sent") == 3 and counts.get("skip:none") == 3


def test_status_reports_when_the_budget_stops_a_kind_of_call(
    valid_root: Path,
    x_platform: XPlatform,
    fake_x: FakeX,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    from bot.commands.status import status

    (valid_root / "schedule.yaml").write_text(
        (valid_root / "schedule.yaml").read_text() + "  monthly_budget_usd: 0.1\n"
    )
    e = build(valid_root, x_platform, tmp_path)
    for _ in range(5):
        e.run_slot(slot(e))
    e.store.close()
    assert status(valid_root, str(tmp_path / "state.sqlite3"), as_json=True) == 0
    info = json.loads(capsys.readouterr().out)
    # $0.10 never covers a $0.20 post with a link; plain posts went out meanwhile.
    assert "post_with_url" in info["budget"]["stopped"]
    assert all(not links(p.text) for p in fake_x.timeline())


def test_an_opt_out_cancels_a_reply_still_queued(engine: Engine, fake_x: FakeX) -> None:
    fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "changed_mind")
    fake_x.add_mention("@CloseTheCampsBot stop", "changed_mind")
    engine.read_mentions()
    assert replies(fake_x) == {}


def test_a_reply_queued_past_reply_within_is_dropped_not_sent(
    engine: Engine, fake_x: FakeX, caplog: pytest.LogCaptureFixture
) -> None:
    engine.read_mentions()  # past the first start
    fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "waited")
    fake_x.fail("post", "402")  # out of credits: the reply stays queued
    engine.read_mentions()
    assert replies(fake_x) == {}
    assert isinstance(engine.clock, Clock)
    engine.clock.offset += 25 * 3600  # credits come back a day and an hour later
    caplog.set_level("INFO")
    engine.read_mentions()
    assert replies(fake_x) == {}
    assert "queued reply dropped: waited too long" in caplog.text
    assert engine.store.pending_replies() == []


def test_a_mention_first_read_after_reply_within_gets_no_reply_but_its_opt_out_counts(
    engine: Engine, fake_x: FakeX, caplog: pytest.LogCaptureFixture
) -> None:
    """An outage (or a mentions endpoint failing for days): the mention was written over a
    day before the bot could read it. Before: it was answered at once on reading."""
    engine.read_mentions()  # past the first start
    fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "asked_long_ago")
    fake_x.add_mention("@CloseTheCampsBot stop", "said_stop")
    assert isinstance(engine.clock, Clock)
    engine.clock.offset += 25 * 3600
    caplog.set_level("INFO")
    engine.read_mentions()
    assert replies(fake_x) == {}
    assert caplog.text.count("mention too old to answer") == 1  # "stop" needs no answer
    fresh = fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "said_stop")
    engine.clock.offset = 25 * 3600 + 120  # now written after the clock's jump
    engine.read_mentions()
    assert fresh not in replies(fake_x)  # the old "stop" still holds


def test_a_reply_of_unknown_outcome_is_not_resent_past_reply_within(
    valid_root: Path, x_platform: XPlatform, fake_x: FakeX, tmp_path: Path
) -> None:
    sched = (valid_root / "schedule.yaml").read_text()
    (valid_root / "schedule.yaml").write_text(
        sched.replace(
            "  first_start_cutoff: 1h\n", "  first_start_cutoff: 1h\n  reply_within: 1h\n"
        )
    )
    engine = build(valid_root, x_platform, tmp_path)
    engine.read_mentions()
    fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "unknown_fate")
    fake_x.fail("post", "500")  # refused before acting, but a 5xx on a POST is "unknown"
    engine.read_mentions()
    posts = len(fake_x.requests("post"))
    assert isinstance(engine.clock, Clock)
    engine.clock.offset += 2 * 3600  # past reply_within, inside the 12 h give-up
    engine.read_mentions()
    # Before: settle re-sent it whatever its age (only its own 12 h give-up applied).
    assert len(fake_x.requests("post")) == posts and replies(fake_x) == {}
    assert engine.store.recent_attempts(1)[0].detail == "reply too old to re-send"
    engine.store.close()


def test_pacing_spreads_posts_and_replies_still_go_out(
    valid_root: Path, x_platform: XPlatform, fake_x: FakeX, tmp_path: Path
) -> None:
    # Noon on the 2nd: posts may have spent 1.5/31 of $5 (24 cents), less than 40 posts
    # cost whichever the rotation picks (1.5 cents without a link, 20 with one). On the
    # real date the share, and so the test, changed with the day of the month.
    sched = (valid_root / "schedule.yaml").read_text() + "  monthly_budget_usd: 5\n"
    (valid_root / "schedule.yaml").write_text(sched)
    clock = Clock()
    clock.offset = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC).timestamp() - time.time()
    e = build(valid_root, x_platform, tmp_path, clock)
    pacing = e.spending.pacing(e.config.schedule)
    for _ in range(40):
        e.run_slot(slot(e))
    posted = len(fake_x.timeline())
    assert 0 < posted < 40  # held back, not silent
    paced = e.spending.pacing(e.config.schedule)
    assert paced.posts_held
    assert paced.spent <= pacing.posts_allowance + 0.2 + 1e-9  # at most one post ahead
    e.read_mentions()
    fake_x.add_mention("@CloseTheCampsBot I'm in Ireland, how do I help?", "paced")
    e.read_mentions()
    assert len(replies(fake_x)) == 1  # replies are never paced
