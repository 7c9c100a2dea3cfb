"""Example counts for property tests, derived from the loaded hypothesis profile.

tests/conftest.py registers the profiles ("ci", "dev") and loads one before any test
module is imported, so `settings.default` here is that profile.
"""

from __future__ import annotations

from hypothesis import settings


def long_text_examples() -> int:
    """For a test whose every example is a 5,000-10,000-character text (0.5-1.5 s each
    on average, some up to 4 s): a fifteenth of the profile's max_examples, at least 5
    (ci: 20, dev: 6)."""
    current = settings.default
    assert current is not None  # hypothesis always has a loaded profile
    return max(5, current.max_examples // 15)
