"""The "Translation status" page: Markdown generated from the coverage data.

The page's prose is an ordinary Markdown file; markers in it are replaced with
a progress table per language and the page × language matrix.
"""

from __future__ import annotations

import re

from ..core.config import Project
from .coverage import Coverage

MARKER = re.compile(r"<!--\s*translation-status:\s*(progress|matrix)\s*-->")


def render_marker(markdown: str, data: Coverage, project: Project, reading: str) -> str:
    def replace(match):
        return progress(data, project, reading) if match.group(1) == "progress" else matrix(data, project, reading)

    return MARKER.sub(replace, markdown)


def _label(project: Project, status: str, reading: str) -> str:
    return project.notice(f"status_{status}", reading)


def progress(data: Coverage, project: Project, reading: str) -> str:
    statuses = ("current", "outdated", "missing", "untracked")
    header = "| | " + " | ".join(_label(project, s, reading) for s in statuses) + " | % |"
    rows = [header, "|---" * (len(statuses) + 2) + "|"]
    total = len(data.pages)
    for lang in data.languages:
        counts = data.counts(lang)
        share = round(100 * counts["current"] / total) if total else 100
        name = project.language(lang).name
        bar = f'<progress value="{counts["current"]}" max="{total}" aria-label="{name}: {share}%">{share}%</progress>'
        cells = " | ".join(str(counts[s]) for s in statuses)
        rows.append(f'| <span lang="{lang}">{name}</span> | {cells} | {bar} {share}% |')
    return "\n".join(rows)


def _title(data: Coverage, rel: str, reading: str) -> str:
    """The page's title as the reader will see it: translated if it is."""
    first = next((e for e in data.entries if e.page == rel), None)
    own = data.entry(rel, reading)
    title = own.title if own is not None and own.title else (first.english_title if first else rel)
    return title.replace("|", "\\|")


def matrix(data: Coverage, project: Project, reading: str) -> str:
    header = f"| {project.notice('page', reading)} | " + " | ".join(
        f'<span lang="{lang}">{project.language(lang).name}</span>' for lang in data.languages
    ) + " |"
    rows = [header, "|---" * (len(data.languages) + 1) + "|"]
    for rel in data.pages:
        # The status page sits at the language root, so the Markdown path is
        # the link; MkDocs resolves it to the reader's language or fallback.
        cells = []
        for lang in data.languages:
            entry = data.entry(rel, lang)
            cells.append(f'<span class="status status--{entry.status}">{_label(project, entry.status, reading)}</span>')
        rows.append(f"| [{_title(data, rel, reading)}]({rel}) | " + " | ".join(cells) + " |")
    return "\n".join(rows)
