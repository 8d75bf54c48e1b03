"""Translation status and freshness, per (page, language).

A translation records the hash of the English text it translates
(``translation.source_hash``). The hash covers the English title, description
and body with whitespace normalised, so re-wrapping lines changes nothing.
Structural parity with the English page is compared after the build, on
what MkDocs rendered (``i18n.structure``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from dataclasses import asdict, dataclass, field

from ..checks.language import prose
from ..core.config import Project
from ..core.pages import SourcePage, page_from_text
from ..core.problems import Problem
from ..core.sources import SourceTree

STATUSES = ("current", "outdated", "missing", "untracked", "orphan")
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


def word_count(page: SourcePage) -> int:
    return len(WORD.findall(prose(page.body)))


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
    parity: list[str] = field(default_factory=list)  # what differs from the English structure (after the build)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Coverage:
    languages: list[str]  # translated languages (not the default)
    pages: list[str]  # English pages
    entries: list[Entry]
    problems: list[Problem]  # orphans (errors); parity (added after the build)
    below_threshold: list[Problem] = field(default_factory=list)

    def __post_init__(self):
        self._index = {(e.page, e.lang): e for e in self.entries}

    def entry(self, page: str, lang: str) -> Entry | None:
        return self._index.get((page, lang))

    def counts(self, lang: str) -> dict[str, int]:
        counts = {status: 0 for status in STATUSES}
        for entry in self.entries:
            if entry.lang == lang:
                counts[entry.status] += 1
        return counts

    def share_current(self, lang: str) -> float:
        return self.counts(lang)["current"] / len(self.pages) if self.pages else 1.0

    def summary(self) -> str:
        shares = ", ".join(f"{lang} {self.share_current(lang):.0%}" for lang in self.languages)
        below = f"; {len(self.below_threshold)} below threshold" if self.below_threshold else ""
        return f"current: {shares}{below}"

    def as_json(self) -> dict:
        return {
            "languages": {
                lang: {**self.counts(lang), "pages": len(self.pages), "share_current": round(self.share_current(lang), 4)}
                for lang in self.languages
            },
            "entries": [entry.as_dict() for entry in self.entries],
            "problems": [problem.as_dict() for problem in self.problems + self.below_threshold],
        }

    @classmethod
    def from_json(cls, data: dict) -> Coverage:
        """The status a build recorded in coverage.json (for the pull-request summary)."""
        return cls(list(data.get("languages", {})), [], [Entry(**entry) for entry in data.get("entries", [])], [])


def coverage(project: Project, sources: SourceTree, only_lang: str | None = None) -> Coverage:
    default = project.default
    languages = [code for code in project.translated_codes if code in sources.languages and (not only_lang or code == only_lang)]
    excluded = set(project.policy.translations.exclude)
    english = {rel: page for rel, page in sources.of(default).items() if rel not in excluded}
    docs = project.relative(project.docs_dir)
    english_words = {rel: word_count(page) for rel, page in english.items()}
    entries, problems = [], []
    for lang in languages:
        translations = sources.of(lang)
        for rel, source in english.items():
            entries.append(_entry(project, rel, lang, source, translations.get(rel), english_words[rel]))
        for rel, translation in translations.items():
            if rel not in english and rel not in excluded:
                path = project.relative(translation.path)
                entries.append(Entry(rel, lang, "orphan", f"{docs}/{default}/{rel}", path))
                problems.append(Problem(path, None, f"orphan translation: there is no English page {docs}/{default}/{rel}; delete it or move it to match the English path"))
    result = Coverage(languages, sorted(english), entries, problems)
    result.below_threshold = _policy_breaches(project, result, english)
    return result


def _entry(project: Project, rel: str, lang: str, source: SourcePage, translation: SourcePage | None, english_words: int) -> Entry:
    entry = Entry(
        page=rel, lang=lang, status="missing",
        source_path=project.relative(source.path), path=f"{project.relative(project.docs_dir)}/{lang}/{rel}",
        english_hash=source_hash(source), english_words=english_words,
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
    elif entry.recorded_hash == entry.english_hash:
        entry.status = "current"
    else:
        entry.status = "outdated"
    entry.words = word_count(translation)
    return entry


def _policy_breaches(project: Project, result: Coverage, english: dict[str, SourcePage]) -> list[Problem]:
    policy = project.policy.translations
    required = set(policy.required_pages)
    required |= {rel for rel, source in english.items() if source.meta.get("type") in policy.required_types}
    breaches = []
    for lang in result.languages:
        for rel in sorted(required):
            entry = result.entry(rel, lang)
            if entry and entry.status == "missing":
                breaches.append(Problem(entry.path, None, f"required in every language but missing; start it with: python -m scripts new {rel} --lang {lang}", "coverage"))
        floor = policy.floor(lang)
        share = result.share_current(lang)
        if share + 1e-9 < floor:
            work = [e for e in result.entries if e.lang == lang and e.status in ("missing", "outdated", "untracked")]
            todo = "; ".join(f"{e.path} ({e.status})" for e in work)
            breaches.append(Problem(f"{project.relative(project.docs_dir)}/{lang}/", None, f"{share:.0%} of pages are current, below the {floor:.0%} required; translate or update: {todo}", "coverage"))
    return breaches


def needs_work(result: Coverage, lang: str | None = None) -> list[Entry]:
    order = {"orphan": 0, "outdated": 1, "untracked": 2, "missing": 3}
    work = [e for e in result.entries if e.status != "current" and (lang is None or e.lang == lang)]
    return sorted(work, key=lambda e: (e.lang, order[e.status], e.page))


def outdated_by_change(project: Project, data: Coverage, base: str) -> list[Entry]:
    """Translations that were current at ``base`` and are outdated now: what this change did."""
    made = []
    for entry in data.entries:
        if entry.status != "outdated":
            continue
        try:
            old = subprocess.run(["git", "show", f"{base}:{entry.source_path}"], cwd=project.root, capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue  # the page is new since base, or there is no history
        before = page_from_text(old, project.root / entry.source_path, project.default, entry.page)
        if source_hash(before) == entry.recorded_hash:
            made.append(entry)
    return made
