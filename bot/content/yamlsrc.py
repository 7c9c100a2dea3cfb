"""YAML with line numbers, so every complaint can point at `file:line`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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


def load(path: Path, shown: str) -> tuple[Doc | None, list[Problem]]:
    """Read and parse one YAML file; on failure return the problems instead."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        return None, [
            Problem(shown, 1, f"cannot read file: {e.strerror}", "check the path and permissions")
        ]
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
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
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
    doc = Doc(path, shown, data)
    dups: list[tuple[Key, int]] = []
    if node is not None:
        _walk(node, data, (), doc.lines, dups)
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
