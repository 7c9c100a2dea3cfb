"""`closethecamps ARGS` run in the test's own process, for tests about a command's output.

A command is a plain function behind bot.cli.main, so most command tests need no new
Python: a subprocess costs about two seconds of CPU (start-up and a cold template check),
and the suite ran a few hundred. An exception escaping main fails the test, as a
traceback would. Tests about the process itself (the console script, a crash, a hang, a
signal) still start one: tests/commands/test_validate.py, tests/content/test_hostile_files.py.

    run_cli(*args, stdin="", cwd=None) -> CompletedProcess (args, returncode, stdout, stderr)
"""

from __future__ import annotations

import contextlib
import io
import logging
import subprocess
import sys
from pathlib import Path

from bot.cli import main


def run_cli(
    *args: str, stdin: str | bytes = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    # Commands that log set up the root logger; pytest's own handlers are put back after.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    raw = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    try:
        with (
            contextlib.chdir(cwd or Path.cwd()),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                code = main(list(args))
            except SystemExit as stop:  # argparse's usage errors
                code = stop.code if isinstance(stop.code, int) else 1
    finally:
        sys.stdin = saved_stdin
        root.handlers[:] = handlers
        root.setLevel(level)
    return subprocess.CompletedProcess(
        ["closethecamps", *args], code, out.getvalue(), err.getvalue()
    )
