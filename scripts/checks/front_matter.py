"""Front matter of a page: required keys, dates, sources, the translation record."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from ..core.config import Project
from ..core.pages import SourcePage
from ..core.problems import Problem

KNOWN_KEYS = {"title", "description", "last_reviewed", "status_as_of", "review_by", "sources", "type", "translation", "hide", "version"}
PAGE_TYPES = {"briefing"}
SOURCE_KEYS = {"title", "publisher", "url", "date"}


def check_front_matter(page: SourcePage, where: str, project: Project, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []

    def report(line, message):
        problems.append(Problem(where, line, message))

    meta, lines = page.meta, page.meta_lines
    required = required_keys(page, project)
    if not meta:
        report(1, f"no front matter; start the file with a '---' block that sets {', '.join(required)}")
        return problems
    for key in meta:
        if key not in KNOWN_KEYS:
            report(lines.get(key), f'unknown front-matter key "{key}"; known keys are {", ".join(sorted(KNOWN_KEYS))}')
    for key in required:
        if key not in meta or meta[key] in (None, ""):
            report(1, f'front matter lacks "{key}"; add "{key}: ..." between the --- lines')
    for key in ("title", "description"):
        if key in meta and meta[key] not in (None, "") and not isinstance(meta[key], str):
            report(lines.get(key), f'"{key}" must be text; put it in quotes')
    for key in ("last_reviewed", "status_as_of"):
        if key in meta and meta[key] not in (None, ""):
            _date(key, meta[key], lines.get(key), today, report)
    if meta.get("review_by") not in (None, "") and (not isinstance(meta["review_by"], dt.date) or isinstance(meta["review_by"], dt.datetime)):
        report(lines.get("review_by"), f'"review_by" must be a date written YYYY-MM-DD (got {meta["review_by"]!r})')
    if "type" in meta and meta["type"] not in PAGE_TYPES:
        report(lines.get("type"), f'type "{meta["type"]}" is not known; use one of {", ".join(sorted(PAGE_TYPES))} or remove it')
    if "sources" in meta:
        _sources(page, meta["sources"], lines.get("sources"), report)
    if "translation" in meta:
        _translation_record(page, project, meta["translation"], lines.get("translation"), today, report)
    return problems


def required_keys(page: SourcePage, project: Project) -> list[str]:
    policy = project.policy
    required = list(policy.required_front_matter)
    if page.lang != project.default:
        # A translation inherits review date, sources and type from its English source.
        return [key for key in required if key in ("title", "description")]
    for folder, keys in policy.required_front_matter_by_folder.items():
        if page.rel.startswith(folder):
            required += [key for key in keys if key not in required]
    page_type = page.meta.get("type") if page.meta else None
    for key in policy.required_front_matter_by_type.get(page_type, []):
        if key not in required:
            required.append(key)
    return required


def _date(key, value, line, today, report) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        report(line, f'"{key}" must be a date written YYYY-MM-DD (got {value!r})')
    elif value > today:
        report(line, f'"{key}" is {value.isoformat()}, a date in the future; use the day the facts were actually checked')


def _sources(page: SourcePage, sources, line, report) -> None:
    if not isinstance(sources, list) or not sources:
        report(line, '"sources" must be a list of entries, each with "title" and "url"')
        return
    for index, entry in enumerate(sources):
        at = page.source_lines[index] if index < len(page.source_lines) else line
        if not isinstance(entry, dict):
            report(at, f"source {index + 1} must have 'title:' and 'url:' lines")
            continue
        for key in ("title", "url"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                report(at, f'source {index + 1} lacks "{key}"')
        url = entry.get("url")
        if isinstance(url, str) and urlsplit(url).scheme not in ("http", "https"):
            report(at, f'source {index + 1} url "{url}" must start with https:// (or http://)')
        if "date" in entry and not isinstance(entry["date"], dt.date):
            report(at, f'source {index + 1} "date" must be written YYYY-MM-DD')
        unknown = set(entry) - SOURCE_KEYS
        if unknown:
            report(at, f'source {index + 1} has unknown keys {", ".join(sorted(unknown))}; use title, publisher, url, date')


def _translation_record(page: SourcePage, project: Project, record, line, today, report) -> None:
    if page.lang == project.default:
        report(line, '"translation" belongs in translations only; remove it from the English page')
        return
    how = "run: python -m scripts mark-current PAGE --lang LANG to write it"
    if not isinstance(record, dict):
        report(line, f'"translation" must hold source_hash and translated; {how}')
        return
    if not re.fullmatch(r"[0-9a-f]{12}", str(record.get("source_hash") or "")):
        report(line, f'"translation.source_hash" must be the 12-character hash of the English page; {how}')
    translated = record.get("translated")
    if translated is not None and (not isinstance(translated, dt.date) or translated > today):
        report(line, f'"translation.translated" must be a past date written YYYY-MM-DD (got {translated!r})')
