"""Translator commands: diff, mark-current, acknowledge-minor, new.

They edit only the ``translation:`` block of a file's front matter, line by
line, so the rest of the translator's file stays exactly as written.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import subprocess
from pathlib import Path

from ..core.config import Project
from ..core.pages import SourcePage, decode, page_from_text, read_page, split_front_matter
from .coverage import recorded_hash, source_hash


class ToolError(Exception):
    """A translator command cannot do what was asked; the message says why."""


def english_page(project: Project, rel: str) -> SourcePage:
    path = project.docs_dir / project.default / rel
    if not path.is_file():
        raise ToolError(f"no English page docs/{project.default}/{rel}; give the path inside the language folder, e.g. about.md")
    return read_page(path, project.docs_dir)


def translation_path(project: Project, rel: str, lang: str) -> Path:
    if lang not in project.codes or lang == project.default:
        others = ", ".join(code for code in project.codes if code != project.default)
        raise ToolError(f"--lang {lang}: choose a translated language ({others})")
    return project.docs_dir / lang / rel


# -- mark-current / acknowledge-minor -----------------------------------------

def set_source_hash(path: Path, new_hash: str, translated: dt.date | None) -> None:
    """Write translation.source_hash (and translated, if given) into the file."""
    text = decode(path.read_bytes())
    front, body, _ = split_front_matter(text)
    if front is None:
        raise ToolError(f"{path}: has no front matter; add title and description first")
    lines = front.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^translation:\s*$", line)), None)
    block = [f"  source_hash: {new_hash}"] + ([f"  translated: {translated.isoformat()}"] if translated else [])
    if start is None:
        lines += ["translation:"] + block
    else:
        end = start + 1
        while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
            end += 1
        kept = [line for line in lines[start + 1 : end] if line.strip() and not re.match(r"^\s+source_hash:", line) and not (translated and re.match(r"^\s+translated:", line))]
        lines[start:end] = ["translation:"] + block + kept
    path.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def mark_current(project: Project, rel: str, lang: str, today: dt.date | None = None) -> str:
    english = english_page(project, rel)
    path = translation_path(project, rel, lang)
    if not path.is_file():
        raise ToolError(f"docs/{lang}/{rel} does not exist; start it with: python -m scripts new {rel} --lang {lang}")
    new_hash = source_hash(english)
    set_source_hash(path, new_hash, today or dt.date.today())
    return new_hash


def acknowledge_minor(project: Project, rel: str) -> tuple[list[str], list[str]]:
    """After an English edit that changes no meaning, refresh the translations
    that were current before it. Returns (refreshed, left outdated)."""
    english = english_page(project, rel)
    new_hash = source_hash(english)
    before = _hash_before_edit(project, rel, new_hash)
    refreshed, left = [], []
    for lang in project.codes:
        path = project.docs_dir / lang / rel
        if lang == project.default or not path.is_file():
            continue
        recorded = recorded_hash(read_page(path, project.docs_dir))
        if recorded == before:
            set_source_hash(path, new_hash, None)
            refreshed.append(lang)
        elif recorded != new_hash:
            left.append(lang)
    return refreshed, left


def _hash_before_edit(project: Project, rel: str, new_hash: str) -> str:
    """The English hash before the typo fix: HEAD's version, or, if the fix is
    already committed, the version before the last commit that changed it."""
    source = f"{project.docs_dir.relative_to(project.root).as_posix()}/{project.default}/{rel}"
    for _commit, text in _history(project.root, source):
        old = _page_from_text(text, project, rel)
        old_hash = source_hash(old)
        if old_hash != new_hash:
            return old_hash
    raise ToolError(f"{source}: no earlier version with different text in git history; nothing to acknowledge")


def _git(root: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        raise ToolError("git is not installed; this command needs the repository's history") from None
    except subprocess.CalledProcessError as exc:
        raise ToolError(f"git {' '.join(args)} failed: {exc.stderr.strip() or exc}; this command needs the repository's history") from None


def _history(root: Path, source: str):
    """Texts of the file in each commit that touched it, newest first."""
    commits = _git(root, "log", "--format=%H", "--", source).split()
    if not commits:
        raise ToolError(f"{source} has no git history (is it committed?)")
    for commit in commits:
        yield commit, _git(root, "show", f"{commit}:{source}")


def _page_from_text(text: str, project: Project, rel: str) -> SourcePage:
    default = project.default
    return page_from_text(text, project.docs_dir / default / rel, default, rel)


# -- diff -----------------------------------------------------------------------

def english_diff(project: Project, rel: str, lang: str) -> str:
    """The English changes since the version the translation was made from."""
    english = english_page(project, rel)
    path = translation_path(project, rel, lang)
    if not path.is_file():
        raise ToolError(f"docs/{lang}/{rel} does not exist yet; there is nothing to compare")
    recorded = recorded_hash(read_page(path, project.docs_dir))
    if recorded is None:
        raise ToolError(f"docs/{lang}/{rel} records no translation.source_hash, so the English version it follows is unknown; compare it with the English page by hand, then run: python -m scripts mark-current {rel} --lang {lang}")
    if recorded == source_hash(english):
        return ""
    source = f"{project.docs_dir.relative_to(project.root).as_posix()}/{project.default}/{rel}"
    for commit, text in _history(project.root, source):
        if source_hash(_page_from_text(text, project, rel)) == recorded:
            current = decode(english.path.read_bytes())
            return "".join(difflib.unified_diff(
                text.splitlines(keepends=True), current.splitlines(keepends=True),
                fromfile=f"{source} (translated version, commit {commit[:10]})", tofile=f"{source} (now)",
            ))
    raise ToolError(f"no version of {source} in git history has hash {recorded}; the translation may predate the history (shallow clone?) — compare by hand")


# -- new ------------------------------------------------------------------------

def new_translation(project: Project, rel: str, lang: str) -> Path:
    """A translation file with front matter and the English heading ids in place.

    The English text of each section sits in an HTML comment under its heading,
    so the translator works in one file and nothing English is published as if
    it were the translation.
    """
    english = english_page(project, rel)
    path = translation_path(project, rel, lang)
    if path.exists():
        raise ToolError(f"docs/{lang}/{rel} already exists; edit it, then run: python -m scripts mark-current {rel} --lang {lang}")
    out = [
        "---",
        f"title: {_yaml_text(english.meta.get('title', ''))}  # translate",
        f"description: {_yaml_text(english.meta.get('description', ''))}  # translate",
        "---",
        "",
    ]
    paragraph: list[str] = []

    def flush():
        if paragraph:
            text = "\n".join(paragraph).strip().replace("--", "- -")
            if text:
                out.extend(["<!-- English:", text, "-->", ""])
            paragraph.clear()

    for line in english.body.split("\n"):
        if re.match(r"^#{1,6}\s", line):
            flush()
            out.extend([line, ""])
        else:
            paragraph.append(line)
    flush()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    return path


def _yaml_text(value) -> str:
    text = str(value).replace('"', '\\"')
    return f'"{text}"'
