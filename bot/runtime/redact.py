"""Keep credentials (and mention bodies) out of log output.

tweepy, requests_oauthlib and oauthlib log full request details at DEBUG:
the OAuth `Authorization` header, the signature base string (keys
percent-encoded, even double-encoded), the raw signature, and the oauthlib
client's repr (consumer key and access token in clear). tweepy also logs every
response body, which for mentions is other people's text. A handler filter
rewrites each record's final text, so whatever a library decides to log, the
handler only ever sees the redacted form.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

REDACTED = "[redacted]"

# Parameter names whose value is a credential or a signature over one. The
# separators cover `name="v"` (header), `name=v` (query), `('name', 'v')`
# (oauthlib's collected params), `name%3Dv` / `name%253Dv` (base string) and
# `name: v`.
_PARAM_NAMES = (
    "oauth_signature",
    "oauth_token",
    "oauth_token_secret",
    "oauth_consumer_key",
    "oauth_consumer_secret",
    "oauth_verifier",
    "client_key",
    "client_secret",
    "resource_owner_key",
    "resource_owner_secret",
)
_PARAM_RE = re.compile(
    # No \b on the left: in a base string the name follows "%26", a word char.
    r"((?<![A-Za-z_])(?:" + "|".join(_PARAM_NAMES) + r")\b"
    r"(?:['\"]?\s*[:=,]\s*(?:b?['\"])?|%3D|%253D))"
    # A value ends at a quote, separator, bracket, whitespace or an encoded `&`.
    # Skipping an existing "[redacted]" keeps a second filter pass a no-op.
    r"(?!\[redacted\])((?:(?!%26|%2526)[^\"'&,\s)\]}>])+)",
    re.IGNORECASE,
)
# `'Authorization': 'OAuth ...'` as printed by a dict repr (str or bytes).
_AUTH_REPR_RE = re.compile(
    r"""(['"](?:proxy-)?authorization['"]\s*:\s*)b?(['"]).*?\2""",
    re.IGNORECASE,
)
# `Authorization: OAuth ...` as a raw header line: everything to end of line.
_AUTH_LINE_RE = re.compile(r"(\b(?:proxy-)?authorization\s*:\s*)[^\r\n]+", re.IGNORECASE)
_BEARER_RE = re.compile(r"(\bbearer\s+)[A-Za-z0-9\-._~+/%=]+", re.IGNORECASE)
# oauthlib logs the raw (not percent-encoded) signature as "Signature: <b64>".
_SIGNATURE_LINE_RE = re.compile(r"(\bsignature:\s*)\S+", re.IGNORECASE)
# tweepy's "Received API response" carries the whole body after "Content: ".
_TWEEPY_CONTENT_RE = re.compile(r"(\nContent:\s*).*", re.DOTALL)
# A cheap gate so ordinary lines skip the structural patterns entirely.
_KEYWORDS = ("auth", "bearer", "signature", "oauth", "client_", "resource_owner")


# Real keys are 19 to 50 characters and are replaced wherever they appear, even inside
# an encoded base string. A value shorter than this is a placeholder ("a", "x", "INFO"),
# no secret: hiding it would garble every line it appears in ("re[redacted]y", "platform=
# [redacted]"), so it is left alone and the daemon warns at start that it looks like one.
SHORT = 8


def _secret_forms(secrets: Iterable[str]) -> list[str]:
    forms: set[str] = set()
    for secret in secrets:
        if len(secret) < SHORT:
            continue
        once = quote(secret, safe="")
        forms.update({secret, once, quote(once, safe=""), quote_plus(secret)})
    # Longest first so an encoded form is replaced whole, not a prefix of it.
    return sorted(forms, key=len, reverse=True)


def _pattern(form: str) -> str:
    return re.escape(form)


class RedactingFilter(logging.Filter):
    """Rewrite a record's final message (and traceback text) without secrets.

    Attach it to handlers, not loggers: a logger's filters are skipped for
    records propagated up from child loggers, a handler's never are.
    """

    def __init__(self, secrets: Iterable[str], *, redact_bodies: bool = True) -> None:
        super().__init__()
        forms = _secret_forms(secrets)
        self._secrets_re = re.compile("|".join(_pattern(f) for f in forms)) if forms else None
        self._redact_bodies = redact_bodies

    def redact(self, text: str) -> str:
        if self._secrets_re is not None:
            text = self._secrets_re.sub(REDACTED, text)
        lowered = text.lower()
        if any(k in lowered for k in _KEYWORDS):
            text = _AUTH_REPR_RE.sub(rf"\1'{REDACTED}'", text)
            text = _AUTH_LINE_RE.sub(rf"\1{REDACTED}", text)
            text = _BEARER_RE.sub(rf"\1{REDACTED}", text)
            text = _PARAM_RE.sub(rf"\1{REDACTED}", text)
            text = _SIGNATURE_LINE_RE.sub(rf"\1{REDACTED}", text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            # Broken %-args: logging would print the error later anyway; keep
            # the template so the record still goes out, redacted.
            message = str(record.msg)
        if self._redact_bodies and record.name.startswith("tweepy"):
            message = _TWEEPY_CONTENT_RE.sub(rf"\1{REDACTED}", message)
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatter.format reuses exc_text when set, so filling it here
            # means the traceback is printed from the redacted copy.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install(secrets: Iterable[str], *, redact_bodies: bool = True) -> RedactingFilter:
    """Attach one RedactingFilter to every handler of the root logger.

    Idempotent: earlier filters installed by this function are replaced, so a
    second call (say with rotated keys) leaves exactly one. Handlers added
    later are not covered; call again after reconfiguring logging.
    """
    new = RedactingFilter(secrets, redact_bodies=redact_bodies)
    for handler in logging.getLogger().handlers:
        for old in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
            handler.removeFilter(old)
        handler.addFilter(new)
    return new
