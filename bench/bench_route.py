#!/usr/bin/env python3
"""`closethecamps route --jsonl` over N mentions against geotext's country extraction.

    .venv/bin/pip install -e '.[bench]'          # geotext==0.4.0
    .venv/bin/python bench/bench_route.py [--n 20000] [--runs 3] [--keep FILE]

The issue's target: the whole `route --jsonl` pipeline, per mention, at least as
fast as geotext's country extraction on the same input, measured in the same
run, in at most 80 MB RSS.

What each side includes (best of --runs, on the same N mentions):
- route: the real CLI, `python -m bot route --jsonl FILE --root REPO`, as a
  subprocess writing its JSONL to a file. Wall time from spawn to exit, so it
  includes the interpreter start, imports, loading the config and the
  gazetteer, reading and parsing every line, locate(), decide() (reply text,
  template pick) and writing every output line, in one process (the default).
  Peak RSS is that child's ru_maxrss from wait4(), measured from a small fresh
  spawner. "route, warm" subtracts the time of the same command over a one-line
  file (start-up and loading), for reference only. "--workers 2" is the same
  command split between two worker processes, for reference.
- geotext: in this process, after importing geotext and one warm-up call:
  `GeoText(text).country_mentions` per mention, nothing else (no JSON, no
  output). When a mention has an author_location, geotext gets
  text + " " + author_location, since route reads the profile too.
- geotext pipeline (context only): a subprocess that reads the same JSONL,
  runs the same extraction and writes one JSON line per mention, start-up
  included, so the two whole processes can be compared like for like.

The headline ratio is route (everything, start-up included) vs geotext
(extraction only): the harshest reading of the requirement. The floor lines show
what any implementation pays before locating anything.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "tests" / "data" / "mentions_labelled.jsonl",
    ROOT / "tests" / "data" / "mentions_sample.jsonl",  # copy of ../shared/samples/
]
BOT = "@CloseTheCampsBot"

# --- a realistic mix of mentions -----------------------------------------------------

ASKS = [
    "how can I help?",
    "what can I do?",
    "what can we do",
    "how do I help",
    "I want to help",
    "what can I do to help?",
    "is there a petition?",
    "who should I write to?",
    "where can I donate?",
    "any resources?",
    "how can I support?",
    "tell me more please",
    "what are the next steps?",
    "thanks for doing this",
    "thank you 🙏",
    "how can we act?",
    "wie kann ich helfen?",
    "was kann ich tun?",
    "comment puis-je aider ?",
    "que puis-je faire",
    "¿cómo puedo ayudar?",
    "¿qué puedo hacer?",
    "come posso aiutare?",
    "hoe kan ik helpen?",
    "como posso ajudar?",
    "jak mogę pomóc?",
    "hur kan jag hjälpa?",
    "что я могу сделать?",
    "чем помочь?",
    "how can I help from here?",
    "what should I do?",
    "can I sign something?",
]
OPENERS = [
    "",
    "",
    "",
    "Hi!",
    "Hello,",
    "Hey",
    "This is horrifying.",
    "Just read the news.",
    "Heartbreaking.",
    "Thank you for this.",
    "I had no idea.",
    "Solidarity ❤️",
    "🏳️‍🌈",
    "Wow.",
    "Please tell me",
]
TAGS = [
    "",
    "",
    "",
    "#CloseTheCamps",
    "#Chechnya",
    "#CloseTheCamps #Chechnya",
    "#EyesOnChechnya",
    "#LGBTQ #CloseTheCamps",
]
LINKS = ["", "", "", "", "https://t.co/abc123XyZ", "https://example.org/news/chechnya-2024"]

CITIES = [
    "London",
    "Berlin",
    "Paris",
    "Madrid",
    "Rome",
    "Amsterdam",
    "Dublin",
    "Toronto",
    "Vancouver",
    "Sydney",
    "Melbourne",
    "Brisbane",
    "Auckland",
    "New York",
    "Chicago",
    "Los Angeles",
    "Seattle",
    "Austin, TX",
    "Portland, Oregon",
    "Boston",
    "Manchester",
    "Glasgow",
    "Edinburgh",
    "Cardiff",
    "Leeds",
    "Hamburg",
    "Munich",
    "Cologne",
    "Vienna",
    "Zurich",
    "Geneva",
    "Brussels",
    "Antwerp",
    "Lyon",
    "Marseille",
    "Barcelona",
    "Valencia",
    "Lisbon",
    "Porto",
    "Milan",
    "Naples",
    "Stockholm",
    "Gothenburg",
    "Oslo",
    "Copenhagen",
    "Helsinki",
    "Warsaw",
    "Krakow",
    "Prague",
    "Athens",
    "Tokyo",
    "Osaka",
    "São Paulo",
    "Rio de Janeiro",
    "Buenos Aires",
    "Mexico City",
    "Cape Town",
    "Johannesburg",
    "Nairobi",
    "Montreal",
    "Ottawa",
    "Calgary",
    "Perth",
    "Adelaide",
    "Wellington",
    "Tel Aviv",
    "Istanbul",
    "Kyiv",
    "Tbilisi",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Moscow",
    "St Petersburg",
    "Kazan",
    "Grozny",
    "Novosibirsk",
    "Germany",
    "France",
    "Canada",
    "Australia",
    "the UK",
    "the US",
    "Ireland",
    "Spain",
    "Italy",
    "Sweden",
    "Norway",
    "the Netherlands",
    "Brazil",
    "Japan",
    "Poland",
    "Scotland",
    "Wales",
    "Texas",
    "California",
    "Ontario",
    "Bavaria",
]
SELF = [
    "I'm in {p}, {a}",
    "I live in {p}. {a}",
    "{p} here, {a}",
    "greetings from {p}! {a}",
    "I'm from {p} and {a}",
    "Based in {p}. {a}",
    "we are in {p} - {a}",
    "{a} I'm in {p}",
    "in {p}, {a}",
    "{p}. {a}",
    "Writing from {p}: {a}",
    "I moved to {p} last year, {a}",
]
SELF_LANG = [
    ("de", "Ich wohne in {p}. {a}"),
    ("de", "Liebe Grüße aus {p}! {a}"),
    ("fr", "Je suis à {p}, {a}"),
    ("fr", "J'habite en {p}. {a}"),
    ("es", "Vivo en {p}, {a}"),
    ("es", "Saludos desde {p}. {a}"),
    ("it", "Abito a {p}, {a}"),
    ("nl", "Ik woon in {p}. {a}"),
    ("pt", "Moro em {p}, {a}"),
    ("sv", "Jag bor i {p}. {a}"),
    ("pl", "Mieszkam w {p}. {a}"),
]
RU_SELF = [
    "я живу в Москве, что делать?",
    "я из Грозного, помогите",
    "мы в Казани, чем помочь?",
    "привет из Петербурга! как помочь?",
    "живу в Берлине, что я могу сделать?",
    "я живу в Киеве",
    "мне страшно, помогите",
    "что делать?",
    "как помочь?",
]
JA = [
    "東京在住です。どうすれば助けられますか？",
    "大阪に住んでいます",
    "日本人です、何ができますか",
]
TOPIC = [
    "the men detained in {p} must be freed. {a}",
    "{p} should speak up! {a}",
    "news from {p} is awful",
    "Chechnya is a nightmare for gay men. {a}",
    "the embassy in {p} ignored us",
    "why is nobody in {p} talking about this? {a}",
    "{p}'s government must act",
    "Grozny — {a}",
    "my friend visited {p} last year",
]
FLAGS = ["🇩🇪", "🇬🇧", "🇫🇷", "🇺🇸", "🇨🇦", "🇦🇺", "🇮🇪", "🇷🇺", "🇪🇸", "🇮🇹", "🇳🇱", "🇸🇪", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]
DEMONYMS = [
    "Canadian here, {a}",
    "I'm German. {a}",
    "As a proud Scot, {a}",
    "Swedish here! {a}",
    "I'm a concerned American. {a}",
    "Australian and furious. {a}",
    "Soy mexicana, {a}",
]
PROFILES = [
    "London",
    "London, UK",
    "Berlin",
    "Paris, France",
    "NYC",
    "New York, NY",
    "Toronto, ON",
    "Sydney, Australia",
    "Melbourne",
    "Dublin, Ireland",
    "Amsterdam",
    "Madrid, España",
    "Deutschland",
    "Wien",
    "Brisbane, QLD",
    "Austin, TX",
    "Seattle, WA",
    "Glasgow, Scotland",
    "Manchester",
    "Москва",
    "Санкт-Петербург",
    "Kazan",
    "Earth",
    "Worldwide",
    "she/her",
    "he/him | Berlin",
    "🌈 London",
    "Planet Earth 🌍",
    "somewhere",
    "in your walls",
    "Europe",
    "Cork, Ireland",
    "Lisbon 🇵🇹",
    "Stockholm, Sverige",
    "Oslo",
    "Wellington, NZ",
    "Montréal",
    "Bay Area",
    "Los Angeles, CA",
    "Chicago, IL",
    "Hamburg, Germany",
    "München",
    "Vancouver, BC",
    "Brooklyn, NY",
    "Leeds",
    "Cardiff, Wales",
    "Edinburgh",
    "Rome, Italy",
    "Milano",
    "Zürich",
    "Bruxelles",
    "Warszawa",
    "Kraków, Polska",
    "Praha",
    "Tokyo",
    "São Paulo, Brasil",
    "Buenos Aires",
    "CDMX",
    "Cape Town",
    "Tbilisi",
    "Kyiv, Ukraine",
    "Grozny",
    "Russia",
    "🇷🇺",
    "🇬🇧",
    "🇩🇪",
    "Texas",
    "California",
    "Ontario, Canada",
    "they/them 🏳️‍⚧️",
    "Perth, WA",
    "Auckland",
    "Nice, France",
    "Bath, England",
    "Georgia",
]


def _ask(rng: random.Random) -> str:
    return rng.choice(ASKS)


def _wrap(rng: random.Random, body: str) -> str:
    parts = [BOT, rng.choice(OPENERS), body, rng.choice(TAGS), rng.choice(LINKS)]
    return " ".join(p for p in parts if p)


def _generated(rng: random.Random) -> dict[str, str]:
    roll = rng.random()
    lang = "en"
    if roll < 0.40:  # asks for help, names no place
        body = f"{rng.choice(OPENERS)} {_ask(rng)}".strip()
    elif roll < 0.62:
        body = rng.choice(SELF).format(p=rng.choice(CITIES), a=_ask(rng))
    elif roll < 0.70:
        lang, tpl = rng.choice(SELF_LANG)
        body = tpl.format(p=rng.choice(CITIES), a=_ask(rng))
    elif roll < 0.82:
        body = rng.choice(TOPIC).format(p=rng.choice(CITIES), a=_ask(rng))
    elif roll < 0.88:
        body = f"{rng.choice(FLAGS)} {_ask(rng)}"
    elif roll < 0.93:
        body = rng.choice(DEMONYMS).format(a=_ask(rng))
    elif roll < 0.98:
        lang, body = "ru", rng.choice(RU_SELF)
    else:
        lang, body = "ja", rng.choice(JA)
    out = {"text": _wrap(rng, body), "lang": lang}
    if rng.random() < 0.5:
        # Profiles repeat: a few are very common, most are rare.
        out["author_location"] = PROFILES[
            min(int(rng.paretovariate(1.2)) - 1, len(PROFILES) - 1)
            if rng.random() < 0.6
            else rng.randrange(len(PROFILES))
        ]
    return out


def build(n: int, seed: int = 2024) -> list[dict[str, str]]:
    """The labelled sets (about 2% of a 20,000 run, with their own lang and profile), then
    generated mentions."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for path in SOURCES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line:
                    r = json.loads(line)
                    rows.append({k: r[k] for k in ("text", "lang", "author_location") if k in r})
    rows = rows[:n]
    while len(rows) < n:
        rows.append(_generated(rng))
    rng.shuffle(rows)
    return [{"id": str(i), **r} for i, r in enumerate(rows)]


def write_jsonl(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# --- measuring -----------------------------------------------------------------------

# Linux counts the memory a forked child had before exec() in its peak RSS, so a
# child forked from this (large, geotext-holding) process would report this
# process's size. Children are therefore started by a small fresh interpreter
# that times them and reports their wall time and peak RSS.
_SPAWNER = """
import os, subprocess, sys, time
with open(sys.argv[1], "wb") as fh:
    t0 = time.perf_counter()
    proc = subprocess.Popen(sys.argv[2:], stdout=fh)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
print(os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss)
"""


def run_child(cmd: list[str], out: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one child process, its stdout to `out`."""
    report = subprocess.run(
        [sys.executable, "-S", "-c", _SPAWNER, str(out), *cmd],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    code, wall, maxrss_kib = int(report[0]), float(report[1]), int(report[2])
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return wall, maxrss_kib / 1024


WORKERS = 2  # the comparison run with worker processes (this machine has two cores)


def route_cmd(path: Path, workers: int | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "bot", "route", "--jsonl", str(path), "--root", str(ROOT)]
    return cmd + (["--workers", str(workers)] if workers else [])


GEOTEXT_PIPELINE = """
import json, sys
from geotext import GeoText
out = sys.stdout
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        loc = o.get("author_location")
        g = GeoText(o["text"] + " " + loc if loc else o["text"])
        out.write(json.dumps({"id": o["id"], "countries": list(g.country_mentions)}) + "\\n")
"""


def geotext_texts(rows: list[dict[str, str]]) -> list[str]:
    return [
        r["text"] + " " + r["author_location"] if r.get("author_location") else r["text"]
        for r in rows
    ]


def time_geotext(texts: list[str]) -> float:
    from geotext import GeoText

    GeoText("warm-up: I'm in Berlin")
    t0 = time.perf_counter()
    for text in texts:
        _ = GeoText(text).country_mentions
    return time.perf_counter() - t0


def time_floor(src: Path, out: Path) -> tuple[float, float]:
    """(JSON in and out, one regex pass over each text), seconds for all mentions.

    The least any `route --jsonl` must do per mention, whatever its locating logic:
    parse the input line, write an output line of the same shape (the real ones,
    taken from route's own output), and look at every character of the text once.
    """
    ins = src.read_text(encoding="utf-8").splitlines()
    outs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    texts = [json.loads(x)["text"] for x in ins]
    encode, loads = json.JSONEncoder(ensure_ascii=False).encode, json.loads
    t0 = time.perf_counter()
    for line, result in zip(ins, outs, strict=True):
        loads(line)
        encode(result)
    t1 = time.perf_counter()
    words = re.compile(r"[^\W\d_]+").findall
    for text in texts:
        words(text)
    return t1 - t0, time.perf_counter() - t1


def lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as f:
        yield from f


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also write the input JSONL here")
    args = parser.parse_args()
    try:
        import geotext  # noqa: F401
    except ImportError:
        print("geotext not installed: .venv/bin/pip install -e '.[bench]'")
        return 1

    rows = build(args.n)
    n = len(rows)
    with tempfile.TemporaryDirectory() as tmp:
        src, one, out = Path(tmp, "in.jsonl"), Path(tmp, "one.jsonl"), Path(tmp, "out.jsonl")
        write_jsonl(rows, src)
        write_jsonl(rows[:1], one)
        if args.keep:
            write_jsonl(rows, args.keep)
        texts = geotext_texts(rows)
        route, single, start, geo, geo_pipe, rss, rss1 = [], [], [], [], [], [], []
        json_floor, scan_floor = [], []
        # Interleaved so both sides see the same machine state in every round.
        for _ in range(args.runs):
            wall, peak = run_child(route_cmd(src), out)
            single.append(wall)
            rss1.append(peak)
            wall, peak = run_child(route_cmd(src, workers=WORKERS), Path(tmp, "many.out"))
            route.append(wall)
            rss.append(peak)
            start.append(run_child(route_cmd(one), Path(tmp, "one.out"))[0])
            geo.append(time_geotext(texts))
            geo_pipe.append(
                run_child([sys.executable, "-c", GEOTEXT_PIPELINE, str(src)], Path(tmp, "geo.out"))[
                    0
                ]
            )
            floors = time_floor(src, out)
            json_floor.append(floors[0])
            scan_floor.append(floors[1])
        if Path(tmp, "many.out").read_bytes() != out.read_bytes():
            print(f"route and route --workers {WORKERS} wrote different output")
            return 1
        written = sum(1 for _ in lines(out))
        if written != n:
            print(f"route wrote {written} lines for {n} mentions")
            return 1
        policies: dict[str, int] = {}
        placed = 0
        for line in lines(out):
            r = json.loads(line)
            policies[r["policy"]] = policies.get(r["policy"], 0) + 1
            placed += r["country"] is not None

    t_route, t_start, t_geo, t_pipe = min(route), min(start), min(geo), min(geo_pipe)
    t_single = min(single)
    warm = max(t_single - t_start, 1e-9)

    def show(name: str, seconds: float, what: str) -> None:
        print(
            f"{name:<18} {n / seconds:>9,.0f} mentions/s  {seconds * 1e6 / n:>7.1f} us/mention"
            f"  ({seconds:.3f} s; {what})"
        )

    print(f"{n} mentions, best of {args.runs}; {placed} placed, policies {policies}")
    show("route --jsonl", t_single, "whole CLI process, start-up included, one process")
    show("route, warm", warm, f"minus a one-line run of {t_start:.3f} s")
    show(f"  --workers {WORKERS}", t_route, f"the same with {WORKERS} worker processes")
    show("geotext", t_geo, "GeoText(text).country_mentions only, in-process")
    show("geotext pipeline", t_pipe, "JSONL in/out subprocess, start-up included; context")
    print("floor, what any route --jsonl pays per mention on one core, before locating:")
    show("  start-up", t_start, "interpreter, imports, config and gazetteer, one line")
    show("  JSON in and out", min(json_floor), "json.loads of each line, encode of its result")
    show("  one regex pass", min(scan_floor), "re.findall of letter runs over each text")
    print(
        f"route peak RSS: {max(rss1):.1f} MB (worst run; limit 80 MB); with "
        f"--workers {WORKERS} {max(rss):.1f} MB for the largest process"
    )
    print(
        f"ratio (geotext time / route time, >= 1.0 meets the target): "
        f"{t_geo / t_single:.2f} whole CLI, {t_geo / warm:.2f} warm, "
        f"{t_geo / t_route:.2f} with --workers {WORKERS}, "
        f"{t_pipe / t_single:.2f} against the whole geotext pipeline"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
