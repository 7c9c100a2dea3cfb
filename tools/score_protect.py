"""Protection on labelled sets, through `closethecamps route --jsonl` (the real policy).

    .venv/bin/python tools/score_protect.py ROOT CLOSETHECAMPS SET [...]

Must protect: rows labelled "russia", and rows whose accepted answers include a country of
ROOT/messages/resources/at_risk.yaml. Prints how many of those were answered publicly (a
reply with resources, not the protect message nor silence), and how many others got the
protect message needlessly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml


def main(root: str, exe: str, files: list[str]) -> None:
    with open(f"{root}/messages/resources/at_risk.yaml", encoding="utf-8") as f:
        risk = {e["code"] for e in yaml.safe_load(f)["countries"]}
    rows = [
        json.loads(line)
        for p in files
        for line in Path(p).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    keys = ("id", "text", "lang", "author_location")
    lines = "\n".join(json.dumps({k: r[k] for k in keys if k in r}) for r in rows)
    out = subprocess.run(
        [exe, "route", "--root", root, "--jsonl", "-"], input=lines, capture_output=True, text=True
    ).stdout
    got = {d["id"]: d for d in map(json.loads, out.splitlines())}
    need = [r for r in rows if r.get("russia") or any(a in risk for a in r["accept"] if a)]
    ids = {r["id"] for r in need}
    # The neutral protect message or no reply at all ("skip": an opt-out such as "don't
    # answer me publicly") are both safe; a reply with resources is not.
    missed = [r["id"] for r in need if got[r["id"]]["policy"] == "reply"]
    needless = [r["id"] for r in rows if r["id"] not in ids and got[r["id"]]["policy"] == "protect"]
    print(
        f"{len(rows)} rows: must protect {len(need)}, answered publicly {len(missed)} {missed}; "
        f"protected needlessly {len(needless)}"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
