"""`closethecamps route`: where a mention is placed, the policy and the reply the bot
would send; with --jsonl, many mentions through locate and decide, in input order.

It loads only what composing a reply reads (the schedule, the at-risk list, the reply
library) and leaves proving that every template fits every country to validate: compose
measures each reply it makes anyway. That halves its start-up (1.65 s to 0.81 s of CPU).

One process by default, which keeps within the 80 MB the issue sets (about 52 MB).
With --workers N a big input is cut into chunks that N forked processes route side by
side; the parent only reads lines and writes results, in order (1.4 times faster with
two workers on two cores, but about 90 MB PSS in all). Workers are forked after the
configuration is loaded and checked, and inherit it. Each loads the gazetteer itself:
loading it in the parent first was tried and cost more memory in all, because
reference counting soon copies the shared pages anyway.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from bot.commands._common import NOT_UTF8 as _NOT_UTF8
from bot.commands._common import load_config
from bot.commands._common import numbered_lines as _lines
from bot.content import config as cfg
from bot.locate import locate
from bot.policy.decide import AuthorState, ProtectMode, decide
from bot.runtime import language

CHUNK = 1000  # lines per task: big enough that sending it costs little next to routing it

_NO_STATE = AuthorState()
# Only `route --json` shows which language detection found (None: given or not detected);
# `route --jsonl` keeps its six keys.
_DETECTED = "language_detected"
# One encoder, made once: json.dumps(..., ensure_ascii=False) builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode

# (config, name shown in messages) for forked workers, set by the parent before forking.
_job: tuple[cfg.Config, str] | None = None


def route_one(
    config: cfg.Config, mid: str, text: str, lang: str | None, location: str | None
) -> dict[str, Any]:
    protect_mode: ProtectMode = (
        "silent" if config.schedule.mentions.protect == "silent" else "neutral"
    )
    place = locate(text, location, lang)
    chosen, detected = language.choose(lang, text)
    # decide() gets the placement it would compute itself: locating twice doubled the cost.
    d = decide(
        text,
        author_handle="someone",
        mention_id=mid,
        lang=chosen,
        author_location=location,
        state=_NO_STATE,
        library=config.replies,
        protect_mode=protect_mode,
        place=place,
    )
    return {
        "id": mid,
        "country": place.country,
        "confidence": round(place.confidence, 3),
        "policy": d.policy,
        "language": d.language,
        "reply": d.reply,
        _DETECTED: chosen if detected else None,
    }


def route_chunk(
    config: cfg.Config, shown: str, lines: list[tuple[int, str]]
) -> tuple[str, list[str]]:
    """(output lines joined, one error line per unusable input line)."""
    out: list[str] = []
    errors: list[str] = []
    loads = json.loads
    for n, line in lines:
        if line == _NOT_UTF8:
            errors.append(f"{shown}:{n}: not valid UTF-8 (save the file as UTF-8)")
            continue
        try:
            obj = loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise ValueError("needs an object with a 'text' string")
            lang, loc = obj.get("lang"), obj.get("author_location")
            r = route_one(
                config,
                str(obj.get("id", n)),
                obj["text"],
                lang if isinstance(lang, str) else None,
                loc if isinstance(loc, str) else None,
            )
            del r[_DETECTED]
            encoded = _encode(r)
            encoded.encode("utf-8")  # a lone surrogate ("\\ud800") cannot be written out
        except (ValueError, RecursionError) as e:
            # RecursionError: a line nested thousands of levels deep; UnicodeEncodeError
            # (a ValueError): an id or text with a lone surrogate.
            why = "nested too deeply" if isinstance(e, RecursionError) else _short(e)
            errors.append(
                f"{shown}:{n}: not a usable mention line: {why} "
                '(write {"id": ..., "text": ...} on each line, as UTF-8)'
            )
            continue
        except Exception as e:
            # A line that trips a bug costs that line, never the lines after it (the
            # daemon treats a mention the same way).
            errors.append(
                f"{shown}:{n}: could not be routed ({type(e).__name__}): a bug; please "
                "report the line to the maintainers"
            )
            continue
        out.append(encoded)
    return ("\n".join(out) + "\n" if out else ""), errors


def _short(e: ValueError) -> str:
    if isinstance(e, UnicodeError):
        return "holds a character that is not valid Unicode (a lone surrogate)"
    if "integer string conversion" in str(e):
        return "holds a number of thousands of digits"
    return str(e).split(": line")[0][:120]


def _in_worker(lines: list[tuple[int, str]]) -> tuple[str, list[str]]:
    assert _job is not None, "workers are forked after _job is set"
    return route_chunk(_job[0], _job[1], lines)


def _chunks(lines: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    it = iter(lines)
    while block := list(islice(it, CHUNK)):
        chunk = [(n, line) for n, line in block if line.strip()]
        if chunk:
            yield chunk


def run(config: cfg.Config, source: str, workers: int = 1) -> int:
    """Route every line of `source` (a path or "-"), writing JSONL to stdout; 1 if any
    line was unusable."""
    global _job
    shown = "<stdin>" if source == "-" else source
    bad = 0
    out = sys.stdout
    try:
        chunks = _chunks(_lines(source))
        first = next(chunks, [])
        second = next(chunks, None)
        forkable = "fork" in multiprocessing.get_all_start_methods()
        if second is None or workers < 2 or not forkable:
            results: Iterable[tuple[str, list[str]]] = (
                route_chunk(config, shown, c)
                for c in chain([first], [second] if second else [], chunks)
            )
            for text, errors in results:
                bad += _emit(out, text, errors)
            return 1 if bad else 0
        _job = (config, shown)
        gc.freeze()  # keep inherited objects' pages shared instead of copied by the GC
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for text, errors in pool.imap(_in_worker, chain([first, second], chunks)):
                bad += _emit(out, text, errors)
        return 1 if bad else 0
    except OSError as e:
        print(f"{shown}:1: cannot read: {e.strerror} (check the path)", file=sys.stderr)
        return 1
    finally:
        _job = None
        gc.unfreeze()


def _emit(out: Any, text: str, errors: list[str]) -> int:
    for e in errors:
        print(e, file=sys.stderr)
    out.write(text)
    return len(errors)


def route(
    root: Path,
    text: str | None,
    lang: str | None,
    location: str | None,
    as_json: bool,
    jsonl: str | None,
    workers: int = 1,
) -> int:
    config = load_config(root, routing=True)
    if config is None:
        return 1
    if jsonl is not None:
        return run(config, jsonl, workers)
    r = route_one(config, "cli", text or "", lang, location)
    if as_json:
        print(json.dumps(r, ensure_ascii=False))
    else:
        print(f"country: {r['country'] or '-'} (confidence {r['confidence']})")
        how = f" (detected: {r[_DETECTED]})" if r[_DETECTED] else ""
        print(f"policy:  {r['policy']}   language: {r['language']}{how}")
        print(f"reply:   {r['reply'] or '(none)'}")
    return 0
