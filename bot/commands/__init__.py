"""Every CLI command as a plain function returning its exit code (sqlite-utils style)."""

from bot.commands._impl import (
    approve_cmd,
    preview,
    route,
    sandbox_mention,
    sandbox_timeline,
    status,
    validate,
)

__all__ = ["approve_cmd", "preview", "route", "sandbox_mention", "sandbox_timeline", "status",
           "validate"]
