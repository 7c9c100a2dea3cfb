"""One clear line per user error: `file:line: what is wrong (how to fix)`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    what: str
    fix: str
    # Warnings (expired posts, drafts) are reported but do not fail validation.
    warning: bool = False

    def render(self) -> str:
        """file:line: what (fix); line 0 means the problem is not in a file's line (the
        process environment, a command-line option)."""
        prefix = "warning: " if self.warning else ""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {prefix}{self.what} ({self.fix})"


def display_path(path: Path, root: Path) -> str:
    # The name under root first, links unresolved: a link pointing elsewhere is reported
    # by where it sits, which is what the maintainer has to fix.
    # realpath, not Path.resolve(): it stops at a link loop instead of raising.
    for p, r in (
        (Path(os.path.abspath(path)), os.path.abspath(root)),
        (Path(os.path.realpath(path)), os.path.realpath(root)),
    ):
        try:
            return str(p.relative_to(r))
        except ValueError:
            continue
    return str(path)
