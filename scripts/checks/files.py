"""Every file a pull request can add to the published trees, checked before anything is built.

A file is allowed when its tree allows its type (``extra.project.files`` in
mkdocs.yml) and its content is that type (read from the bytes, not trusted
from the name), and it stays under the size limit. Symbolic links are
refused wherever they point: a link is a one-line diff that could publish any
file of the build machine. SVG files are parsed by a real XML parser that
refuses entity tricks, and may not carry anything active or external.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from ..core.config import Project
from ..core.problems import Problem
from .svg import external_css, svg_problems

MAGIC = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "pdf": (b"%PDF-",),
}
TEXT_KINDS = {"markdown", "yaml", "css", "html", "javascript", "svg"}
KIND_BY_SUFFIX = {
    ".md": "markdown", ".yml": "yaml", ".yaml": "yaml", ".css": "css", ".html": "html", ".js": "javascript",
    ".svg": "svg", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".pdf": "pdf",
}


def check_files(project: Project) -> tuple[list[Problem], int]:
    """Problems of every file in the policy's trees, and how many files were looked at."""
    settings = project.policy.files
    problems: list[Problem] = []
    count = 0
    for tree, kinds in settings.trees.items():
        root = project.root / tree
        if not root.exists() and not root.is_symlink():
            continue
        for path in _walk(root):
            count += 1
            problems += check_file(project, path, kinds, tree)
    return problems, count


def check_file(project: Project, path: Path, kinds: list[str], tree: str) -> list[Problem]:
    where = project.relative(path)
    if path.is_symlink():
        target = os.readlink(path)
        return [Problem(where, None, f"is a symbolic link (to {target}); the build never follows links in {tree}/: put the file itself here, or remove the link")]
    if path.is_dir():
        return []
    kind = KIND_BY_SUFFIX.get(path.suffix.lower())
    if kind is None or kind not in kinds:
        allowed = ", ".join(sorted(suffix for suffix, name in KIND_BY_SUFFIX.items() if name in kinds))
        return [Problem(where, None, f"this type of file is not allowed in {tree}/ (allowed: {allowed}); remove it, or ask a maintainer to allow the type in extra.project.files")]
    size = path.stat().st_size
    limit = project.policy.files.max_bytes
    if size > limit:
        return [Problem(where, None, f"is {size / 1_000_000:.1f} MB, over the limit of {limit / 1_000_000:.1f} MB per file; make it smaller (compress or resize the image, split the text): the site must stay fast on a slow phone")]
    data = path.read_bytes()
    if kind in TEXT_KINDS:
        return _text_problems(where, data, kind)
    if not _has_magic(data, kind):
        return [Problem(where, None, f"does not contain a {kind.upper()} file, whatever its name says (it starts with {data[:8]!r}); save it in the format its name gives")]
    return []


def _walk(root: Path):
    """Every file and link under root, without following links."""
    if root.is_symlink():
        yield root
        return
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                yield here / name  # os.walk lists a linked folder but never enters it
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
        for name in sorted(names):
            yield here / name


def _has_magic(data: bytes, kind: str) -> bool:
    if kind == "webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return data.startswith(MAGIC[kind])


def _text_problems(where: str, data: bytes, kind: str) -> list[Problem]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [Problem(where, line, f"is not valid UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]
    if "\x00" in text:
        return [Problem(where, text[: text.index("\x00")].count("\n") + 1, "contains a NUL byte, so it is not a text file; save it as plain UTF-8 text")]
    if kind == "yaml":
        try:
            yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            return [Problem(where, mark.line + 1 if mark else None, f"is not valid YAML: {getattr(exc, 'problem', exc)}")]
    if kind == "svg":
        return [Problem(where, line, message) for line, message in svg_problems(data)]
    if kind == "css":
        return [Problem(where, line, message) for line, message in external_css(text, 1)]
    return []
