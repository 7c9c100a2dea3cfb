"""Settings from the environment and .env (python-dotenv); secrets come only from here."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

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
    values: dict[str, str] = {}
    problems: list[Problem] = []
    if env_path.is_file():
        try:
            values = {k: v for k, v in dotenv_values(env_path).items() if v is not None}
            lines = env_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as e:
            lines = []
            problems.append(
                Problem(
                    ".env",
                    1,
                    f"cannot read .env: {e.strerror}",
                    "make it readable by the user the bot runs as (owned by that user, chmod 600)",
                )
            )
    else:
        lines = []
    from_env = {k: v for k, v in os.environ.items() if k in _KNOWN}
    values.update(from_env)

    def where(key: str) -> tuple[str, int]:
        # A problem names where the value came from: the process environment, or its
        # line in .env.
        if key in from_env:
            return "environment", 0
        for n, line in enumerate(lines, 1):
            if line.strip().removeprefix("export ").lstrip().startswith(key + "="):
                return ".env", n
        return ".env", 1

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
    short = [k for k in X_KEYS if 0 < len(values.get(k, "")) < SHORT_KEY]
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
            f"{', '.join(short)} look like placeholders (under {SHORT_KEY} characters); "
            "X's keys are 25 to 50: paste the real ones from the developer console"
            if short
            else None
        ),
    ), problems


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
