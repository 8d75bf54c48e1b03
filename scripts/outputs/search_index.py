"""One search index per language, instead of static-i18n's merged one.

static-i18n merges every language's entries into ``search/search_index.json``,
so an Arabic reader's query ran over English pages too, and every first page
view downloaded all six languages. After the build this splits the merged
index by language: ``<lang>/search/search_index.json`` with entry locations
relative to the language's root (the hook points Material's ``base`` there)
and the language's own search settings from ``extra.project.search``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..core.config import Project

DEFAULT_SETTINGS = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}


def split_by_language(index: dict, project: Project) -> dict[str, dict]:
    """The merged index as one index per language (languages without entries too)."""
    default = project.default
    settings = project.policy.search
    fields = (index.get("config") or {}).get("fields") or {}
    result = {}
    for code in project.codes:
        language_settings = {**DEFAULT_SETTINGS, **(settings.get(code) or {})}
        result[code] = {"config": {**language_settings, "fields": fields}, "docs": []}
        if "options" in index:
            result[code]["options"] = index["options"]
    for doc in index.get("docs") or []:
        code = project.paths.language_of(doc["location"])
        entry = dict(doc)
        if code != default:
            entry["location"] = doc["location"][len(code) + 1 :]
        result[code]["docs"].append(entry)
    return result


def write_language_indexes(site_dir: Path, project: Project) -> dict[str, int]:
    """Split ``search/search_index.json`` in place; returns entries per language."""
    merged = site_dir / "search" / "search_index.json"
    if not merged.is_file():
        return {}
    indexes = split_by_language(json.loads(merged.read_text(encoding="utf-8")), project)
    default = project.default
    for code, index in indexes.items():
        if code != default and not (site_dir / code).is_dir():
            continue  # not built (a one-language build for editing)
        target = merged if code == default else site_dir / code / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {code: len(index["docs"]) for code, index in indexes.items() if code == default or (site_dir / code).is_dir()}
