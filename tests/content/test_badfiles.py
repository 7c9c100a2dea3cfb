"""Every file in tests/badfiles/ must make `closethecamps validate` fail with one clear line.

Each case: the shipped content (made publishable in a tmp copy), one bad file dropped in,
then `validate` must exit 1 and print `<file>:<line>: ...` naming the problem, and never a
traceback. Most cases run the validate command in-process (fast; bot.commands.validate with
an explicit output stream, see tests/commands/test_validate.py for why not cli.main +
capsys); a handful run `python -m bot validate` as a subprocess to prove the same at the
process level.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands.content import validate
from tests.support.badcases import Case, iter_cases
from tests.support.paths import REPO

CASES = list(iter_cases())
# The process-level check, one case of each kind (posts syntax, encoding, schedule): the
# in-process run of every case already fails on any exception, and each process costs
# about two seconds of CPU.
SUBPROCESS_CASES = {"01-yaml-syntax", "24-invalid-utf8", "47-cron-field-count"}


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=f"bug: {case.bug}")] if case.bug else []
    return pytest.param(case, id=case.name, marks=marks)


def test_corpus_is_big_and_varied() -> None:
    kinds = {c.kind for c in CASES}
    assert len(CASES) >= 30
    assert kinds == {"posts", "posts2", "schedule"}
    assert len({c.name for c in CASES}) == len(CASES)


def _validate(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    return validate(root, out), out.getvalue()


def test_base_root_is_valid(valid_root: Path) -> None:
    code, out = _validate(valid_root)
    assert code == 0, out
    assert out.splitlines()[-1].startswith("ok: ")


def _expect_reported(case: Case, out: str) -> None:
    lines = out.splitlines()
    assert any(case.matches(line) for line in lines), (
        f"expected a line '{case.target}:{case.line}: ...{case.words}...'; got:\n"
        + "\n".join(line for line in lines if line.startswith(case.target))
    )


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_bad_file_in_process(case: Case, valid_root: Path) -> None:
    case.install(valid_root)
    code, out = _validate(valid_root)  # an exception here fails the test: it would be a traceback
    assert code == 1, out
    _expect_reported(case, out)
    assert out.splitlines()[-1].endswith("not publishable")


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c.name in SUBPROCESS_CASES])
def test_bad_file_subprocess(case: Case, valid_root: Path) -> None:
    case.install(valid_root)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "validate", "--root", str(valid_root)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 1, proc.stdout + proc.stderr
    _expect_reported(case, proc.stdout)


@pytest.mark.parametrize("case", [c for c in CASES if not c.bug][:3], ids=lambda c: c.name)
def test_uninstall_restores_a_valid_root(case: Case, valid_root: Path) -> None:
    case.install(valid_root)
    assert _validate(valid_root)[0] == 1
    case.uninstall(valid_root)
    assert _validate(valid_root)[0] == 0
