"""The fake X server's own contract: standalone mode, control API, chaos, auth check."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from typing import Any

import pytest

from bot.platforms.base import Unavailable
from bot.platforms.x import XPlatform
from tests.support.fakex import X_CREDENTIALS, FakeX
from tests.support.paths import REPO


def _control(url: str, name: str, payload: dict[str, Any] | None = None) -> Any:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(
        f"{url}/_control/{name}", data=data, method="POST" if data else "GET"
    )
    with urllib.request.urlopen(request, timeout=2) as response:
        return json.load(response)


def test_standalone_process_with_control_api() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.fakex", "--port", "0", "--timeout-delay", "1"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("FAKEX_URL=http://127.0.0.1:")
        url = line.removeprefix("FAKEX_URL=")

        mention = _control(
            url, "mention", {"text": "@CloseTheCampsBot hi", "author_username": "ida"}
        )["id"]
        platform = XPlatform(**X_CREDENTIALS, base_url=url, timeout=(0.5, 0.5))
        assert [m.id for m in platform.mentions(None)] == [mention]
        _control(url, "fail", {"endpoint": "post", "kind": "store_503"})
        with pytest.raises(Unavailable):
            platform.post("@ida hello", reply_to=mention)
        platform.close()

        timeline = _control(url, "timeline")
        assert [(p["text"], p["in_reply_to"]) for p in timeline] == [("@ida hello", mention)]
        records = _control(url, "requests")
        assert [(r["endpoint"], r["status"], r["fault"]) for r in records] == [
            ("me", 200, None),
            ("mentions", 200, None),
            ("post", 503, "store_503"),
        ]
        assert all("authorization" not in r for r in records)
        with_auth = urllib.request.urlopen(f"{url}/_control/requests?auth=1", timeout=2)
        assert all(r["authorization"].startswith("OAuth ") for r in json.load(with_auth))

        with pytest.raises(urllib.error.HTTPError) as bad:
            _control(url, "fail", {"endpoint": "post", "kind": "nonsense"})
        assert bad.value.code == 400
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0


def test_chaos_is_reproducible_for_a_seed() -> None:
    def statuses() -> list[int | None]:
        with FakeX() as fx:
            fx.chaos("me", "503", rate=0.5, seed=7)
            platform = XPlatform(**X_CREDENTIALS, base_url=fx.url, timeout=(0.5, 0.5))
            for _ in range(20):
                with contextlib.suppress(Unavailable):
                    platform.whoami()
            platform.close()
            return [r.status for r in fx.requests("me")]

    first = statuses()
    assert first == statuses()
    assert 200 in first and 503 in first


def test_requests_without_oauth_are_refused(fake_x: FakeX) -> None:
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(
            urllib.request.Request(
                f"{fake_x.url}/2/users/me", headers={"Authorization": "Bearer None"}
            ),
            timeout=2,
        )
    assert caught.value.code == 401
    assert fake_x.requests()[0].status == 401


def test_mentions_query_is_validated(fake_x: FakeX) -> None:
    request = urllib.request.Request(
        f"{fake_x.url}/2/users/{fake_x.bot_id}/mentions?max_results=500",
        headers={"Authorization": 'OAuth oauth_consumer_key="k"'},
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=2)
    assert caught.value.code == 400
    assert caught.value.headers["x-rate-limit-limit"] == "300"
