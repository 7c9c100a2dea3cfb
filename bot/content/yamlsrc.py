"""YAML with line numbers, so every complaint can point at `file:line`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.content.files import read_content
from bot.content.problems import Problem

try:  # libyaml is several times faster; fall back to pure Python where it is absent
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


class _Loader(_Base):
    """Safe loading, with an impossible date (2026-02-30) a YAML error at its line."""


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as e:
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a real date ({e})", node.start_mark
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _number(kind: str) -> Any:
    base = getattr(yaml.constructor.SafeConstructor, f"construct_yaml_{kind}")

    def construct(loader: Any, node: yaml.ScalarNode) -> Any:
        # YAML 1.1's base-60 numbers ("1:30:00") are read by multiplying ever larger
        # numbers: a megabyte of "1:0:0:..." took minutes. No field needs a long one.
        if ":" in node.value and len(node.value) > 40:
            raise yaml.constructor.ConstructorError(
                None, None, "a base-60 number (1:2:3...) this long is no value", node.start_mark
            )
        return base(loader, node)

    return construct


_Loader.add_constructor("tag:yaml.org,2002:int", _number("int"))
_Loader.add_constructor("tag:yaml.org,2002:float", _number("float"))

Key = tuple[str | int, ...]


@dataclass
class Doc:
    """Parsed YAML plus the line (1-based) of every node, keyed by its path."""

    path: Path
    shown: str
    data: Any
    lines: dict[Key, int] = field(default_factory=dict)

    def line(self, *key: str | int) -> int:
        # Fall back to the nearest ancestor that has a line: a missing key is
        # reported where its parent mapping starts.
        k: Key = tuple(key)
        while k and k not in self.lines:
            k = k[:-1]
        return self.lines.get(k, 1)

    def problem(self, key: Key, what: str, fix: str, warning: bool = False) -> Problem:
        return Problem(self.shown, self.line(*key), what, fix, warning)


def _walk(
    node: yaml.Node, data: Any, key: Key, lines: dict[Key, int], dups: list[tuple[Key, int]]
) -> None:
    lines[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        seen: set[Any] = set()
        for knode, vnode in node.value:
            k = knode.value if isinstance(knode, yaml.ScalarNode) else str(knode.value)
            if k in seen:
                dups.append(((*key, k), knode.start_mark.line + 1))
            seen.add(k)
            if k in data:
                _walk(vnode, data[k], (*key, k), lines, dups)
                # A problem with a key points at the key, not at its value's first line.
                lines[(*key, k)] = knode.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        for i, (vnode, item) in enumerate(zip(node.value, data, strict=False)):
            _walk(vnode, item, (*key, i), lines, dups)


# A post sits 4 levels deep (top, posts, the post, its approval); no file needs 32. The
# bound keeps the C parser's recursive composer (a segfault at 30,000 levels where
# libyaml has no limit of its own) and every recursive walk here (RecursionError near
# 1,000) far from their limits.
MAX_DEPTH = 32
# The shipped library's biggest file holds about 600 values; 5,000 posts of 8 fields in
# one file would be 40,000. Beyond this many, parsing a file under the size cap still costs
# seconds and hundreds of MB (499,000 one-character items: 26 s, 331 MB), so it is refused
# first. Counted from the text: every value needs a separator (a comma, a newline or
# "- ") before it, so separators bound the values.
MAX_VALUES = 50_000
_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
# Python refuses to convert a number of over 4,300 digits (ValueError, not a YAML error).
_LONG_NUMBER = re.compile(r"\d{4300,}")
# Where an anchor (&a), alias (*a) or tag (!!seq, which can hide a collection from the
# bound below) could start a node: after a space, a flow indicator or at the start. Only
# such files get the exact check. (A character class first lets re skip ahead fast.)
_PROPERTY_LIKE = re.compile(r"[&*!](?<![^\s\[{,:?-][&*!])[^\s,\[\]{}]")


def _maybe_deep(text: str) -> bool:
    """False when the nesting surely stays within MAX_DEPTH, found without parsing.

    Each flow collection needs a bracket of its own. A block collection starts after
    its line's indentation and compact indicators ("- - x", "? k"), and at most two
    start in one column (a mapping, and a list as its value); so the depth is at most
    brackets + 2 * (1 + the longest such line start).
    """
    brackets = text.count("[") + text.count("{")
    lead = (MAX_DEPTH - brackets) // 2  # a line starting with this many is too many
    return lead <= 0 or re.search(rf"\n[ \t?:-]{{{lead}}}", "\n" + text) is not None


def shape_problem(text: str, shown: str) -> Problem | None:
    """Refuse, before building anything, what would make loading explode.

    Too deep a nesting crashes or exhausts the parsers; an anchor with aliases to it
    ("billion laughs") makes 449 bytes expand into gigabytes. A campaign's files need
    neither, so the first one found is the problem. Events come from the C parser,
    which keeps its own stack and builds nothing, and stop at the first finding.
    """
    separators = text.count(",") + text.count("\n")
    if separators > MAX_VALUES:
        return Problem(
            shown,
            1,
            f"holds up to {separators:,} values, over the limit of {MAX_VALUES:,}",
            "split it into several smaller files",
        )
    if not _maybe_deep(text) and not _PROPERTY_LIKE.search(text):
        return None
    loader = _Loader(text)
    depth = 0
    try:
        while (ev := loader.get_event()) is not None:
            line = ev.start_mark.line + 1 if ev.start_mark else 1
            if isinstance(ev, yaml.AliasEvent):
                return _anchor(shown, line, f"alias '*{ev.anchor}'")
            if isinstance(ev, yaml.NodeEvent) and ev.anchor is not None:
                return _anchor(shown, line, f"anchor '&{ev.anchor}'")
            if isinstance(ev, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep(shown, line)
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as e:
        # libyaml 0.2.5 and later stop at 1,000 levels while scanning ahead, before the
        # events reach ours; any other error is reported by the parse that follows.
        if "nesting depth" in str(e.problem) and e.problem_mark is not None:
            return _too_deep(shown, e.problem_mark.line + 1)
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return None


def _too_deep(shown: str, line: int) -> Problem:
    return Problem(
        shown,
        line,
        f"nested deeper than {MAX_DEPTH} levels",
        "no file here needs more than 4: remove the extra brackets or indentation",
    )


def _anchor(shown: str, line: int, what: str) -> Problem:
    return Problem(
        shown,
        line,
        f"YAML {what}: anchors and aliases are not allowed",
        "write the value out in full where it is used",
    )


def load(path: Path, shown: str, root: Path) -> tuple[Doc | None, list[Problem]]:
    """Read and parse one YAML file; on failure return the problems instead."""
    raw, refused = read_content(path, root, shown)
    if raw is None:
        return None, [refused] if refused else []
    return parse(raw, path, shown)


def parse(raw: bytes, path: Path, shown: str) -> tuple[Doc | None, list[Problem]]:
    """Parse the bytes of one YAML file already read (files.read_content)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, [
            Problem(
                shown,
                line,
                f"not valid UTF-8 (byte 0x{raw[e.start]:02x})",
                "save the file as UTF-8",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    # YAML also breaks lines at CR, NEL and the Unicode separators; as "\n" they are
    # the same document and the same line numbers, and the checks below see every line.
    text = _BREAKS.sub("\n", text)
    shape = shape_problem(text, shown)
    if shape is not None:
        return None, [shape]
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        problem = (e.problem or "").strip()
        if "could not determine a constructor" not in problem:
            # An impossible date, a list as a key, a huge base-60 number: its own words.
            return None, [Problem(shown, line, problem or "not a value", "write a plain value")]
        # A tag asking for a Python object (!!python/object/apply) or an unknown one: the
        # safe loader refuses it, and it is no syntax slip.
        found = re.search(r"'([^']+)'", problem)
        tag = found.group(1) if found else "?"
        shown_tag = "!!" + tag.removeprefix("tag:yaml.org,2002:") if "yaml.org" in tag else tag
        return None, [
            Problem(
                shown,
                line,
                f"the YAML tag {shown_tag} is not allowed",
                "remove the tag: write the value plainly",
            )
        ]
    except yaml.reader.ReaderError as e:
        # A control character (a NUL, say): YAML allows none; its message spans lines.
        line = text.count("\n", 0, e.position) + 1
        return None, [
            Problem(
                shown,
                line,
                f"a control character (code {e.character}) that YAML does not allow",
                "delete it: save the file as plain UTF-8 text",
            )
        ]
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        # An unclosed quote or bracket is found only at the end of the file: point at
        # where it was opened instead.
        if e.context_mark and "end of stream" in (e.problem or ""):
            mark = e.context_mark
        line = mark.line + 1 if mark else 1
        what = (e.problem or e.context or "invalid YAML").strip()
        return None, [
            Problem(
                shown,
                line,
                f"YAML syntax error: {what}",
                "fix the indentation, quoting or punctuation on that line",
            )
        ]
    except yaml.YAMLError as e:
        return None, [Problem(shown, 1, f"YAML error: {e}", "fix the YAML syntax")]
    except RecursionError:
        # The depth check above bounds every way of nesting it knows; should one slip
        # past, it is still this one line.
        return None, [_too_deep(shown, 1)]
    except (ValueError, OverflowError):
        found = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        return None, [
            Problem(
                shown,
                line,
                "a number too long to read (thousands of digits)",
                "write a number of a few digits, or quote it if it is text",
            )
        ]
    doc = Doc(path, shown, data)
    dups: list[tuple[Key, int]] = []
    if node is not None:
        try:
            _walk(node, data, (), doc.lines, dups)
        except RecursionError:  # as above: a nesting the depth check did not foresee
            return None, [_too_deep(shown, 1)]
    problems = [
        Problem(shown, line, f"duplicate key '{k[-1]}'", "keep only one of them")
        for k, line in dups
    ]
    return doc, problems


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)
