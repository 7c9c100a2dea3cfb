"""The fault proxy the three-platform crash test puts in front of snac and the PDS:
real HTTP both ways, against a small upstream that records what reached it."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests

from tests.support.faultproxy import FaultProxy, Rule

PATH = "/api/v1/statuses"


class Upstream:
    """Answers every request with what it received, as JSON, and keeps a copy."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                got = {
                    "method": self.command,
                    "path": self.path,
                    "body": self.rfile.read(length).decode(),
                    "x-test": self.headers.get("X-Test"),
                    "n": len(upstream.seen) + 1,
                }
                upstream.seen.append(got)
                data = json.dumps(got).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Upstream", "yes")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream()
    yield server
    server.stop()


def _proxy(upstream: Upstream, *rules: Rule, **kwargs: Any) -> FaultProxy:
    return FaultProxy(upstream.url, list(rules), **kwargs).start()


def test_forwards_the_request_and_the_answer(upstream: Upstream) -> None:
    proxy = _proxy(upstream)
    try:
        answer = requests.post(
            f"{proxy.url}{PATH}?a=1", data="text=hi", headers={"X-Test": "kept"}, timeout=5
        )
    finally:
        proxy.stop()
    assert answer.status_code == 201 and answer.headers["X-Upstream"] == "yes"
    assert answer.json() == {
        "method": "POST",
        "path": f"{PATH}?a=1",
        "body": "text=hi",
        "x-test": "kept",
        "n": 1,
    }


@pytest.mark.parametrize(("fault", "reached"), [("reset_before", 0), ("store_then_reset", 1)])
def test_a_reset_leaves_the_client_without_an_answer(
    upstream: Upstream, fault: str, reached: int
) -> None:
    proxy = _proxy(upstream, Rule("POST", PATH, fault, 1.0))
    try:
        with pytest.raises(requests.ConnectionError):
            requests.post(f"{proxy.url}{PATH}", data="x", timeout=5)
        # Another method or path passes untouched.
        assert requests.get(f"{proxy.url}{PATH}", timeout=5).status_code == 201
    finally:
        proxy.stop()
    assert [s["method"] for s in upstream.seen] == ["POST"] * reached + ["GET"]
    assert proxy.injected == {fault: 1}


def test_503_is_answered_without_forwarding(upstream: Upstream) -> None:
    proxy = _proxy(upstream, Rule("POST", PATH, "503", 1.0))
    try:
        assert requests.post(f"{proxy.url}{PATH}", data="x", timeout=5).status_code == 503
    finally:
        proxy.stop()
    assert upstream.seen == []


def test_slow_after_forwards_then_answers_past_the_clients_patience(upstream: Upstream) -> None:
    proxy = _proxy(upstream, Rule("POST", PATH, "slow_after", 1.0), slow_delay=30.0)
    try:
        with pytest.raises(requests.ReadTimeout):
            requests.post(f"{proxy.url}{PATH}", data="x", timeout=(2, 0.5))
        assert len(upstream.seen) == 1
    finally:
        started = time.monotonic()
        proxy.stop()  # wakes the waiting answer instead of holding it 30 s
    assert time.monotonic() - started < 10


def test_rates_are_seeded_and_times_caps_a_rule(upstream: Upstream) -> None:
    def draws(seed: int) -> list[int]:
        proxy = _proxy(
            upstream,
            Rule("POST", PATH, "503", 1.0, times=1),
            Rule("POST", PATH, "503", 0.5),
            seed=seed,
        )
        try:
            return [
                requests.post(f"{proxy.url}{PATH}", data="x", timeout=5).status_code
                for _ in range(12)
            ]
        finally:
            proxy.stop()

    first = draws(7)
    assert first[0] == 503 and 201 in first and first.count(503) > 1
    assert draws(7) == first


def test_a_repeated_idempotency_key_gets_the_first_answer(upstream: Upstream) -> None:
    proxy = _proxy(upstream, idempotency=True)
    try:

        def post(key: str, token: str = "a") -> Any:
            headers = {"Idempotency-Key": key, "Authorization": f"Bearer {token}"}
            return requests.post(f"{proxy.url}{PATH}", data="x", headers=headers, timeout=5)

        first, again = post("k1"), post("k1")
        other_key, other_account = post("k2"), post("k1", token="b")
    finally:
        proxy.stop()
    assert again.json() == first.json() and first.json()["n"] == 1
    assert other_key.json()["n"] == 2 and other_account.json()["n"] == 3
    assert len(upstream.seen) == 3 and proxy.replayed == 1
