"""One clear line per user error: `file:line: what is wrong (how to fix)`."""

from __future__ import annotations

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
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.what} ({self.fix})"


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
