"""bot.content.templates: the shipped files load clean; each bad file gives one file:line."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.content.at_risk import load_at_risk
from bot.content.problems import Problem
from bot.content.templates import LONGEST_HANDLE, load_reply_library
from bot.content.textrules import MAX_WEIGHTED, weighted_length
from bot.content.yamlsrc import load
from tests.support.paths import REPO
from tests.support.roots import approve_all, approved_copy, copy_messages

TODAY = dt.date(2026, 12, 5)
REPLY_LANGUAGES = sorted(
    p.stem for p in (REPO / "messages/replies").glob("*.yaml") if p.stem != "protect"
)
COUNTRIES = "messages/resources/countries.yaml"
REQUIRED_COUNTRIES = {
    "US",
    "GB",
    "CA",
    "DE",
    "FR",
    "AU",
    "IE",
    "ES",
    "SE",
    "IT",
    "NL",
    "BR",
    "AT",
    "CH",
    "BE",
    "NZ",
    "NO",
    "DK",
    "FI",
    "PL",
    "PT",
    "MX",
    "AR",
    "JP",
    "ZA",
}


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def edit(root: Path, rel: str, old: str, new: str) -> int:
    """Replace old by new once; return the 1-based line where new starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    pos = text.index(old)
    path.write_text(text[:pos] + new + text[pos + len(old) :], encoding="utf-8")
    return text[:pos].count("\n") + 1


def only_error(root: Path) -> Problem:
    _, problems = load_reply_library(root, TODAY)
    errs = errors(problems)
    assert len(errs) == 1, [p.render() for p in errs]
    return errs[0]


# --- the shipped files ---------------------------------------------------------------


def test_shipped_files_have_no_errors_and_cover_the_required_countries() -> None:
    library, problems = load_reply_library(REPO, TODAY)
    assert errors(problems) == [], [p.render() for p in errors(problems)]
    assert library is not None
    assert set(library.countries) >= REQUIRED_COUNTRIES
    assert library.generic.code is None
    # Every language file answers everyone with its *shipped* approvals (the slow test in
    # tests/policy/test_replies.py measures every template, on a test-approved copy): at
    # least one approved template fits 280 for each country and the generic fallback, and
    # one does without {embassy}, for countries Russia has no embassy in (Ukraine).
    places = [library.generic, *library.countries.values()]
    for lang in REPLY_LANGUAGES:
        approved = library.templates.get(lang, ())
        assert approved, f"{lang}.yaml has no approved template"
        assert any("embassy" not in t.fields for t in approved), f"{lang}: all need {{embassy}}"
        for res in places:
            assert any(
                (text := t.render(res, LONGEST_HANDLE)) is not None
                and weighted_length(text) <= MAX_WEIGHTED
                for t in approved
            ), f"{lang}: no approved template fits 280 for {res.code or 'generic'}"


def test_seventy_countries_none_protected_each_with_its_own_un_mission() -> None:
    library, _ = load_reply_library(REPO, TODAY)
    at_risk, _ = load_at_risk(REPO, TODAY)
    assert library is not None and at_risk
    assert len(library.countries) >= 70
    # People placed in these only ever get the protect message: an entry would be dead weight.
    assert not set(library.countries) & at_risk
    directory = library.generic.un
    assert [c for c, r in library.countries.items() if r.un == directory] == []
    assert len({r.un for r in library.countries.values()}) == len(library.countries)


def test_every_reply_language_has_an_approved_template_for_every_country() -> None:
    # A language file whose templates are all drafts, or all too long (or missing a field)
    # for some country, leaves those people with English. The check runs on the shipped
    # approvals, and with the longest handle X allows.
    library, _ = load_reply_library(REPO, TODAY)
    assert library is not None
    files = sorted(
        f.stem for f in (REPO / "messages/replies").glob("*.yaml") if f.stem != "protect"
    )
    assert len(files) >= 24
    for lang in files:
        templates = library.templates.get(lang, ())
        assert templates, f"{lang}.yaml has no approved template"
        for res in [library.generic, *library.countries.values()]:
            fits = [
                t.id
                for t in templates
                if (text := t.render(res, "x" * 15)) is not None
                and weighted_length(text) <= MAX_WEIGHTED
            ]
            assert fits, f"no approved {lang} template fits {res.code or 'generic'}"


def unapprove_all(root: Path) -> None:
    """Strip every approval block: the templates become drafts."""
    for path in (root / "messages/replies").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            re.sub(r"\n *approval:\n *by: .*\n *sha256: [0-9a-f]+", "", text), encoding="utf-8"
        )


def test_unapproved_templates_are_drafts_reported_as_warnings(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    unapprove_all(root)
    library, problems = load_reply_library(root, TODAY)
    assert library is not None and library.templates == {} and library.protect is None
    drafts = [p for p in problems if "is a draft" in p.what]
    assert drafts and all(p.warning and p.path.startswith("messages/replies/") for p in drafts)


def test_approved_templates_and_protect_message_are_loaded(tmp_path: Path) -> None:
    library, problems = load_reply_library(approved_copy(tmp_path), TODAY)
    # The shipped protect link waits for a maintainer to open it: that warning only.
    assert [p.what for p in problems] == ["the protect message's link is not verified yet"]
    assert library is not None
    assert {"en", "de", "fr", "es", "ru", "it", "nl", "pt", "pl", "sv"} <= set(library.templates)
    assert library.protect is not None and "https://www.accessnow.org/help/" in library.protect


def test_edited_template_needs_fresh_approval(tmp_path: Path) -> None:
    root = approved_copy(tmp_path)
    edit(root, "messages/replies/en.yaml", "Thank you.", "Thanks.")
    problem = only_error(root)
    assert "does not match its text" in problem.what and problem.path.endswith("en.yaml")
    library, _ = load_reply_library(root, TODAY)
    assert library is not None and "reply-en-1" not in {t.id for t in library.templates["en"]}


def test_an_edit_of_the_same_size_is_seen_by_the_next_check(tmp_path: Path) -> None:
    # The library is remembered by the bytes it reads, never by a file's size or time.
    root = approved_copy(tmp_path)
    assert not [p for p in load_reply_library(root, TODAY)[1] if not p.warning]
    edit(root, "messages/replies/en.yaml", "Thank you.", "Thank yoU.")
    problem = only_error(root)
    assert "does not match its text" in problem.what and problem.path.endswith("en.yaml")
    edit(root, "messages/replies/en.yaml", "Thank yoU.", "Thank you.")
    assert not [p for p in load_reply_library(root, TODAY)[1] if not p.warning]


# --- bad resources files: one problem each, at the right file and line ----------------

GB = "  - code: GB\n    name: United Kingdom\n"


@pytest.mark.parametrize(
    ("old", "new", "expect"),
    [
        (GB, GB + "    colour: red\n", "unknown key 'colour'"),
        (
            "    checked: 2026-11-21\n\n  - code: CA",
            "    checked: soon\n\n  - code: CA",
            "'checked' must be a date",
        ),
        ("https://www.rusemb.org.uk/", "http://www.rusemb.org.uk/", "is not https"),
        ("https://www.rusemb.org.uk/", "https://example.com/", "not in messages/allowed_domains"),
        ("  - code: GB\n", "  - code: XX\n", "not an ISO 3166-1 alpha-2 code"),
        ("  - code: GB\n", "  - code: RU\n", "no resources for Russia"),
        ("  - code: GB\n", "  - code: US\n", "duplicate country 'US'"),
        ("  - code: GB\n", "  - code: NO\n", "read as false"),
        (
            "        en: search by your postcode\n",
            "        en: see https://www.parliament.uk\n",
            "one line without @ or links",
        ),
    ],
)
def test_bad_country_entry_gives_one_problem_at_its_line(
    tmp_path: Path, old: str, new: str, expect: str
) -> None:
    root = copy_messages(tmp_path)
    start = edit(root, COUNTRIES, old, new)
    problem = only_error(root)
    assert expect in problem.what
    assert problem.path == COUNTRIES
    assert start <= problem.line <= start + new.count("\n")
    assert problem.fix


def test_a_checked_date_in_the_future_is_a_warning_not_an_error(tmp_path: Path) -> None:
    # A machine whose clock is behind must still start: the date is probably right.
    root = copy_messages(tmp_path)
    edit(
        root,
        COUNTRIES,
        "    checked: 2026-11-21\n\n  - code: CA",
        "    checked: 2027-01-01\n\n  - code: CA",
    )
    library, problems = load_reply_library(root, TODAY)
    assert library is not None and "GB" in library.countries and not errors(problems)
    assert any("in the future" in p.what and p.warning for p in problems)


def test_missing_field_is_reported_at_its_entry(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    text = (root / COUNTRIES).read_text(encoding="utf-8")
    gb = text.index(GB)
    un = text.index("    un_mission:\n", gb)
    end = text.index("    source:", un)
    (root / COUNTRIES).write_text(text[:un] + text[end:], encoding="utf-8")
    problem = only_error(root)
    assert problem.what == "an entry is missing 'un_mission'"
    assert problem.line == text[:gb].count("\n") + 1


def test_missing_generic_fallback_is_an_error_and_no_library(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    text = (root / COUNTRIES).read_text(encoding="utf-8")
    start, end = text.index("generic:\n"), text.index("countries:\n")
    (root / COUNTRIES).write_text(text[:start] + text[end:], encoding="utf-8")
    library, problems = load_reply_library(root, TODAY)
    assert library is None
    assert [p.what for p in errors(problems)] == ["the generic fallback is missing"]


def test_facts_checked_over_a_year_ago_give_a_warning_only(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    line = edit(
        root,
        COUNTRIES,
        "    checked: 2026-11-21\n\n  - code: CA",
        "    checked: 2025-10-01\n\n  - code: CA",
    )
    library, problems = load_reply_library(root, TODAY)
    stale = [p for p in problems if "over a year ago" in p.what]
    assert [(p.line, p.warning) for p in stale] == [(line, True)]
    assert library is not None and "GB" in library.countries


# --- bad templates --------------------------------------------------------------------

EN1 = "Thank you. Ask Russia's embassy"


def line_of(root: Path, rel: str, index: int, key: str) -> int:
    doc, _ = load(root / rel, rel, root)
    assert doc is not None
    return doc.line(next(iter(doc.data)), index, key)


@pytest.mark.parametrize(
    ("rel", "old", "new", "at", "expect"),
    [
        (
            "messages/replies/en.yaml",
            EN1,
            "Thank you {name}. Ask Russia's embassy",
            (0, "text"),
            "unknown placeholder '{name}'",
        ),
        (
            "messages/replies/en.yaml",
            EN1,
            "Thank you, cc @someone. Ask Russia's embassy",
            (0, "text"),
            "may not contain @",
        ),
        (
            "messages/replies/en.yaml",
            EN1,
            "https://example.com Ask Russia's embassy",
            (0, "text"),
            "not in messages/allowed_domains",
        ),
        (
            "messages/replies/en.yaml",
            EN1,
            # Emoji weigh 2 on X, one grapheme on Bluesky: over X's limit only.
            "Thank you " + "✊" * 40 + " Ask Russia's embassy",
            (0, "text"),
            "over X's 280",
        ),
        (
            "messages/replies/en.yaml",
            "Thank you. Ask Russia's embassy to investigate the abuses in Chechnya: {embassy} "
            "Write to your representatives ({how}): {reps} Support the Russian LGBT Network: "
            "https://lgbtnet.org",
            # 2 each on X, but 28 bytes each on Bluesky: fits X, over Bluesky's bytes.
            "Ask the embassy: {embassy} " + "🏴󠁧󠁢󠁳󠁣󠁴󠁿" * 110,
            (0, "text"),
            "bytes of UTF-8, over Bluesky's 3000",
        ),
        (
            "messages/replies/en.yaml",
            "id: reply-en-3",
            "id: reply-en-1",
            (2, "id"),
            "duplicate id 'reply-en-1'",
        ),
        (
            "messages/replies/de.yaml",
            "id: reply-de-1",
            "id: Reply_DE",
            (0, "id"),
            "is not a valid id",
        ),
        (
            "messages/replies/protect.yaml",
            "For private",
            "{embassy} For private",
            (0, "text"),
            "may not use placeholders",
        ),
        (
            "messages/replies/protect.yaml",
            "https://www.accessnow.org/help/",
            "https://lgbtnet.org",
            (0, "text"),
            "may not say 'lgbt'",
        ),
        (
            "messages/replies/protect.yaml",
            "confidential help",
            "confidential help in Russia",
            (0, "text"),
            "may not say 'Russia'",
        ),
        (
            "messages/replies/protect.yaml",
            " https://www.accessnow.org/help/",
            "",
            (0, "text"),
            "exactly one link",
        ),
    ],
)
def test_bad_template_gives_one_problem_at_its_line(
    tmp_path: Path, rel: str, old: str, new: str, at: tuple[int, str], expect: str
) -> None:
    root = copy_messages(tmp_path)
    edit(root, rel, old, new)
    approve_all(root, only=rel)  # approval rewrites the file, so find the line afterwards
    line = line_of(root, rel, *at)
    problem = only_error(root)
    assert expect in problem.what and problem.path == rel and problem.line == line
    assert problem.fix


def test_template_file_must_be_named_after_a_language(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    shutil.copy(root / "messages/replies/de.yaml", root / "messages/replies/german.yaml")
    problem = only_error(root)
    assert problem.path == "messages/replies/german.yaml" and problem.line == 1


def test_english_templates_are_required(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    (root / "messages/replies/en.yaml").unlink()
    assert "no English reply templates" in only_error(root).what


def test_only_one_protect_message(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    path = root / "messages/replies/protect.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - id: protect-de\n    text: "
        '"Danke. Hilfe: https://www.accessnow.org/help/"\n',
        encoding="utf-8",
    )
    problem = only_error(root)
    assert "exactly one protect message" in problem.what


# --- countries without a Russian embassy ------------------------------------------------

UA_NONE = "      none: \"Russia's embassy in Kyiv"


def test_embassy_none_loads_as_no_embassy_link() -> None:
    library, problems = load_reply_library(REPO, TODAY)
    assert library is not None and not errors(problems)
    assert library.countries["UA"].embassy is None
    assert library.countries["GE"].embassy is None
    assert library.countries["DE"].embassy == "https://germany.mid.ru/"


@pytest.mark.parametrize(
    ("new", "expect"),
    [
        ("      url: https://ukraine.mid.ru/\n" + UA_NONE, "unknown key 'url'"),
        ("      address: Kyiv\n" + UA_NONE, "unknown key 'address'"),
    ],
)
def test_a_bad_embassy_none_gives_one_problem_at_its_line(
    tmp_path: Path, new: str, expect: str
) -> None:
    root = copy_messages(tmp_path)
    start = edit(root, COUNTRIES, UA_NONE, new)
    problem = only_error(root)
    assert expect in problem.what and problem.path == COUNTRIES
    assert start <= problem.line <= start + new.count("\n")


def test_an_empty_reason_for_no_embassy_is_refused(tmp_path: Path) -> None:
    root = copy_messages(tmp_path)
    text = (root / COUNTRIES).read_text(encoding="utf-8")
    start = text.index(UA_NONE)
    end = text.index("\n", start)
    (root / COUNTRIES).write_text(text[:start] + '      none: ""' + text[end:], encoding="utf-8")
    problem = only_error(root)
    assert "must be text" in problem.what and problem.line == text[:start].count("\n") + 1


def drop_template(root: Path, lang: str, tid: str) -> None:
    path = root / f"messages/replies/{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["replies"] = [t for t in data["replies"] if t["id"] != tid]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_language_with_no_template_for_ukraine_is_named_in_a_warning(tmp_path: Path) -> None:
    root = approved_copy(tmp_path)
    drop_template(root, "de", "reply-de-2")  # the German one without {embassy}
    library, problems = load_reply_library(root, TODAY)
    assert library is not None and not errors(problems)
    [warning] = [p for p in problems if "fits" in p.what]
    assert warning.path == "messages/replies/de.yaml" and warning.line == 1 and warning.warning
    assert "'de'" in warning.what and "GE, UA" in warning.what and "English" in warning.what


def test_english_with_no_template_for_ukraine_is_an_error(tmp_path: Path) -> None:
    root = approved_copy(tmp_path)
    drop_template(root, "en", "reply-en-2")
    problem = only_error(root)
    assert problem.path == "messages/replies/en.yaml" and problem.line == 1
    assert "'en'" in problem.what and "GE, UA" in problem.what and "not reply" in problem.what
