#!/usr/bin/env python3
"""Score opt-out detection on a labelled set (lines with "text", "lang", "opt_out").

    .venv/bin/python tools/score_optout.py tests/data/mentions_optout.jsonl [-v]

The rule is the policy's own (bot.policy.intent.asks_to_stop, which decide() uses).
Prints opt-outs missed (the bot would answer someone who asked it to stop) and support
taken for an opt-out (the bot would go silent on someone who asked for help), per
language; -v lists each (the text included: these are test sets, never real mentions).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.policy.intent import asks_to_stop


def main(argv: list[str]) -> int:
    rows = [json.loads(x) for x in Path(argv[0]).read_text(encoding="utf-8").splitlines() if x]
    verbose = "-v" in argv
    missed: list[dict[str, object]] = []
    taken: list[dict[str, object]] = []
    for r in rows:
        said = asks_to_stop(r["text"])
        if r["opt_out"] and not said:
            missed.append(r)
        elif said and not r["opt_out"]:
            taken.append(r)
    stops = sum(1 for r in rows if r["opt_out"])
    print(f"{len(rows)} mentions, {stops} opt-outs, {len(rows) - stops} not")
    print(f"opt-outs missed: {len(missed)} of {stops} ({100 * len(missed) / max(stops, 1):.1f}%)")
    print(f"support taken for an opt-out: {len(taken)} of {len(rows) - stops}")
    print("missed by language:", dict(Counter(r.get("lang", "?") for r in missed)))
    print("taken by language:", dict(Counter(r.get("lang", "?") for r in taken)))
    if verbose:
        for name, found in (("MISSED", missed), ("TAKEN", taken)):
            for r in found:
                print(f"{name} {r['id']} [{r.get('lang')}] {r['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
