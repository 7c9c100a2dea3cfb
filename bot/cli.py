"""`closethecamps` argument parsing; the work is in bot.commands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line and exit 2, never a usage dump that hides the point.
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def _count(value: str) -> int:
    # A year of five posts a day; far more would only keep the terminal busy for minutes.
    n = _positive(value)
    if n > 2000:
        raise argparse.ArgumentTypeError(f"expected at most 2000, not {value!r}")
    return n


def _seconds(value: str) -> float:
    try:
        secs = float(value)
    except ValueError:
        secs = 0.0
    if not 0 < secs <= 600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 600, not {value!r}")
    return secs


def _month(value: str) -> str:
    from bot.commands.report import parse_month

    if parse_month(value) is None:
        raise argparse.ArgumentTypeError(
            f"expected YYYY-MM from 2000-01 on (e.g. 2027-03), not {value!r}"
        )
    return value


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="closethecamps", description="The #CloseTheCamps awareness bot.")
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=_Parser)

    def cmd(name: str, help_: str, state: bool = False) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_, description=help_)
        c.add_argument(
            "--root",
            type=Path,
            default=Path("."),
            help="folder holding schedule.yaml and messages/ (default: .)",
        )
        if state:
            c.add_argument(
                "--state",
                help="SQLite state file, relative to --root (default: STATE_DB or "
                "var/state.sqlite3)",
            )
        return c

    cmd("run", "run the daemon (on the sandbox when no X keys are set)", state=True)
    c = cmd("validate", "check messages/ and schedule.yaml; exit 1 if not publishable")
    c.add_argument(
        "--verbose", action="store_true", help="one line for each unverified or stale link"
    )
    c = cmd("approve", "record that NAME approved the exact text of post or template ID")
    c.add_argument("id", nargs="?")
    c.add_argument("--by", metavar="NAME")
    c.add_argument("--list", action="store_true", help="list every id and whether it is approved")
    c = cmd("preview", "list the next N posts with their times", state=True)
    c.add_argument("--count", type=_count, default=10)
    c.add_argument(
        "--stats",
        action="store_true",
        help="per post: how often it goes out in the window and its shortest gap",
    )
    c.add_argument("--json", action="store_true")
    c = cmd("status", "latest posts and outcomes, next runs, budget, rate limits", state=True)
    c.add_argument("--json", action="store_true")
    c = cmd("report", "a month of the bot as one HTML page (--html) or JSON", state=True)
    when = c.add_mutually_exclusive_group()
    when.add_argument("--month", type=_month, metavar="YYYY-MM", help="default: this month")
    when.add_argument("--days", type=_positive, metavar="N", help="the last N days instead")
    c.add_argument("--html", type=Path, metavar="FILE", help="write the report page here")
    c.add_argument("--json", action="store_true", help="print the figures as JSON")
    c = cmd("route", "show where a mention is placed and what the bot would reply")
    c.add_argument("text", nargs="?")
    c.add_argument("--lang")
    c.add_argument("--location")
    c.add_argument("--json", action="store_true")
    c.add_argument("--jsonl", metavar="FILE", help="route each JSON line of FILE (- = stdin)")
    c.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        default=1,
        help="processes for a big --jsonl input (default 1; each takes ~40 MB)",
    )
    c = cmd("measure", "a text's length and limit on X, Mastodon and Bluesky")
    c.add_argument("text", nargs="?")
    c.add_argument("--json", action="store_true")
    c.add_argument("--jsonl", metavar="FILE", help='measure each {"id", "text"} line (- = stdin)')
    c = cmd("links", "every link in posts, replies and resources; --check opens each")
    c.add_argument("--json", action="store_true", help="print only JSON on stdout")
    c.add_argument("--check", action="store_true", help="open each link; exit 1 if any is dead")
    c.add_argument(
        "--concurrency", type=_positive, metavar="N", default=8, help="links at once (default 8)"
    )
    c.add_argument(
        "--timeout",
        type=_seconds,
        metavar="S",
        default=10.0,
        help="seconds for a whole attempt at one link, body included (default 10)",
    )
    c.add_argument(
        "--record",
        action="store_true",
        help="with --check: set the checked date of resource entries whose links all answered",
    )
    sb = sub.add_parser("sandbox", help="the embedded sandbox platform")
    sbs = sb.add_subparsers(dest="sandbox_cmd", required=True, parser_class=_Parser)
    c = sbs.add_parser("mention", help="inject a mention of the bot")
    c.add_argument("text")
    c.add_argument("--user", default="newcomer")
    c.add_argument("--location")
    c.add_argument("--lang")
    c.add_argument("--root", type=Path, default=Path("."))
    c.add_argument("--state")
    c = sbs.add_parser("timeline", help="what the bot posted and replied on the sandbox")
    c.add_argument("--json", action="store_true")
    c.add_argument("--limit", type=int, default=50)
    c.add_argument("--root", type=Path, default=Path("."))
    c.add_argument("--state")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root
    if not root.is_dir():
        print(
            f"{root}: --root is not a folder (pass the folder holding schedule.yaml)",
            file=sys.stderr,
        )
        return 2
    if getattr(args, "state", None) == "":
        print(
            "closethecamps: --state is empty (pass a file name, or leave it out)", file=sys.stderr
        )
        return 2
    bot_folder = os.path.lexists(root / "schedule.yaml") or (
        args.cmd in ("validate", "approve") and (root / "messages").is_dir()
    )
    if args.cmd != "measure" and not bot_folder:
        # Said once, before anything could create var/ or a database in the wrong folder,
        # or validate list every file of a bot folder as missing. validate and approve
        # still work on a messages/ folder whose schedule.yaml is missing (for validate,
        # that is one of its problems); measure reads nothing there.
        print(f"closethecamps: no schedule.yaml in {root} (use --root)", file=sys.stderr)
        return 2
    from bot.runtime.schema import StoreError

    try:
        # Each command's module is imported only when it runs: APScheduler only for the
        # daemon, locate only for route.
        if args.cmd == "run":
            from bot.runtime.starting import StoppedWhileStarting, guard_start

            guard_start()  # before the daemon's imports, which take most of a second
            try:
                from bot.runtime import daemon

                return daemon.run(root, args.state)
            except StoppedWhileStarting:
                print("closethecamps: stopped while starting", file=sys.stderr)
                return 0
        if args.cmd in ("validate", "approve", "preview"):
            from bot.commands import content

            if args.cmd == "validate":
                return content.validate(root, verbose=args.verbose)
            if args.cmd == "approve":
                if args.list:
                    return content.list_cmd(root)
                if args.id is None or args.by is None:
                    print(
                        "closethecamps approve: give ID --by NAME, or --list to see the ids",
                        file=sys.stderr,
                    )
                    return 2
                return content.approve_cmd(root, args.id, args.by)
            return content.preview(root, args.count, args.json, args.state, stats=args.stats)
        if args.cmd == "status":
            from bot.commands.status import status

            return status(root, args.state, args.json)
        if args.cmd == "report":
            from bot.commands.report import report

            if args.html is None and not args.json:
                print("closethecamps report: give --html FILE or --json", file=sys.stderr)
                return 2
            return report(root, args.state, args.month, args.days, args.html, args.json)
        if args.cmd == "measure":
            from bot.commands.measure import measure

            if (args.text is None) == (args.jsonl is None):
                print("closethecamps measure: give TEXT or --jsonl FILE", file=sys.stderr)
                return 2
            return measure(root, args.text, args.json, args.jsonl)
        if args.cmd == "links":
            from bot.commands.links import links, links_check

            if not args.check:
                if args.record:
                    print("closethecamps links: --record needs --check", file=sys.stderr)
                    return 2
                return links(root, args.json)
            return links_check(root, args.concurrency, args.timeout, args.record, args.json)
        if args.cmd == "route":
            from bot.commands.route import route

            if args.text is None and args.jsonl is None:
                print("closethecamps route: give TEXT or --jsonl FILE", file=sys.stderr)
                return 2
            return route(
                root, args.text, args.lang, args.location, args.json, args.jsonl, args.workers
            )
        from bot.commands import sandbox

        if args.sandbox_cmd == "mention":
            return sandbox.sandbox_mention(
                root, args.text, args.user, args.location, args.lang, args.state
            )
        return sandbox.sandbox_timeline(root, args.json, args.limit, args.state)
    except StoreError as e:
        print(e, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
