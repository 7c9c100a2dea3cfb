"""A tiny HTTP server answering as real Mastodon does, for what snac2 cannot show.

The answers are written from Mastodon's documented behaviour (docs.joinmastodon.org:
methods/instance, methods/statuses, methods/notifications, api/rate-limits, and
Idempotency-Key in methods/statuses#create), not captured from a live server:

- /api/v2/instance: `domain` and `configuration.statuses` (500 characters, 23 per URL);
- every answer carries X-RateLimit-Limit / -Remaining / -Reset (an ISO 8601 time);
- POST /api/v1/statuses with a repeated Idempotency-Key answers the first status (200)
  instead of making a second; without a key every call makes a new status;
- notifications newest first, `min_id` (the page right after it) and `max_id` (the page
  right before it), `limit`, and a Link header with rel="next" (max_id) and rel="prev"
  (min_id).

`fail(path, status, body)` makes the next request to `path` answer `status` (a 429
with its reset header); `hang(path)` makes it never answer.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

RESET = datetime(2030, 1, 1, 12, 5, tzinfo=UTC)  # far ahead: never "already past"
RESET_HEADER = RESET.isoformat(timespec="microseconds").replace("+00:00", "Z")
INSTANCE_V2 = {
    "domain": "mastodon.example",
    "title": "Mastodon",
    "version": "4.3.0",
    "configuration": {
        "urls": {"streaming": "wss://mastodon.example"},
        "accounts": {"max_featured_tags": 10},
        "statuses": {
            "max_characters": 500,
            "max_media_attachments": 4,
            "characters_reserved_per_url": 23,
        },
    },
}
BOT = {"id": "109", "username": "campaignbot", "acct": "campaignbot", "bot": False}


@dataclass
class Recorded:
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    notifications: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, str, dict[str, str], dict[str, list[str]]]] = field(
        default_factory=list
    )
    faults: list[tuple[str, int, str]] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    remaining: int = 300
    bot: dict[str, Any] = field(default_factory=lambda: dict(BOT))
    lock: threading.Lock = field(default_factory=threading.Lock)


def status(sid: str, text: str, visibility: str = "public", **more: Any) -> dict[str, Any]:
    return {
        "id": sid,
        "created_at": "2026-12-05T06:00:00.000Z",
        "content": f"<p>{text}</p>",
        "visibility": visibility,
        "language": more.pop("language", "en"),
        "in_reply_to_id": more.pop("in_reply_to_id", None),
        "account": more.pop("account", BOT),
        **more,
    }


class RecordedMastodon:
    def __init__(self) -> None:
        self.state = Recorded()
        state = self.state

        class Handler(_Handler):
            recorded = state

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail(self, path: str, code: int, body: str = '{"error":"oops"}') -> None:
        with self.state.lock:
            self.state.faults.append((path, code, body))

    def hang(self, path: str) -> None:
        with self.state.lock:
            self.state.hangs.append(path)

    def add_mention(self, nid: int, text: str, visibility: str = "public", **more: Any) -> None:
        author = {"id": "7", "username": "alice", "acct": more.pop("acct", "alice@other.social")}
        s = status(f"9{nid:05d}", text, visibility, account=author, **more)
        with self.state.lock:
            self.state.statuses[s["id"]] = s
            self.state.notifications.append(
                {
                    "id": str(nid),
                    "type": "mention",
                    "created_at": s["created_at"],
                    "account": author,
                    "status": s,
                }
            )


class _Handler(BaseHTTPRequestHandler):
    recorded: Recorded

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, code: int, body: object, headers: dict[str, str] | None = None) -> None:
        raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        with self.recorded.lock:
            self.recorded.remaining = max(0, self.recorded.remaining - 1)
            remaining = self.recorded.remaining if code != 429 else 0
        self.send_header("X-RateLimit-Limit", "300")
        self.send_header("X-RateLimit-Remaining", str(remaining))
        self.send_header("X-RateLimit-Reset", RESET_HEADER)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def do_PATCH(self) -> None:
        self._route("PATCH")

    def _route(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        size = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(size).decode()) if size else {}
        r = self.recorded
        with r.lock:
            r.requests.append((method, parts.path, dict(self.headers), form or query))
            fault = next((f for f in r.faults if f[0] == parts.path), None)
            if fault:
                r.faults.remove(fault)
            hang = next((h for h in r.hangs if h == parts.path), None)
            if hang:
                r.hangs.remove(hang)
        if hang:
            threading.Event().wait(30)  # never answers within any deadline
            return
        if fault:
            self._answer(fault[1], fault[2])
            return
        if parts.path == "/api/v2/instance":
            self._answer(200, INSTANCE_V2)
        elif parts.path == "/api/v1/accounts/verify_credentials":
            self._answer(200, r.bot)
        elif parts.path == "/api/v1/accounts/update_credentials" and method == "PATCH":
            r.bot["bot"] = form.get("bot", [""])[0] in ("1", "true", "True")
            self._answer(200, r.bot)
        elif parts.path == "/api/v1/statuses" and method == "POST":
            self._create(form)
        elif parts.path.startswith("/api/v1/statuses/"):
            found = r.statuses.get(parts.path.rsplit("/", 1)[1])
            self._answer(200, found) if found else self._answer(404, {"error": "Record not found"})
        elif parts.path == "/api/v1/notifications":
            self._notifications(query)
        else:
            self._answer(404, {"error": "Record not found"})

    def _create(self, form: dict[str, list[str]]) -> None:
        r = self.recorded
        key = self.headers.get("Idempotency-Key")
        with r.lock:
            if key and key in r.by_key:
                first = r.statuses[r.by_key[key]]
            else:
                sid = str(200000 + len(r.statuses))
                one = {k: v[0] for k, v in form.items()}
                first = status(
                    sid,
                    one["status"],
                    one.get("visibility", "public"),
                    language=one.get("language"),
                    in_reply_to_id=one.get("in_reply_to_id"),
                )
                r.statuses[sid] = first
                if key:
                    r.by_key[key] = sid
        self._answer(200, first)

    def _notifications(self, query: dict[str, list[str]]) -> None:
        r = self.recorded
        limit = int(query.get("limit", ["40"])[0])
        types = query.get("types[]")
        with r.lock:
            rows = [n for n in r.notifications if not types or n["type"] in types]
        rows.sort(key=lambda n: int(n["id"]))
        if "min_id" in query:  # the page right after min_id
            rows = [n for n in rows if int(n["id"]) > int(query["min_id"][0])][:limit]
        else:
            if "max_id" in query:
                rows = [n for n in rows if int(n["id"]) < int(query["max_id"][0])]
            if "since_id" in query:
                rows = [n for n in rows if int(n["id"]) > int(query["since_id"][0])]
            rows = rows[-limit:]
        page = list(reversed(rows))
        headers = {}
        if page:
            base = f"http://{self.headers['Host']}/api/v1/notifications"
            headers["Link"] = (
                f'<{base}?max_id={page[-1]["id"]}>; rel="next", '
                f'<{base}?min_id={page[0]["id"]}>; rel="prev"'
            )
        self._answer(200, page, headers)
