"""One log line per action on stdout, text or JSON, with secrets redacted."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import time
from typing import Any, TextIO

from bot.runtime.redact import RedactingFilter

LOGGER = "closethecamps"


class _Text(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        ts = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created))
        fields = getattr(record, "fields", {})
        tail = "".join(f" {k}={_fmt(v)}" for k, v in fields.items())
        return f"{ts} {record.levelname:<7} {record.getMessage()}{tail}"


class _Json(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created)),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update(getattr(record, "fields", {}))
        return json.dumps(out, ensure_ascii=False, default=str)


class _FieldRedactor(logging.Filter):
    """The structured fields of our own lines pass the same redaction as messages."""

    def __init__(self, redacting: RedactingFilter) -> None:
        super().__init__()
        self.redacting = redacting

    def filter(self, record: logging.LogRecord) -> bool:
        fields = getattr(record, "fields", None)
        if fields:
            record.fields = {
                k: self.redacting.redact(v) if isinstance(v, str) else v for k, v in fields.items()
            }
        return True


def _fmt(v: Any) -> str:
    s = str(v)
    return json.dumps(s, ensure_ascii=False) if (" " in s or not s) else s


def setup(level: str, fmt: str, secrets: list[str], stream: TextIO | None = None) -> None:
    """Configure the root logger once: tweepy/requests/urllib3 lines pass the same filter."""
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(_Json() if fmt == "json" else _Text())
    redacting = RedactingFilter([s for s in secrets if s])
    handler.addFilter(redacting)
    handler.addFilter(_FieldRedactor(redacting))
    root.addHandler(handler)
    root.setLevel(level)
    # APScheduler's per-run INFO lines would double every action line, and the daemon
    # says its warnings (a run skipped or late) in its own words.
    logging.getLogger("apscheduler").setLevel(max(logging.ERROR, root.level))
    # httpx (under atproto) logs every request URL at INFO: post URIs and handles of the
    # people who mentioned the bot have no place in an INFO log.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))


def event(level: int, msg: str, **fields: Any) -> None:
    logging.getLogger(LOGGER).log(level, msg, extra={"fields": fields})


def iso(ts: float) -> str:
    """A Unix time as the UTC ISO form every log line uses."""
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
