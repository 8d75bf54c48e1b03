"""One Markdown page: front matter (with line numbers) and body.

``sources.read_sources`` reads every page of the site through here once; the
translator commands read a page's older versions from git history with
``page_from_text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})")


class PageError(Exception):
    """The file cannot be read as a page; carries the line of the fault."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class SourcePage:
    path: Path  # absolute
    lang: str
    rel: str  # path inside the language folder, e.g. "about.md"
    meta: dict
    body: str
    body_line: int  # 1-based line number of the first body line in the file
    meta_lines: dict = field(default_factory=dict)  # front-matter key -> line
    source_lines: list = field(default_factory=list)  # line of each `sources` entry

    def body_lines(self):
        """(line number, text) for each body line."""
        for offset, text in enumerate(self.body.split("\n")):
            yield self.body_line + offset, text


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PageError(line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, 1-based line of the body)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise PageError(1, "front matter starts with '---' but never ends; close it with a line '---'")


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_front_matter(text: str) -> tuple[dict, dict, list]:
    """Parse YAML front matter; line numbers are relative to the file (offset 1)."""
    node = None
    try:
        # Compose once (libyaml when available: parsing every page is a
        # measurable share of the build), then build the data from the nodes.
        node = yaml.compose(text, Loader=LOADER)
        data = yaml.constructor.SafeConstructor().construct_document(node) if node is not None else None
    except ValueError:  # PyYAML raises it for a date such as 2026-02-30
        raise PageError(_bad_date_line(node), "a date is not a real calendar date; write it as YYYY-MM-DD") from None
    except yaml.YAMLError:
        if LOADER is not yaml.SafeLoader:
            # libyaml places some errors at the end of the block; the Python
            # parser names the line a writer has to fix.
            try:
                yaml.compose(text, Loader=yaml.SafeLoader)
            except yaml.YAMLError as precise:
                exc = precise
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise PageError(line, f"front matter is not valid YAML: {problem}; quote values that contain ':' or '#'") from None
    if data is None:
        return {}, {}, []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise PageError(2, "front matter must be a list of 'key: value' lines")
    key_lines, source_lines = {}, []
    for key_node, value_node in node.value:
        key_lines[key_node.value] = key_node.start_mark.line + 2
        if key_node.value == "sources" and isinstance(value_node, yaml.SequenceNode):
            source_lines = [item.start_mark.line + 2 for item in value_node.value]
    return data, key_lines, source_lines


def _bad_date_line(node) -> int:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            stack.extend(value for pair in current.value for value in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif current is not None and current.tag.endswith(":timestamp"):
            try:
                yaml.safe_load(current.value)
            except ValueError:
                return current.start_mark.line + 2
    return 2


def read_page(path: Path, docs_dir: Path) -> SourcePage:
    relative = path.relative_to(docs_dir)
    lang, rel = relative.parts[0], Path(*relative.parts[1:]).as_posix()
    return page_from_text(decode(path.read_bytes()), path, lang, rel)


def page_from_text(text: str, path: Path, lang: str, rel: str) -> SourcePage:
    """A page from its text, e.g. an older version out of git history."""
    front, body, body_line = split_front_matter(text)
    meta, key_lines, source_lines = parse_front_matter(front) if front is not None else ({}, {}, [])
    return SourcePage(path, lang, rel, meta, body, body_line, key_lines, source_lines)


def blank_code(lines: list[str]) -> list[str]:
    """The lines with fenced code blocks and inline code spans blanked out.

    Checks that look for headings, HTML or links must not see example code;
    blanking keeps every other line at its own line number.
    """
    out, fence = [], None
    for line in lines:
        match = FENCE.match(line)
        if fence:
            out.append("")
            if match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence) and not line.strip(fence[0] + " \t"):
                fence = None
            continue
        if match:
            fence = match.group("fence")
            out.append("")
            continue
        out.append(re.sub(r"(`+)(?:(?!\1).)+?\1", lambda m: " " * len(m.group(0)), line))
    return out
