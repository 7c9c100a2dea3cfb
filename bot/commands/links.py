"""`links`: every link the bot can send, and `links --check`: open them.

links(root, as_json)                                  the list
links_check(root, concurrency, timeout, record, ...)  open each; exit 1 if any is dead
link_warnings(root, today)                            what validate says about them
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.commands._common import err
from bot.content.checker import STALE_AFTER
from bot.content.links import FACTS_FILE, Link, inventory, record_checked
from bot.content.model import Post
from bot.content.problems import Problem
from bot.content.yamlsrc import Key

if TYPE_CHECKING:
    from bot.runtime.linkcheck import Outcome

_MARK = {True: "yes", False: "no", None: "-"}


def _load(root: Path) -> list[Link] | None:
    found, problems = inventory(root)
    for p in problems:
        err(p.render())
    return None if problems else found


def _where(link: Link) -> str:
    return ", ".join(f"{u.file}:{u.line}" for u in link.uses)


def links(root: Path, as_json: bool = False, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    found = _load(root)
    if found is None:
        return 1
    if as_json:
        print(json.dumps([k.as_json() for k in found], ensure_ascii=False, indent=2), file=out)
        return 0
    print(f"{'verified':<9} {'checked':<11} url  (used at)", file=out)
    for k in found:
        checked = k.checked.isoformat() if k.checked else "-"
        print(f"{_MARK[k.verified]:<9} {checked:<11} {k.url}  ({_where(k)})", file=out)
    marks = [k.verified for k in found]
    print(
        f"{len(found)} links: {marks.count(True)} verified, {marks.count(False)} unverified, "
        f"{marks.count(None)} with no mark",
        file=out,
    )
    return 0


class _Progress:
    """A bar on stderr when it is a terminal; nothing otherwise (logs, pipes, CI)."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.on = stream.isatty() and total > 0

    def step(self, _: Outcome) -> None:
        self.done += 1
        if self.on:
            filled = 30 * self.done // self.total
            bar = "#" * filled + "-" * (30 - filled)
            self.stream.write(f"\rchecking links [{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def end(self) -> None:
        if self.on:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _report(found: list[Link], results: dict[str, Outcome], seconds: float, out: TextIO) -> None:
    from bot.runtime.linkcheck import SLOW_AFTER

    for k in found:
        r = results[k.url]
        if r.dead:
            why = r.error or f"HTTP {r.status} ({r.method})"
            tries = f", {r.attempts} attempts" if r.attempts > 1 else ""
            print(f"dead   {k.url}  {why}{tries}  ({_where(k)})", file=out)
    for k in found:
        r = results[k.url]
        if r.moved:
            print(f"moved  {k.url} -> {r.final_url}  ({_where(k)})", file=out)
    for k in found:
        r = results[k.url]
        if r.slow:
            print(f"slow   {k.url}  {r.seconds:.1f} s  ({_where(k)})", file=out)
    outcomes = list(results.values())
    dead = sum(r.dead for r in outcomes)
    print(
        f"checked {len(outcomes)} links in {seconds:.1f} s: {len(outcomes) - dead} answered "
        f"({sum(r.moved for r in outcomes)} moved, {sum(r.slow for r in outcomes)} slower "
        f"than {SLOW_AFTER:g} s), {dead} dead",
        file=out,
    )


def _answered_places(found: list[Link], results: dict[str, Outcome]) -> set[tuple[str, Key]]:
    """The `checked` dates whose every link answered: an entry's date covers all of them."""
    ok: dict[tuple[str, Key], bool] = {}
    for k in found:
        for u in k.uses:
            if u.checked_at is not None:
                ok[u.checked_at] = ok.get(u.checked_at, True) and not results[k.url].dead
    return {p for p, good in ok.items() if good}


def links_check(
    root: Path,
    concurrency: int = 8,
    timeout: float = 10.0,
    record: bool = False,
    as_json: bool = False,
    today: dt.date | None = None,
    out: TextIO | None = None,
) -> int:
    # Imported here: validate imports this module for link_warnings, and needs no network.
    from bot.runtime.linkcheck import check_links

    out = out or sys.stdout
    found = _load(root)
    if found is None:
        return 1
    progress = _Progress(len(found), sys.stderr)
    start = time.monotonic()
    try:
        results = check_links([k.url for k in found], timeout, concurrency, progress.step)
    finally:
        progress.end()
    if as_json:
        rows = [{**results[k.url].as_json(), "uses": k.as_json()["uses"]} for k in found]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
    else:
        _report(found, results, time.monotonic() - start, out)
    if record:
        day = today or dt.date.today()
        places = _answered_places(found, results)
        problems = record_checked(root, places, day)
        for p in problems:
            err(p.render())
        if problems:
            return 1
        files = sorted({f for f, _ in places})
        print(
            f"recorded checked: {day} for {len(places)} entries"
            + (f" in {', '.join(files)}" if files else ""),
            file=sys.stderr if as_json else out,
        )
    return 1 if any(r.dead for r in results.values()) else 0


def link_warnings(
    root: Path, today: dt.date, posts: Sequence[Post] | None = None
) -> tuple[str | None, list[Problem]]:
    """validate's summary line about links (None when there is nothing to say) and one
    warning per link for --verbose. `posts`, when validate has loaded them, are not
    parsed again (10,000 posts would take seconds)."""
    found, _ = inventory(root, posts)  # validate reports unreadable files itself
    unverified = [k for k in found if k.verified is False]
    stale = [k for k in found if k.checked is not None and today - k.checked > STALE_AFTER]
    detail: list[Problem] = []
    for k in unverified:
        use = next(u for u in k.uses if u.verified is False)
        where = FACTS_FILE if use.note else f"{use.file} ('verified: true')"
        detail.append(
            Problem(
                use.file,
                use.line,
                f"link {k.url} is not verified",
                f"open it, read the page, then mark it verified in {where}",
                warning=True,
            )
        )
    for k in stale:
        use = min((u for u in k.uses if u.checked), key=lambda u: u.checked or today)
        detail.append(
            Problem(
                use.file,
                use.line,
                f"link {k.url} last checked on {k.checked}, over a year ago",
                "closethecamps links --check --record, or open it and update 'checked'",
                warning=True,
            )
        )
    if not detail:
        return None, []
    summary = (
        f"validate: {len(unverified)} links unverified, {len(stale)} checked over a year ago "
        "(closethecamps links; --verbose for each)"
    )
    return summary, sorted(detail)
