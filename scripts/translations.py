"""Translation status and freshness, per (page, language).

A translation records the hash of the English text it translates
(``translation.source_hash``). The hash covers the English title, description
and body with whitespace normalised, so re-wrapping lines changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import markdown
from selectolax.lexbor import LexborHTMLParser

from .config import ProjectConfig
from .pages import SourcePage, page_from_text, read_pages
from .problems import Problem, relative

STATUSES = ("current", "outdated", "missing", "untracked", "orphan")
# Extensions that change what a page contains (links, tables, code blocks);
# enough to compare structure, not a copy of the site's full configuration.
PARITY_EXTENSIONS = ["attr_list", "tables", "footnotes", "md_in_html", "admonition", "pymdownx.superfences", "pymdownx.details"]
WORD = re.compile(r"\w+", re.UNICODE)


def recorded_hash(page: SourcePage) -> str | None:
    """The English hash a translation says it follows, if it records one."""
    record = page.meta.get("translation")
    if isinstance(record, dict) and record.get("source_hash"):
        return str(record["source_hash"])
    return None


def source_hash(page: SourcePage) -> str:
    text = "\n".join(str(page.meta.get(key) or "") for key in ("title", "description")) + "\n" + page.body
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Structure:
    heading_ids: list[str]
    links: int
    images: int
    tables: int
    code_blocks: int
    words: int


def structure(page: SourcePage) -> Structure:
    return _structure_of(page.body)


# Structures by hash of the page body, kept in .cache/structure.json between
# runs: rendering every page with Python-Markdown was most of the hook's cost
# in every `mkdocs build` and every preview rebuild.
_on_disk: dict[str, list] = {}
_disk_state = {"path": None, "changed": False}


def _load_structures(root: Path) -> None:
    path = root / ".cache" / "structure.json"
    if _disk_state["path"] == path:
        return
    _disk_state.update(path=path, changed=False)
    _on_disk.clear()
    try:
        _on_disk.update(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass  # no cache yet, or a damaged one: start again


def _save_structures() -> None:
    path = _disk_state["path"]
    if path is None or not _disk_state["changed"]:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(_on_disk, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
        _disk_state["changed"] = False
    except OSError:
        pass  # a cache that cannot be written only costs time


@lru_cache(maxsize=8192)
def _structure_of(body: str) -> Structure:
    # Also cached by text in memory: `mkdocs serve` and the preview recompute
    # the status after every save, and then only the changed page is parsed.
    key = hashlib.sha256(("\0".join(PARITY_EXTENSIONS) + "\0" + body).encode("utf-8")).hexdigest()[:20]
    if key in _on_disk:
        return Structure(*_on_disk[key])
    found = _render_structure(body)
    _on_disk[key] = [found.heading_ids, found.links, found.images, found.tables, found.code_blocks, found.words]
    _disk_state["changed"] = True
    return found


def _render_structure(body: str) -> Structure:
    html = markdown.markdown(body, extensions=PARITY_EXTENSIONS)
    tree = LexborHTMLParser(html or "<p></p>")
    return Structure(
        heading_ids=[node.attributes.get("id") or "" for node in tree.css("h2, h3")],
        links=len(tree.css("a[href]")),
        images=len(tree.css("img")),
        tables=len(tree.css("table")),
        code_blocks=len(tree.css("pre")),
        words=len(WORD.findall(tree.text() or "")),
    )


@dataclass
class Entry:
    page: str  # path inside the language folder, e.g. "about.md"
    lang: str
    status: str
    source_path: str  # docs/en/...
    path: str  # docs/<lang>/...
    english_hash: str | None = None
    recorded_hash: str | None = None
    translated: str | None = None
    english_title: str = ""
    title: str = ""  # the translation's own title, when it exists
    english_words: int = 0
    words: int = 0
    parity: list[str] = field(default_factory=list)  # what differs from the English structure

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Coverage:
    languages: list[str]  # translated languages (not the default)
    pages: list[str]  # English pages
    entries: list[Entry]
    problems: list[Problem]  # orphans (errors), parity (warnings), threshold breaches (coverage)
    below_threshold: list[Problem] = field(default_factory=list)

    def entry(self, page: str, lang: str) -> Entry | None:
        # Looked up for every page × language × reading language on the
        # status page: an index, not a scan.
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.entries):
            index = self.__dict__["_index"] = {(e.page, e.lang): e for e in self.entries}
        return index.get((page, lang))

    def counts(self, lang: str) -> dict[str, int]:
        counts = {status: 0 for status in STATUSES}
        for entry in self.entries:
            if entry.lang == lang:
                counts[entry.status] += 1
        return counts

    def share_current(self, lang: str) -> float:
        return self.counts(lang)["current"] / len(self.pages) if self.pages else 1.0

    def as_json(self) -> dict:
        return {
            "languages": {
                lang: {**self.counts(lang), "pages": len(self.pages), "share_current": round(self.share_current(lang), 4)}
                for lang in self.languages
            },
            "entries": [entry.as_dict() for entry in self.entries],
            "problems": [problem.as_dict() for problem in self.problems + self.below_threshold],
        }


def coverage(config: ProjectConfig, only_lang: str | None = None) -> Coverage:
    _load_structures(config.root)
    try:
        return _coverage(config, only_lang)
    finally:
        _save_structures()


def _coverage(config: ProjectConfig, only_lang: str | None = None) -> Coverage:
    default = config.default_language.code
    languages = [code for code in config.codes if code != default and (not only_lang or code == only_lang)]
    excluded = set((config.policy.get("translations") or {}).get("exclude") or [])
    english = {rel: page for rel, page in read_pages(config.docs_dir, default).items() if rel not in excluded}
    entries, problems = [], []
    for lang in languages:
        translations = read_pages(config.docs_dir, lang)
        for rel, source in english.items():
            entry = _entry(config, rel, lang, source, translations.get(rel))
            entries.append(entry)
            for difference in entry.parity:
                problems.append(Problem(entry.path, None, f"differs from {entry.source_path}: {difference}", "warning"))
        for rel, translation in translations.items():
            if rel not in english and rel not in excluded:
                path = relative(translation.path, config.root)
                entries.append(Entry(rel, lang, "orphan", f"docs/{default}/{rel}", path))
                problems.append(Problem(path, None, f"orphan translation: there is no English page docs/{default}/{rel}; delete it or move it to match the English path"))
    result = Coverage(languages, sorted(english), entries, problems)
    result.below_threshold = _policy_breaches(config, result, english)
    return result


def _entry(config: ProjectConfig, rel: str, lang: str, source: SourcePage, translation: SourcePage | None) -> Entry:
    english_hash = source_hash(source)
    english_structure = structure(source)
    entry = Entry(
        page=rel, lang=lang, status="missing",
        source_path=relative(source.path, config.root), path=f"{relative(config.docs_dir, config.root)}/{lang}/{rel}",
        english_hash=english_hash, english_words=english_structure.words,
        english_title=str(source.meta.get("title") or rel),
    )
    if translation is None:
        return entry
    entry.title = str(translation.meta.get("title") or "")
    record = translation.meta.get("translation") or {}
    entry.recorded_hash = recorded_hash(translation)
    translated = record.get("translated") if isinstance(record, dict) else None
    entry.translated = translated.isoformat() if isinstance(translated, dt.date) else (str(translated) if translated else None)
    if entry.recorded_hash is None:
        entry.status = "untracked"
    elif entry.recorded_hash == english_hash:
        entry.status = "current"
    else:
        entry.status = "outdated"
    translated_structure = structure(translation)
    entry.words = translated_structure.words
    entry.parity = parity(english_structure, translated_structure)
    return entry


def parity(english: Structure, translation: Structure) -> list[str]:
    differences = []
    missing = [anchor for anchor in english.heading_ids if anchor not in translation.heading_ids]
    extra = [anchor for anchor in translation.heading_ids if anchor not in english.heading_ids]
    if missing:
        differences.append("missing section(s) " + ", ".join(f"#{anchor}" for anchor in missing))
    if extra:
        differences.append("section(s) not in English " + ", ".join(f"#{anchor}" for anchor in extra))
    for name in ("links", "images", "tables", "code_blocks"):
        ours, theirs = getattr(english, name), getattr(translation, name)
        if ours != theirs:
            differences.append(f"{theirs} {name.replace('_', ' ')} instead of {ours}")
    return differences


def _policy_breaches(config: ProjectConfig, result: Coverage, english: dict[str, SourcePage]) -> list[Problem]:
    policy = config.policy.get("translations") or {}
    minimum = policy.get("min_current") or {}
    required_types = policy.get("required_types") or []
    required = set(policy.get("required_pages") or [])
    required |= {rel for rel, source in english.items() if source.meta.get("type") in required_types}
    breaches = []
    for lang in result.languages:
        for rel in sorted(required):
            entry = result.entry(rel, lang)
            if entry and entry.status == "missing":
                breaches.append(Problem(entry.path, None, f"required in every language but missing; start it with: python -m scripts new {rel} --lang {lang}", "coverage"))
        floor = minimum.get(lang, minimum.get("*", 0))
        share = result.share_current(lang)
        if share + 1e-9 < float(floor):
            work = [e for e in result.entries if e.lang == lang and e.status in ("missing", "outdated", "untracked")]
            todo = "; ".join(f"{e.path} ({e.status})" for e in work)
            breaches.append(Problem(f"docs/{lang}/", None, f"{share:.0%} of pages are current, below the {float(floor):.0%} required; translate or update: {todo}", "coverage"))
    return breaches


def needs_work(result: Coverage, lang: str | None = None) -> list[Entry]:
    order = {"orphan": 0, "outdated": 1, "untracked": 2, "missing": 3}
    work = [e for e in result.entries if e.status != "current" and (lang is None or e.lang == lang)]
    return sorted(work, key=lambda e: (e.lang, order[e.status], e.page))


def outdated_by_change(config: ProjectConfig, data: Coverage, base: str) -> list[Entry]:
    """Translations that were current at ``base`` and are outdated now: what this change did."""
    made = []
    for entry in data.entries:
        if entry.status != "outdated":
            continue
        try:
            old = subprocess.run(["git", "show", f"{base}:{entry.source_path}"], cwd=config.root, capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue  # the page is new since base, or there is no history
        before = page_from_text(old, config.root / entry.source_path, config.default_language.code, entry.page)
        if source_hash(before) == entry.recorded_hash:
            made.append(entry)
    return made
