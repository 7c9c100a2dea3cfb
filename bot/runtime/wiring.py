"""Which platforms the daemon talks to, built from the settings: every network whose
credentials are complete, several at once; with none, the sandbox."""

from __future__ import annotations

from bot.platforms.base import Platform
from bot.platforms.sandbox import SandboxPlatform
from bot.runtime.settings import Settings

# The order make_platforms builds them in; `status` lists them the same way.
ORDER = ("x", "mastodon", "bluesky")


def make_platforms(settings: Settings) -> list[Platform]:
    out: list[Platform] = []
    if settings.has_x:
        from bot.platforms.x import XPlatform

        out.append(
            XPlatform(
                settings.x_api_key,
                settings.x_api_secret,
                settings.x_access_token,
                settings.x_access_token_secret,
                base_url=settings.x_api_base_url,
            )
        )
    if settings.has_mastodon:
        from bot.platforms.mastodon import MastodonPlatform

        out.append(MastodonPlatform(settings.mastodon_base_url, settings.mastodon_access_token))
    if settings.has_bluesky:
        from bot.platforms.bluesky import BlueskyPlatform

        out.append(
            BlueskyPlatform(
                settings.bluesky_handle,
                settings.bluesky_app_password,
                settings.bluesky_service,
                session_file=settings.state_db.parent / "bluesky-session.json",
            )
        )
    return out or [SandboxPlatform(settings.sandbox_db)]
