"""`closethecamps measure`: a text's length and limit on X, Mastodon and Bluesky.

    measure TEXT [--json]      one text: a table, or one JSON object
    measure --jsonl FILE|-     one JSON line per input line {"id", "text"}, in order

Exit 0 when every text fits every platform; 1 when any does not, or a line is unusable
(one `file:line: what (fix)` line on stderr for it, and the others still measured); 2
for a TEXT that is not valid Unicode. A maintainer's script can so stop on a text
that does not fit without reading the output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bot.commands._common import NOT_UTF8, numbered_lines
from bot.content.lengths import DEFAULT_LIMITS, NAMES, Limit, measure_all

_encode = json.JSONEncoder(ensure_ascii=False).encode


def measure_one(
    mid: str, text: str, limits: tuple[Limit, ...] = DEFAULT_LIMITS
) -> tuple[dict[str, Any], bool]:
    """({"id", "x": {...}, "mastodon": {...}, "bluesky": {...}}, whether all fit)."""
    found = measure_all(text, limits)
    row: dict[str, Any] = {"id": mid} | {p: m.as_dict() for p, m in found.items()}
    return row, all(m.ok for m in found.values())


def _table(row: dict[str, Any]) -> str:
    units = {"x": "weighted characters", "mastodon": "characters", "bluesky": "graphemes"}
    lines = [f"{'':<10}{'length':>7}{'limit':>7}  fits"]
    for p, name in NAMES.items():
        m = row[p]
        extra = f", {m['bytes']} of {m['byte_limit']} bytes" if "bytes" in m else ""
        fits = "yes" if m["ok"] else "NO "
        lines.append(f"{name:<10}{m['length']:>7}{m['limit']:>7}  {fits}  ({units[p]}{extra})")
    return "\n".join(lines)


def run_jsonl(source: str) -> int:
    shown = "<stdin>" if source == "-" else source
    bad = over = 0
    try:
        for n, line in numbered_lines(source):
            if not line.strip():
                continue
            if line == NOT_UTF8:
                print(f"{shown}:{n}: not valid UTF-8 (save the file as UTF-8)", file=sys.stderr)
                bad += 1
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError("needs an object with a 'text' string")
                row, fits = measure_one(str(obj.get("id", n)), obj["text"])
                encoded = _encode(row)
                encoded.encode("utf-8")
            except (ValueError, RecursionError) as e:
                why = _why(e)
                print(
                    f"{shown}:{n}: not a usable line: {why} "
                    '(write {"id": ..., "text": ...} on each line, as UTF-8)',
                    file=sys.stderr,
                )
                bad += 1
                continue
            over += not fits
            sys.stdout.write(encoded + "\n")
    except OSError as e:
        print(f"{shown}:1: cannot read: {e.strerror} (check the path)", file=sys.stderr)
        return 1
    return 1 if bad or over else 0


def _why(e: BaseException) -> str:
    if isinstance(e, RecursionError):
        return "nested too deeply"
    if isinstance(e, UnicodeError):
        return "holds a character that is not valid Unicode (a lone surrogate)"
    return str(e).split(": line")[0][:120]


def measure(root: Path, text: str | None, as_json: bool, jsonl: str | None) -> int:
    """The `measure` command. `root` is accepted like every command's; nothing in it is
    read yet (the Mastodon instance's limits will be, once the adapter reads them)."""
    del root
    if jsonl is not None:
        return run_jsonl(jsonl)
    try:
        (text or "").encode("utf-8")
    except UnicodeError:
        print("closethecamps measure: TEXT is not valid UTF-8 (pass UTF-8 text)", file=sys.stderr)
        return 2
    row, fits = measure_one("cli", text or "")
    print(_encode(row) if as_json else _table(row))
    return 0 if fits else 1
