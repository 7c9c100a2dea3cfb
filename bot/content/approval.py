"""Approval bound to the exact text: reading an approval record and writing one.

`closethecamps approve ID --by NAME` edits the YAML file as text, so comments and
layout a maintainer wrote survive and the diff in review is just the approval lines.
An edited text is a draft until re-approved (the hash is bound to it: model.text_hash).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.content.files import read_content
from bot.content.model import Approval, text_hash
from bot.content.problems import Problem, display_path
from bot.content.yamlsrc import shape_problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

APPROVABLE_DIRS = ("messages/posts", "messages/replies")


def parse_approval(value: Any) -> Approval | str | None:
    """The approval record, None when absent, or a message saying what is malformed."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return "approval must be a mapping with 'by' and 'sha256'"
    unknown = set(value) - {"by", "sha256"}
    if unknown:
        return f"unknown key '{sorted(unknown)[0]}' in approval"
    by, digest = value.get("by"), value.get("sha256")
    if not isinstance(by, str) or not by.strip():
        return "approval.by must name who approved it"
    if not isinstance(digest, str) or len(digest) != 64:
        return "approval.sha256 must be a 64-character hex digest"
    return Approval(by.strip(), digest.lower())


@dataclass(frozen=True)
class Approved:
    id: str
    file: str
    sha256: str
    changed: bool


def _files(root: Path) -> list[Path]:
    out: list[Path] = []
    for d in APPROVABLE_DIRS:
        if (root / d).is_dir():
            out += sorted([*(root / d).glob("*.yaml"), *(root / d).glob("*.yml")])
    return out


def _safe_source(root: Path, path: Path) -> str | None:
    """The text of one file, or None when validate would refuse it before parsing (a FIFO,
    a link out of root, a huge, deep or aliased file, not UTF-8): such a file can be
    neither listed nor approved into, and validate says why."""
    raw, _ = read_content(path, root, display_path(path, root))
    try:
        source = raw.decode("utf-8") if raw is not None else None
    except UnicodeDecodeError:
        return None
    return source if source is not None and shape_problem(source, "") is None else None


def _name_problem(by: str) -> str | None:
    """Why `by` cannot stand in a file as the approver's name, if it cannot."""
    if not by:
        return "the approver's name is empty"
    if len(by) > 100:
        return "the approver's name is over 100 characters"
    try:
        by.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8 on the command line
        return "the approver's name is not valid text (check the terminal's encoding)"
    if not by.isprintable():
        return "the approver's name holds a line break or another control character"
    return None


def _items(node: yaml.Node) -> Iterator[tuple[str, yaml.MappingNode, yaml.Node]]:
    """(id, mapping, text node) of every list item with an 'id' and a 'text', in order."""
    if isinstance(node, yaml.MappingNode):
        keys = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        idv = keys.get("id")
        if isinstance(idv, yaml.ScalarNode) and "text" in keys:
            yield idv.value, node, keys["text"]
        for _, v in node.value:
            yield from _items(v)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            yield from _items(v)


def _find_item(node: yaml.Node, item_id: str) -> yaml.MappingNode | None:
    return next((m for i, m, _ in _items(node) if i == item_id), None)


def _end_line(node: yaml.Node) -> int:
    """0-based index of the first line after `node`'s own text.

    A block collection's end mark points at the next token (possibly the next
    list item), so look at its last leaf instead.
    """
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    mark = node.end_mark
    return mark.line if mark.column == 0 else mark.line + 1


def _trim_blank(lines: list[str], at: int) -> int:
    """Step back over blank lines: they separate posts and stay after the approval."""
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    return at


def approve(root: Path, item_id: str, by: str) -> Approved:
    """Write the approval for `item_id`; raise ApproveError with one clear problem."""
    by = by.strip()
    bad_name = _name_problem(by)
    if bad_name:
        raise ApproveError(Problem("closethecamps approve", 0, bad_name, "pass --by YOUR-NAME"))
    for path in _files(root):
        source = _safe_source(root, path)
        if source is None or item_id not in source:
            continue
        try:
            top = yaml.compose(source, Loader=_Loader)
        except yaml.YAMLError:
            continue  # validate reports syntax errors; an unreadable file cannot hold the id
        item = _find_item(top, item_id) if top is not None else None
        if item is None:
            continue
        return _write(root, path, source, item, item_id, by)
    raise ApproveError(
        Problem(
            "closethecamps approve",
            0,
            f"no post or template with id '{item_id}'",
            "list every id with: closethecamps approve --list",
        )
    )


def _write(
    root: Path, path: Path, source: str, item: yaml.MappingNode, item_id: str, by: str
) -> Approved:
    shown = display_path(path, root)
    pairs = {k.value: (k, v) for k, v in item.value}
    text_node = pairs["text"][1]
    text = yaml.load(yaml.serialize(text_node), Loader=_Loader)
    if not isinstance(text, str) or not text.strip():
        raise ApproveError(
            Problem(
                shown,
                text_node.start_mark.line + 1,
                f"'{item_id}' has no text to approve",
                "write its text first",
            )
        )
    digest = text_hash(text)
    lines = source.splitlines(keepends=True)
    nl = "\r\n" if "\r\n" in source else "\n"
    indent = " " * item.value[0][0].start_mark.column
    block = [
        f"{indent}approval:{nl}",
        f"{indent}  by: {json.dumps(by, ensure_ascii=False)}{nl}",
        f"{indent}  sha256: {digest}{nl}",
    ]
    if "approval" in pairs:
        knode, vnode = pairs["approval"]
        start, end = knode.start_mark.line, _trim_blank(lines, _end_line(vnode))
        if "".join(block) == "".join(lines[start:end]):
            return Approved(item_id, shown, digest, changed=False)
        lines[start:end] = block
    else:
        at = _trim_blank(lines, _end_line(item))
        if at > 0 and not lines[at - 1].endswith("\n"):
            lines[at - 1] += nl
        lines[at:at] = block
    new_source = "".join(lines)
    if _ids(new_source) != _ids(source):  # a safety net: never damage a maintainer's file
        raise ApproveError(
            Problem(
                shown,
                item.start_mark.line + 1,
                f"could not place the approval of '{item_id}' safely",
                "write the item as a plain '- id: ...' block with its text, then run approve again",
            )
        )
    # Written beside the file, then moved over it: an interrupted write never leaves half
    # a file. The real path, so a link inside root keeps pointing at the edited file.
    real = Path(os.path.realpath(path))
    tmp = real.with_name(f".{real.name}.approve.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(new_source)
        os.replace(tmp, real)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ApproveError(
            Problem(shown, 1, f"cannot write the approval: {e.strerror}", "check permissions")
        ) from None
    return Approved(item_id, shown, digest, changed=True)


def _ids(source: str) -> list[tuple[str, str | None]] | None:
    """(id, text) of every item, to prove an edit changed nothing but the approval."""
    try:
        top = yaml.compose(source, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if top is None:
        return []
    return [(i, t.value if isinstance(t, yaml.ScalarNode) else None) for i, _, t in _items(top)]


class ApproveError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render())
        self.problem = problem


@dataclass(frozen=True)
class Listed:
    id: str
    file: str
    line: int
    state: str  # "approved", "draft" or "edited since approval"


def list_ids(root: Path) -> list[Listed]:
    """Every post and reply template id with where it is and whether it is approved."""
    out: list[Listed] = []
    for path in _files(root):
        source = _safe_source(root, path)
        try:
            top = yaml.compose(source, Loader=_Loader) if source is not None else None
        except yaml.YAMLError:
            continue  # validate reports unreadable files
        if top is None:
            continue
        for item_id, item, text_node in _items(top):
            pairs = {k.value: v for k, v in item.value}
            text = yaml.load(yaml.serialize(text_node), Loader=_Loader)
            approval = parse_approval(
                yaml.load(yaml.serialize(pairs["approval"]), Loader=_Loader)
                if "approval" in pairs
                else None
            )
            state = (
                "draft"
                if not isinstance(approval, Approval)
                else "approved"
                if isinstance(text, str) and approval.sha256 == text_hash(text)
                else "edited since approval"
            )
            out.append(Listed(item_id, display_path(path, root), item.start_mark.line + 1, state))
    return out
