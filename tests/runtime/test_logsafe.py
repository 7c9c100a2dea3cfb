"""Secret redaction: unit cases, and real tweepy DEBUG logging against the fake X API."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from urllib.parse import quote, unquote

import pytest

from bot.platforms.x import XPlatform
from bot.runtime import redact as logsafe
from bot.runtime.redact import REDACTED, RedactingFilter
from tests.support.fakex import X_CREDENTIALS, FakeX

SECRETS = list(X_CREDENTIALS.values())


def _redact(message: str, *args: object, name: str = "test") -> str:
    record = logging.LogRecord(name, logging.DEBUG, __file__, 1, message, args or None, None)
    assert RedactingFilter(SECRETS).filter(record) is True
    assert record.args is None
    return record.getMessage()


@pytest.mark.parametrize(
    ("line", "leak"),
    [
        ("key is %s", X_CREDENTIALS["api_key"]),
        ("encoded %s", quote(X_CREDENTIALS["api_secret"], safe="")),
        ("twice %s", quote(quote(X_CREDENTIALS["access_token_secret"], safe=""), safe="")),
        ("{'Authorization': 'OAuth oauth_nonce=\"1\", oauth_signature=\"abc%2F%3D\"'}", "abc"),
        ("{b'Authorization': b'OAuth oauth_signature=\"abc%3D\"'}", "abc"),
        ('Authorization: OAuth oauth_consumer_key="k1", oauth_signature="zz9"', "zz9"),
        ("proxy-authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("{'Authorization': 'Bearer AAAAtokenvalue'}", "AAAAtokenvalue"),
        ("sent Bearer AAAAtokenvalue%3D to the api", "AAAAtokenvalue"),
        ("Normalized params: oauth_consumer_key=k1x&oauth_nonce=5&oauth_token=t1x", "t1x"),
        ("base: GET&u&oauth_consumer_key%3Dk1x%26oauth_token%3Dt1x%26oauth_version", "t1x"),
        ("base: GET&u&oauth_consumer_key%3Dk1x%26oauth_token%3Dt1x%26oauth_version", "k1x"),
        ("Collected params: [('oauth_consumer_key', 'k1x'), ('oauth_token', 't1x')]", "t1x"),
        ("<Client client_key=k1x, resource_owner_key=t1x, signature_method=H>", "k1x"),
        ("Signature: owNwzMvh3KxKgqg/FPEg/3rlATo=", "owNwzMvh3KxKgqg"),
        ("url?oauth_signature=sig123&x=1", "sig123"),
    ],
)
def test_redacts(line: str, leak: str) -> None:
    args = (leak,) if "%s" in line else ()
    out = _redact(line, *args)
    assert leak not in out
    assert REDACTED in out


def test_a_second_pass_changes_nothing() -> None:
    line = "base oauth_consumer_key%3Dk1x%26oauth_token%3Dt1x {'Authorization': 'OAuth x'}"
    once = _redact(line)
    assert _redact(once) == once
    assert "]]" not in once


def test_leaves_ordinary_lines_alone() -> None:
    for line in [
        "posted 2124287044896161792 in reply to 212",
        "scheduler: next slot at 2026-11-22T09:00:00Z (en, weight 3)",
        "oauth_signature_method=HMAC-SHA1 oauth_nonce=123 oauth_timestamp=9",
        "x-rate-limit-remaining: 99",
    ]:
        assert _redact(line) == line


def test_tweepy_response_bodies_are_dropped_but_the_status_kept() -> None:
    line = "Received API response: 200 OK\nHeaders: {'a': 'b'}\nContent: b'{\"text\": \"hi\"}'"
    out = _redact(line, name="tweepy.client")
    assert "hi" not in out and out.startswith("Received API response: 200 OK\nHeaders:")


def test_traceback_text_is_redacted() -> None:
    key = X_CREDENTIALS["api_key"]
    try:
        raise RuntimeError(f"boom with {key}")
    except RuntimeError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    RedactingFilter(SECRETS).filter(record)
    text = logging.Formatter().format(record)
    assert "boom with" in text and key not in text


def test_ordinary_lines_pass_unchanged() -> None:
    # Speed lives in bench/bench_redact.py; here, what an ordinary line looks like after.
    flt = RedactingFilter(SECRETS)
    for i in range(200):
        record = logging.LogRecord(
            "bot", logging.INFO, __file__, 1, "slot %d posted %s", (i, "ok"), None
        )
        assert flt.filter(record)
        assert record.getMessage() == f"slot {i} posted ok"


@pytest.fixture
def debug_logging() -> Iterator[io.StringIO]:
    """Root and the HTTP/OAuth libraries at DEBUG into a buffer; restored afterwards."""
    names = ["", "tweepy", "requests", "urllib3", "oauthlib", "requests_oauthlib"]
    saved = {n: logging.getLogger(n).level for n in names}
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    for n in names:
        logging.getLogger(n).setLevel(logging.DEBUG)
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        for h in root.handlers:
            for f in [f for f in h.filters if isinstance(f, RedactingFilter)]:
                h.removeFilter(f)
        for n, level in saved.items():
            logging.getLogger(n).setLevel(level)


def test_install_is_idempotent(debug_logging: io.StringIO) -> None:
    logsafe.install(SECRETS)
    logsafe.install(SECRETS)
    for handler in logging.getLogger().handlers:
        assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1


def test_no_credential_reaches_the_log_from_real_calls(
    fake_x: FakeX, debug_logging: io.StringIO
) -> None:
    logsafe.install(SECRETS)
    platform = XPlatform(**X_CREDENTIALS, base_url=fake_x.url, timeout=(0.5, 0.5))
    fake_x.add_mention("@CloseTheCampsBot private words", "hana", location="Oslo")
    platform.whoami()
    platform.mentions(None)
    platform.post("hello")
    fake_x.fail("post", "401")
    with pytest.raises(Exception):  # noqa: B017 - the error type is not the point here
        platform.post("again")
    platform.close()

    log = debug_logging.getvalue()
    # Not vacuous: the libraries did log the signing and the headers.
    assert "oauthlib" in log and "Authorization" in log and "tweepy.client" in log

    signatures = []
    for record in fake_x.requests():
        assert record.authorization is not None
        params = dict(
            part.strip().split("=", 1) for part in record.authorization[len("OAuth ") :].split(",")
        )
        signatures.append(params["oauth_signature"].strip('"'))
    assert len(signatures) == 4  # me, mentions, post, failed post
    for secret in SECRETS:
        for form in {secret, quote(secret, safe=""), quote(quote(secret, safe=""), safe="")}:
            assert form not in log, f"credential leaked ({len(form)} chars)"
    for sig in signatures:
        assert sig not in log and unquote(sig) not in log, "signature leaked"
    assert "private words" not in log and "Oslo" not in log
