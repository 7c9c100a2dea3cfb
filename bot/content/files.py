"""Reading a file from --root only when that is safe: a bad edit must never take the bot down.

Whoever can drop a file under messages/ (a merge, a mistaken `ln -s`, `mkfifo`) must not
be able to hang the daemon or the validate command, make either eat memory, or show the
bot a file from outside its folder. So a content file is read only if it resolves
inside --root, is a regular file (never a FIFO, which blocks open(), nor a device such
as /dev/zero, which never ends) and is at most MAX_BYTES long.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from bot.content.problems import Problem

# The shipped library's largest file is 25 KB; bench_validate's 10,000 posts are 20 files
# of about 160 KB.
MAX_BYTES = 1_000_000

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a plain file")


def real_inside(path: Path, root: Path) -> Path | None:
    """Where `path` really is (every link followed), or None when that is outside root.

    realpath never opens anything and stops on a link loop instead of raising.
    """
    real = Path(os.path.realpath(path))
    return real if real.is_relative_to(os.path.realpath(root)) else None


def read_content(path: Path, root: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of one content file, or the one problem that refuses it."""
    real = real_inside(path, root)
    if real is None:
        return None, Problem(
            shown,
            1,
            f"a link to {os.path.realpath(path)}, outside the bot's folder",
            "put the file itself here: the bot reads nothing outside --root",
        )
    try:
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            return None, _not_regular(shown, st.st_mode)
        if st.st_size > MAX_BYTES:
            return None, _too_big(shown, st.st_size)
        # O_NONBLOCK: should a FIFO be swapped in after the stat, open() still returns at
        # once (and fstat refuses it) instead of waiting for a writer forever.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as f:
            mode = os.fstat(f.fileno()).st_mode
            if not stat.S_ISREG(mode):
                return None, _not_regular(shown, mode)
            raw = f.read(MAX_BYTES + 1)  # a file growing past the stat is still capped
    except OSError as e:
        if e.errno == errno.ELOOP:
            return None, Problem(
                shown, 1, "a link that leads back to itself", "replace the link with the file"
            )
        return None, Problem(
            shown, 1, f"cannot read file: {e.strerror}", "check the path and permissions"
        )
    if len(raw) > MAX_BYTES:
        return None, _too_big(shown, len(raw))
    return raw, None


def _not_regular(shown: str, mode: int) -> Problem:
    return Problem(
        shown,
        1,
        f"not a regular file but {_kind(mode)}",
        "remove it: only plain YAML files belong here",
    )


def _too_big(shown: str, size: int) -> Problem:
    return Problem(
        shown,
        1,
        f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}",
        "split it into several smaller files",
    )


def stamp(path: Path, root: Path) -> tuple[str, int, int] | None:
    """(path, mtime, size) without opening the file or following a link out of root.

    A link inside root is stamped by its target, so editing a linked file is noticed.
    """
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode) and real_inside(path, root) is not None:
            st = os.stat(path)
    except OSError:
        return None
    return str(path), st.st_mtime_ns, st.st_size


def fingerprint(root: Path, top: Path) -> list[tuple[str, int, int]]:
    """The stamp of everything under `top`; os.walk never enters a linked folder."""
    out: list[tuple[str, int, int]] = []
    for folder, dirs, names in os.walk(top, followlinks=False):
        dirs.sort()
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in sorted(names + links):
            s = stamp(Path(folder, name), root)
            if s is not None:
                out.append(s)
    return out
