"""Settings from the environment and .env (python-dotenv); secrets come only from here."""

from __future__ import annotations

import io
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values
from dotenv.parser import parse_stream

from bot.content.files import read_content
from bot.content.problems import Problem

X_KEYS = ("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET")
MASTODON_KEYS = ("MASTODON_BASE_URL", "MASTODON_ACCESS_TOKEN")
BLUESKY_KEYS = ("BLUESKY_HANDLE", "BLUESKY_APP_PASSWORD")
# Each platform is enabled when all of its keys are set; some but not all is a mistake.
CREDENTIALS = {"x": X_KEYS, "mastodon": MASTODON_KEYS, "bluesky": BLUESKY_KEYS}
NAMES = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
SHORT_KEY = 8  # real X keys are 25 to 50 characters


@dataclass(frozen=True)
class Settings:
    x_api_key: str
    x_api_secret: str
    x_access_token: str
    x_access_token_secret: str
    x_api_base_url: str
    state_db: Path
    log_level: str
    log_format: str
    env_warning: str | None = None
    placeholder_warning: str | None = None
    mastodon_base_url: str = ""
    mastodon_access_token: str = ""
    bluesky_handle: str = ""
    bluesky_app_password: str = ""
    bluesky_service: str = "https://bsky.social"

    @property
    def sandbox_db(self) -> Path:
        """The sandbox timeline lives beside the state database."""
        return self.state_db.parent / "sandbox.sqlite3"

    @property
    def has_x(self) -> bool:
        return all(self.secrets()[:4])

    @property
    def has_mastodon(self) -> bool:
        return bool(self.mastodon_base_url and self.mastodon_access_token)

    @property
    def has_bluesky(self) -> bool:
        return bool(self.bluesky_handle and self.bluesky_app_password)

    @property
    def platforms(self) -> frozenset[str]:
        """The networks the daemon will use: those with complete credentials, else the
        sandbox."""
        found = {
            name
            for name, ok in (
                ("x", self.has_x),
                ("mastodon", self.has_mastodon),
                ("bluesky", self.has_bluesky),
            )
            if ok
        }
        return frozenset(found or {"sandbox"})

    def secrets(self) -> list[str]:
        return [
            self.x_api_key,
            self.x_api_secret,
            self.x_access_token,
            self.x_access_token_secret,
            self.mastodon_access_token,
            self.bluesky_app_password,
        ]


def _read_env(root: Path, path: Path) -> tuple[dict[str, str], dict[str, int], list[Problem]]:
    """(values, the line of each key, problems) of .env, read as safely as the content
    files: a FIFO, a device, a link out of the folder or a huge file is one problem line,
    not a hang, a memory bomb, or a daemon that silently starts on the sandbox."""
    if not os.path.lexists(path):
        return {}, {}, []
    raw, refused = read_content(path, root, ".env")
    if raw is None:
        problem = refused or Problem(".env", 1, "cannot read .env", "check it")
        if "cannot read file" in problem.what:
            problem = Problem(
                ".env",
                1,
                problem.what.replace("cannot read file", "cannot read .env"),
                "make it readable by the user the bot runs as (owned by that user, chmod 600)",
            )
        elif "not a regular file" in problem.what:
            problem = Problem(
                ".env", 1, problem.what, "make .env a plain text file of KEY=value lines"
            )
        return {}, {}, [problem]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return {}, {}, [Problem(".env", line, "not valid UTF-8", "save .env as UTF-8")]
    at: dict[str, int] = {}
    problems: list[Problem] = []
    for b in parse_stream(io.StringIO(text)):
        blank = b.original.string[: len(b.original.string) - len(b.original.string.lstrip())]
        line = b.original.line + blank.count("\n")
        if b.error:
            problems.append(
                Problem(".env", line, "not a setting", "write KEY=value, or # before a comment")
            )
        elif b.key is not None:
            at.setdefault(b.key, line)
    # python-dotenv says "could not parse statement" in its own words; we said it above.
    quiet = logging.getLogger("dotenv.main")
    level, quiet.level = quiet.level, logging.ERROR
    try:
        values = {k: v for k, v in dotenv_values(stream=io.StringIO(text)).items() if v is not None}
    finally:
        quiet.level = level
    return values, at, problems


# Words people leave in a copied .env.example; no real key spells them.
_PLACEHOLDER_WORDS = ("changeme", "change_me", "your_", "placeholder", "example", "xxxx", "todo")


def _placeholder(value: str) -> bool:
    lowered = value.lower()
    return len(value) < SHORT_KEY or any(w in lowered for w in _PLACEHOLDER_WORDS)


def _env_file_warning(path: Path) -> str | None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return (
            f"{path}: readable by group or others (mode {stat.filemode(mode)}); "
            f"run: chmod 600 {path}"
        )
    return None


def load_settings(root: Path, state: str | None = None) -> tuple[Settings, list[Problem]]:
    """The process environment wins over .env, so a deployment can override a file."""
    env_path = root / ".env"
    values, at, problems = _read_env(root, env_path)
    from_env = {k: v for k, v in os.environ.items() if k in _KNOWN}
    values.update(from_env)

    def where(key: str) -> tuple[str, int]:
        # A problem names where the value came from: the process environment, or its
        # line in .env.
        if key in from_env:
            return "environment", 0
        return ".env", at.get(key, 1)

    def problem(key: str, what: str, fix: str) -> Problem:
        path, line = where(key)
        return Problem(path, line, what, fix)

    for name, keys in CREDENTIALS.items():
        present = [k for k in keys if values.get(k)]
        if present and len(present) != len(keys):
            missing = ", ".join(k for k in keys if not values.get(k))
            problems.append(
                problem(
                    present[0],
                    f"{NAMES[name]} credentials incomplete: {missing} not set",
                    f"set all of {', '.join(keys)} to post on {NAMES[name]}, or none",
                )
            )
    for key in sorted(k for k in _KNOWN if "\x00" in values.get(k, "")):
        problems.append(problem(key, f"{key} holds a NUL byte", "remove it"))
        values[key] = ""
    for key in ("X_API_BASE_URL", "MASTODON_BASE_URL", "BLUESKY_SERVICE"):
        if values.get(key) and not _URL.match(values[key]):
            problems.append(
                problem(key, f"{key} is not an http(s) address", "write e.g. https://example.org")
            )
    level = values.get("LOG_LEVEL", "INFO").upper()
    if level not in LOG_LEVELS:
        problems.append(
            problem(
                "LOG_LEVEL",
                f"LOG_LEVEL '{level}' is not a level",
                f"use one of {', '.join(LOG_LEVELS)}",
            )
        )
        level = "INFO"
    fmt = values.get("LOG_FORMAT", "text").lower()
    if fmt not in ("text", "json"):
        problems.append(
            problem(
                "LOG_FORMAT",
                f"LOG_FORMAT '{fmt}' is not text or json",
                "set LOG_FORMAT=text or LOG_FORMAT=json",
            )
        )
        fmt = "text"
    db = Path(state or values.get("STATE_DB") or "var/state.sqlite3")
    if not db.is_absolute():
        db = root / db
    secret_keys = (*X_KEYS, "MASTODON_ACCESS_TOKEN", "BLUESKY_APP_PASSWORD")
    short = [k for k in secret_keys if values.get(k) and _placeholder(values[k])]
    return Settings(
        x_api_key=values.get("X_API_KEY", ""),
        x_api_secret=values.get("X_API_SECRET", ""),
        x_access_token=values.get("X_ACCESS_TOKEN", ""),
        x_access_token_secret=values.get("X_ACCESS_TOKEN_SECRET", ""),
        x_api_base_url=values.get("X_API_BASE_URL", "https://api.twitter.com").rstrip("/"),
        mastodon_base_url=values.get("MASTODON_BASE_URL", "").rstrip("/"),
        mastodon_access_token=values.get("MASTODON_ACCESS_TOKEN", ""),
        bluesky_handle=values.get("BLUESKY_HANDLE", "").lstrip("@"),
        bluesky_app_password=values.get("BLUESKY_APP_PASSWORD", ""),
        bluesky_service=values.get("BLUESKY_SERVICE", "https://bsky.social").rstrip("/"),
        state_db=db,
        log_level=level,
        log_format=fmt,
        env_warning=_env_file_warning(env_path) if env_path.is_file() else None,
        placeholder_warning=(
            f"{', '.join(short)} look like placeholders (under {SHORT_KEY} characters, or "
            "a word like 'changeme'): the real keys are 19 to 50 characters from each "
            "network's developer settings; values this short are not hidden in the log"
            if short
            else None
        ),
    ), problems


# An http(s) address with a host: "http://[::1" or "api.twitter.com" would fail at the
# first call, not at start.
_URL = re.compile(r"^https?://(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?(?:/\S*)?$")

_KNOWN = {
    *X_KEYS,
    *MASTODON_KEYS,
    *BLUESKY_KEYS,
    "X_API_BASE_URL",
    "BLUESKY_SERVICE",
    "STATE_DB",
    "LOG_LEVEL",
    "LOG_FORMAT",
}
