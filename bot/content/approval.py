"""Approval bound to the exact text: an edited text is a draft until re-approved."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from bot.content.textrules import nfc


def text_hash(text: str) -> str:
    """sha256 of the NFC-normalised text, so an invisible re-encoding is not an edit."""
    return hashlib.sha256(nfc(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Approval:
    by: str
    sha256: str


def parse_approval(value: Any) -> Approval | str | None:
    """The approval record, None when absent, or a message saying what is malformed."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return "approval must be a mapping with 'by' and 'sha256'"
    unknown = set(value) - {"by", "sha256"}
    if unknown:
        return f"unknown key '{sorted(unknown)[0]}' in approval"
    by, digest = value.get("by"), value.get("sha256")
    if not isinstance(by, str) or not by.strip():
        return "approval.by must name who approved it"
    if not isinstance(digest, str) or len(digest) != 64:
        return "approval.sha256 must be a 64-character hex digest"
    return Approval(by.strip(), digest.lower())
