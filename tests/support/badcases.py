"""The broken-file corpus under tests/badfiles/ and a valid root to drop it into.

Reusable without pytest fixtures (no conftest needed):

    from tests.support.badcases import iter_cases, make_valid_root
    root = make_valid_root(tmp_path / "root")     # shipped content, made publishable
    for case in iter_cases():
        case.install(root)                        # one bad file in place
        ...                                       # expect case.expected_line(s)
        case.uninstall(root)

Each case is one file in tests/badfiles/ named `NN-name.posts.yaml` (dropped in as
messages/posts/<name>.yaml), `NN-name.schedule.yaml` (replaces schedule.yaml) or
`NN-name.posts2.yaml` (a second posts file, for problems across two files). Its first
line is `# expect: LINE WORDS`: validate must print a line starting `<file>:LINE:` whose
text contains WORDS (case-insensitive). A case whose bytes cannot carry a comment (empty
file, invalid UTF-8) is described in `cases.yaml` instead; `cases.yaml` also marks the
cases that bot/ gets wrong today (`bug:`), which the tests run as strict xfails.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.support.paths import BADFILES, REPO

_EXPECT_RE = re.compile(rb"^#\s*expect:\s*(\d+)\s+(.+?)\s*$")
_NAME_RE = re.compile(r"^(\d+)-([a-z0-9-]+)\.(posts|posts2|schedule)\.yaml$")
_ID_RE = re.compile(r"^\s*-\s*id:\s*['\"]?([a-z0-9][a-z0-9-]*)", re.MULTILINE)


@dataclass(frozen=True)
class Case:
    """One broken file and where validate must complain about it."""

    name: str  # e.g. "07-unknown-key"
    source: Path  # the file in tests/badfiles/
    kind: str  # "posts" | "posts2" | "schedule"
    line: int  # expected line number in the installed file
    words: str  # expected words (case-insensitive) in that problem line
    bug: str | None = None  # set when bot/ gets this case wrong today (see cases.yaml)

    @property
    def target(self) -> str:
        """Path of the installed file relative to the root, as validate prints it."""
        if self.kind == "schedule":
            return "schedule.yaml"
        return f"messages/posts/zz-{self.name}.yaml"

    def install(self, root: Path) -> Path:
        """Put the bad file in place under `root`; return the path written."""
        dest = root / self.target
        dest.write_bytes(self.source.read_bytes())
        if self.kind == "posts2":
            # A duplicate across two files: the first copy is a valid file of its own.
            first = root / f"messages/posts/zy-{self.name}.yaml"
            first.write_text(_FIRST_OF_PAIR, encoding="utf-8")
        return dest

    def uninstall(self, root: Path) -> None:
        """Undo `install` (schedule.yaml is restored from the repo's shipped copy)."""
        if self.kind == "schedule":
            shutil.copy2(REPO / "schedule.yaml", root / "schedule.yaml")
            return
        (root / self.target).unlink(missing_ok=True)
        (root / f"messages/posts/zy-{self.name}.yaml").unlink(missing_ok=True)

    def matches(self, line: str) -> bool:
        """True if one line of validate's output is the expected problem."""
        return (
            line.startswith(f"{self.target}:{self.line}: ")
            and self.words.lower() in line.lower()
            and "warning:" not in line.split(":", 3)[2]
        )


# The valid post a `posts2` case collides with (id dup-across-files).
_FIRST_OF_PAIR = """\
posts:
  - id: dup-across-files
    lang: en
    category: awareness
    text: "First copy of this id. #CloseTheCamps"
"""


def iter_cases() -> Iterator[Case]:
    """Every case of the corpus, in file-name order."""
    table = yaml.safe_load((BADFILES / "cases.yaml").read_text(encoding="utf-8")) or {}
    for path in sorted(BADFILES.iterdir()):
        m = _NAME_RE.match(path.name)
        if not m:
            continue
        name = f"{m.group(1)}-{m.group(2)}"
        extra = table.get(path.name) or {}
        if "line" in extra:
            line, words = int(extra["line"]), str(extra["expect"])
        else:
            first = path.read_bytes().split(b"\n", 1)[0]
            em = _EXPECT_RE.match(first)
            if not em:
                raise ValueError(
                    f"{path}: first line must be '# expect: LINE WORDS' "
                    "or the file must be listed in cases.yaml"
                )
            line, words = int(em.group(1)), em.group(2).decode("utf-8")
        bug = extra.get("bug")
        yield Case(name, path, m.group(3), line, words, " ".join(bug.split()) if bug else None)


def _draft_ids(root: Path) -> list[str]:
    ids: list[str] = []
    for d in ("messages/posts", "messages/replies"):
        for f in sorted((root / d).glob("*.yaml")):
            ids += _ID_RE.findall(f.read_text(encoding="utf-8"))
    return ids


@functools.lru_cache(maxsize=1)
def _valid_template() -> Path:
    """Shipped schedule.yaml + messages/ copied once and made publishable in the copy."""
    from bot.content.approval import ApproveError, approve
    from bot.content.config import check

    base = Path(tempfile.mkdtemp(prefix="ctc-valid-root-"))
    atexit.register(shutil.rmtree, base, True)
    shutil.copy2(REPO / "schedule.yaml", base / "schedule.yaml")
    shutil.copytree(REPO / "messages", base / "messages", ignore=shutil.ignore_patterns("schema"))
    config, _ = check(base)
    if config is None:
        # The shipped posts/templates may still be drafts: approve them in the copy.
        for item_id in _draft_ids(base):
            with contextlib.suppress(ApproveError):
                approve(base, item_id, "test")
        config, problems = check(base)
        if config is None:
            errors = "\n".join(p.render() for p in problems if not p.warning)
            raise RuntimeError(f"cannot build a valid root from the shipped content:\n{errors}")
    return base


def make_valid_root(dest: Path) -> Path:
    """A copy of the shipped content at `dest` that `closethecamps validate` accepts."""
    shutil.copytree(_valid_template(), dest)
    return dest
