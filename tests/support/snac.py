"""snac2, the Mastodon client API the Mastodon adapter is tested against: started by
tests/support/servers.py's shared-server machinery, acted on with plain `requests`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from tests.support.servers import HTTP_TIMEOUT, JSON, free_port, owner_pid, wait_for

OOB = "urn:ietf:wg:oauth:2.0:oob"

# snac httpd under a shell that stops it (SIGTERM, its clean shutdown) when the shell is
# told to stop or when the test run owning the server ($3) is gone: a run killed with
# SIGKILL skips every teardown, and snac itself would never notice.
WATCHED_HTTPD = """
"$1" httpd "$2" &
child=$!
trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT
while kill -0 "$3" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
kill $child 2>/dev/null
wait $child
"""


@dataclass(frozen=True)
class SnacAccount:
    name: str
    password: str = field(repr=False)
    token: str = field(repr=False)  # an OAuth bearer token for the Mastodon client API


@dataclass
class SnacServer:
    """A running snac2. `bot` is the bot's account; `alice` and `bob` are people;
    `crashbot` is a second bot account only tests/runtime/test_crash_three_platforms.py
    posts as, so it counts its own timeline without the other tests' posts.

    Mention the bot as `@campaignbot`, never `@campaignbot@localhost:PORT` (snac cannot
    parse the port). Local delivery goes through snac's queue, which ticks every ~3 s:
    a mention takes several seconds to become a notification, so poll.
    """

    base_url: str
    bot: SnacAccount
    alice: SnacAccount
    bob: SnacAccount
    crashbot: SnacAccount

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

    def mention_bot(
        self,
        text: str,
        by: SnacAccount | None = None,
        to: SnacAccount | None = None,
        **fields: Any,
    ) -> JSON:
        """`@campaignbot TEXT` (or `to`'s name) by alice (or `by`): the status as its
        author sees it."""
        return self.post(by or self.alice, f"@{(to or self.bot).name} {text}", **fields)

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


SNAC_ACCOUNTS = {"bot": "campaignbot", "alice": "alice", "bob": "bob", "crashbot": "crashbot"}


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
            ["sh", "-c", WATCHED_HTTPD, "sh", snac, str(run), str(owner_pid())],
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

    wait_for("snac", proc, log, ready)
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
    return SnacServer(
        info["base_url"], accounts["bot"], accounts["alice"], accounts["bob"], accounts["crashbot"]
    )
