"""Score locate() on labelled sets: placed right, in a wrong country, Russia missed/over.

    .venv/bin/python tools/score_world.py tests/data/mentions_world_c.jsonl [...]

A row is right when the country is one of its `accept` answers, or when it is a
"russia" row and the person is protected (may_be_in_russia). "Self-placed" counts the
rows whose labels name a country (not Russia): the people who said where they live.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.locate import locate


def main(files: list[str]) -> None:
    rows = [
        json.loads(line)
        for f in files
        for line in Path(f).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    right = wrong = missed = over = placed = said = 0
    wrongs = []
    for r in rows:
        p = locate(r["text"], r.get("author_location"), r.get("lang"))
        ok = p.country in r["accept"] or bool(p.may_be_in_russia and r.get("russia"))
        right += ok
        if not ok and p.country is not None:
            wrong += 1
            wrongs.append((r["id"], p.country, r["accept"]))
        missed += bool(r.get("russia") and not p.may_be_in_russia)
        over += bool(p.may_be_in_russia and not r.get("russia"))
        if any(a is not None for a in r["accept"]) and not r.get("russia"):
            said += 1
            placed += p.country in r["accept"]
    n = len(rows)
    print(
        f"{n} rows: right {right} ({right / n:.1%}), wrong country {wrong} ({wrong / n:.1%}), "
        f"self-placed people placed right {placed}/{said}, russia missed {missed}, over {over}"
    )
    for w in wrongs:
        print("  wrong", *w)


if __name__ == "__main__":
    main(sys.argv[1:])
