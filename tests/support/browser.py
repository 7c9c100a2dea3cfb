"""How the tests (and tools/demo_report.py) start Debian's headless Chromium.

One list, because each flag is there for this machine: no sandbox as root, no GPU, and
no background networking, component updates or sync, whose connections the closed
network refuses.
"""

from __future__ import annotations

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
