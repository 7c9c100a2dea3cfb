"""Network adapters behind one small interface."""

from .base import (
    Account,
    AuthFailed,
    Duplicate,
    Mention,
    NotAllowed,
    OutOfCredits,
    Platform,
    PlatformError,
    RateLimited,
    Unavailable,
)

__all__ = [
    "Account",
    "AuthFailed",
    "Duplicate",
    "Mention",
    "NotAllowed",
    "OutOfCredits",
    "Platform",
    "PlatformError",
    "RateLimited",
    "Unavailable",
]
