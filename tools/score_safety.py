#!/usr/bin/env python3
"""Score `closethecamps route --jsonl` on a labelled safety set (expect protect/reply/skip).

    python3 tools/score_safety.py tests/data/mentions_safety_c.jsonl . .venv/bin/closethecamps [-v]

Prints counts: protection cases missed, needless protection, skips answered, replies
unplaced or in a wrong country; -v lists every miss (the mention's text included: these
are test sets, never real mentions).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter


def main(argv: list[str]) -> int:
    set_file, root, exe = argv[:3]
    with open(set_file, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    keys = ("id", "text", "lang", "author_location")
    lines = "\n".join(
        json.dumps({k: r[k] for k in keys if k in r}, ensure_ascii=False) for r in rows
    )
    out = subprocess.run(
        [exe, "route", "--jsonl", "-", "--root", root],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    got = {g["id"]: g for g in map(json.loads, out.stdout.splitlines())}
    counts: Counter[str] = Counter()
    misses = []
    for r in rows:
        g, want = got[r["id"]], r["expect"]
        counts[f"n_{want}"] += 1
        if want == "protect":
            miss = "protect_missed" if g["policy"] != "protect" else ""
        elif want == "skip":
            miss = f"skip_missed_{r.get('why')}" if g["policy"] != "skip" else ""
        elif g["policy"] == "protect":
            miss = "needless_protect"
        elif g["policy"] == "skip":
            miss = "reply_skipped"
        elif g["country"] not in r["accept"]:
            miss = "wrong_country" if g["country"] is not None else "unplaced"
        else:
            miss = ""
        counts[miss or "right"] += 1
        if miss:
            misses.append(
                f"{r['id']} exp={want} {r.get('accept')} got={g['policy']}/"
                f"{g['country']} lang={g['language']} :: {r['text'][:110]}"
            )
    print(dict(sorted(counts.items())))
    if "-v" in argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
