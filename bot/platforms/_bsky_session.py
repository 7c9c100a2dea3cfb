"""The Bluesky login, kept: createSession is limited to 30 per 5 minutes and 300 per day,
so the session (access and refresh tokens) is stored, refreshed with refreshSession when
its access token expires, and a password login happens only when refreshing fails.

The session file holds tokens: written atomically, mode 0600 from its creation, and
never logged (neither are the tokens nor the password).
"""

from __future__ import annotations

import base64
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ._bsky_xrpc import EXPIRED, JSON, Xrpc, XrpcFailure

log = logging.getLogger(__name__)
T = TypeVar("T")

# Refresh this long before the access token's own expiry: a call must not cross it.
EARLY = 60.0


@dataclass(frozen=True)
class Session:
    did: str
    handle: str
    access: str = field(repr=False)
    refresh: str = field(repr=False)

    @classmethod
    def from_answer(cls, body: JSON) -> Session:
        return cls(
            did=str(body["did"]),
            handle=str(body["handle"]),
            access=str(body["accessJwt"]),
            refresh=str(body["refreshJwt"]),
        )


def expires_at(jwt: str) -> float | None:
    """The `exp` claim of a JWT, read without checking its signature (only the server
    can, and it will); None when the token says nothing readable."""
    try:
        payload = jwt.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"])
    except (IndexError, ValueError, KeyError, TypeError):
        return None


def load(path: Path | None) -> Session | None:
    if path is None or not path.exists():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        return Session.from_answer(body)
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("bluesky: session file %s unreadable; logging in afresh", path)
        return None


def save(path: Path | None, session: Session) -> None:
    """Atomically, 0600 from the first byte: another reader never sees a half file, and
    no moment exists where the tokens sit in a file others may read."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    body = {
        "did": session.did,
        "handle": session.handle,
        "accessJwt": session.access,
        "refreshJwt": session.refresh,
    }
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an older leftover keeps its mode under O_CREAT
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(body, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Sessions:
    """The current session, and the calls that get or renew it."""

    def __init__(self, xrpc: Xrpc, handle: str, password: str, path: Path | None) -> None:
        self._xrpc, self._handle, self._password, self._path = xrpc, handle, password, path
        self._lock = threading.Lock()
        self._session = load(path)
        self.logins = self.refreshes = 0  # for tests and the operator's view

    def current(self) -> Session:
        """A session whose access token is not about to expire."""
        with self._lock:
            session = self._session
            if session is None:
                return self._login()
            exp = expires_at(session.access)
            if exp is not None and exp - EARLY <= time.time():
                return self._refresh(session)
            return session

    def authed(self, call: Callable[[Session], T]) -> T:
        """call(session); an access token the server calls expired is refreshed once."""
        session = self.current()
        try:
            return call(session)
        except XrpcFailure as f:
            if f.error not in EXPIRED:
                raise
        with self._lock:
            if self._session is not None and self._session.access == session.access:
                self._refresh(self._session)
            renewed = self._session
        assert renewed is not None
        return call(renewed)

    def _refresh(self, old: Session) -> Session:
        try:
            body = self._xrpc.call("POST", "com.atproto.server.refreshSession", token=old.refresh)
            session = Session.from_answer(body)
        except XrpcFailure as f:
            # Expired or revoked refresh token: log in. Anything else is passing.
            if f.status not in {400, 401}:
                raise
            log.info("bluesky: session refresh refused (%s); logging in", f.error or f.status)
            return self._login()
        except (KeyError, TypeError) as e:
            raise XrpcFailure(0, "BadBody", f"refreshSession: malformed body ({e!r})", {}) from None
        self.refreshes += 1
        log.info("bluesky: session refreshed for %s", session.did)
        return self._keep(session)

    def _login(self) -> Session:
        body = self._xrpc.call(
            "POST",
            "com.atproto.server.createSession",
            body={"identifier": self._handle, "password": self._password},
        )
        try:
            session = Session.from_answer(body)
        except (KeyError, TypeError) as e:
            raise XrpcFailure(0, "BadBody", f"createSession: malformed body ({e!r})", {}) from None
        self.logins += 1
        log.info("bluesky: logged in as %s", session.did)
        return self._keep(session)

    def _keep(self, session: Session) -> Session:
        self._session = session
        save(self._path, session)
        return session
