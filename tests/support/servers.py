"""Starting and stopping the real local servers of the platform tests (snac2 in
tests/support/snac.py, @atproto/dev-env in tests/support/bluesky.py), each on free
127.0.0.1 ports, installed by ci/install-test-servers.sh.

One server of each kind per test run, shared by the xdist workers: the Bluesky network
costs ~12 s of CPU and ~0.4 GB to start, so one per worker would double both on a
2-core machine. The first worker to need a server starts it under a file lock in the
run's common temp folder and records it in `info.json`; a count of users says when the
last worker is done with it, and that worker stops it. `stop_leftovers` (called at the
end of the session) stops any server whose users died without stopping it. A shared
server means tests see each other's posts: find your own by a unique text or id, never
assume an empty timeline.

The servers' helpers act as the other people on the network with plain `requests`,
never through the bot's code.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from tests.support.paths import REPO

SERVERS = REPO / "tests/servers"
CACHE_ROOT = Path(
    os.environ.get("CLOSETHECAMPS_SERVERS_CACHE", "/var/cache/closethecamps-test-servers")
)
# Long enough for the Bluesky network on a loaded 2-core machine (~60 s seen with 8
# other jobs running; ~10 s idle).
START_TIMEOUT = 180.0
HTTP_TIMEOUT = 10.0

JSON = dict[str, Any]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    """Skip with `reason` on a developer's machine; fail in CI, where
    ci/install-test-servers.sh must have installed everything."""
    fix = "run `sh ci/install-test-servers.sh` as root"
    if in_ci():
        pytest.fail(f"{reason} ({fix})", pytrace=False)
    pytest.skip(f"{reason} ({fix})")


def cache_dir() -> Path:
    """Where ci/install-test-servers.sh put the node trees: keyed by both lockfiles."""
    blob = (SERVERS / "node22/package-lock.json").read_bytes()
    blob += (SERVERS / "bluesky/package-lock.json").read_bytes()
    return CACHE_ROOT / hashlib.sha256(blob).hexdigest()[:16]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- processes -------------------------------------------------------------------------


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # comm may hold spaces and parentheses: the fields start after the last ')'.
        fields = text[text.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(stat.parent.name))
    return members


def _wait_group_gone(pgid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while group_members(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def stop_group(pgid: int, grace: float = 10.0) -> None:
    """SIGTERM the group's leader (each server's own clean shutdown), then SIGKILL the
    whole group if anything is left: no orphans, whatever state the server is in."""
    with suppress(ProcessLookupError):
        os.kill(pgid, signal.SIGTERM)
    if not _wait_group_gone(pgid, grace):
        with suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
        _wait_group_gone(pgid, 5.0)


# --- one shared server per run ---------------------------------------------------------


def owner_pid() -> int:
    """The test run's process: xdist's controller (a worker's parent), or pytest itself.
    Servers watch it and stop when it is gone without stopping them."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


def shared_root(factory: pytest.TempPathFactory) -> Path:
    """The run's temp folder common to every xdist worker (each worker's basetemp is a
    folder inside it); the session's own basetemp without xdist."""
    base = factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    return root / "servers"


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _users(folder: Path) -> int:
    path = folder / "users"
    return int(path.read_text()) if path.exists() else 0


@contextmanager
def shared_server(folder: Path, start: Callable[[Path], JSON]) -> Iterator[JSON]:
    """The server recorded in `folder`, started by `start(folder)` if none runs yet;
    stopped when its last user is done. `start` returns the info to share, which must
    hold the process group id as "pgid"."""
    with _locked(folder):
        info_path = folder / "info.json"
        info: JSON | None = None
        if info_path.exists():
            info = json.loads(info_path.read_text())
            if not group_members(info["pgid"]):
                info = None
        if info is None:
            info = start(folder)
            info_path.write_text(json.dumps(info))
            (folder / "users").write_text("0")
        (folder / "users").write_text(str(_users(folder) + 1))
    try:
        yield info
    finally:
        with _locked(folder):
            left = _users(folder) - 1
            (folder / "users").write_text(str(left))
            if left <= 0:
                _stop_recorded(folder)


def _stop_recorded(folder: Path) -> None:
    info_path = folder / "info.json"
    if not info_path.exists():
        return
    info = json.loads(info_path.read_text())
    stop_group(info["pgid"])
    # start.mjs keeps PostgreSQL's data outside its folder when run as root.
    pg_path = folder / "run/pg.path"
    if pg_path.exists():
        shutil.rmtree(pg_path.read_text().strip(), ignore_errors=True)
    info_path.unlink()


class Prestart:
    """Starts a shared server in a thread as soon as the session knows a test will need
    it, so the Bluesky network's start-up overlaps the other tests instead of blocking
    the first Bluesky test. The fixture then takes the running server with `get()`;
    `close()` at the end of the session gives it back (the last user stops it)."""

    def __init__(self, folder: Path, start: Callable[[Path], JSON]) -> None:
        self._context = shared_server(folder, start)
        self._info: JSON | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._enter, name=f"start {folder.name}", daemon=True
        )
        self._thread.start()

    def _enter(self) -> None:
        try:
            self._info = self._context.__enter__()
        except BaseException as error:  # handed to the test that needs the server
            self._error = error

    def get(self) -> JSON:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._info is not None
        return self._info

    def close(self) -> None:
        self._thread.join()
        if self._info is not None:
            self._info = None
            self._context.__exit__(None, None, None)


def stop_leftovers(root: Path) -> None:
    """Stop every server still recorded under `root` (a worker that died mid-run)."""
    for info in root.glob("*/info.json"):
        with _locked(info.parent):
            _stop_recorded(info.parent)


def wait_for(
    what: str, proc: subprocess.Popen[bytes], log: Path, ready: Callable[[], bool]
) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not ready():
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_group(proc.pid, grace=2.0)
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{what} did not start (see {log}):\n{tail}")
        time.sleep(0.05)


def unique(label: str = "t") -> str:
    """A marker to find one's own post on a server other tests share."""
    return f"{label}-{uuid.uuid4().hex[:10]}"


def poll(what: str, probe: Callable[[], Any], deadline: float = 20.0) -> Any:
    """probe() until it returns something truthy, every 0.2 s, for `deadline` seconds;
    fails the test naming `what` otherwise."""
    end = time.monotonic() + deadline
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > end:
            pytest.fail(f"{what}: nothing after {deadline:.0f} s", pytrace=False)
        time.sleep(0.2)
