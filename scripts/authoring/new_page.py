"""Start a new English page with valid front matter and the house structure."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from ..core.config import Project

PAGE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*\.md$")


class AuthoringError(Exception):
    """The request cannot be carried out; the message says what to do instead."""


def new_page(project: Project, rel: str, title: str, description: str, today: dt.date | None = None) -> Path:
    """Create docs/<default language>/<rel> with front matter and the house structure."""
    today = today or dt.date.today()
    default = project.default
    rel = rel.strip().replace("\\", "/")
    prefix = f"{project.relative(project.docs_dir)}/{default}/"
    if rel.startswith(prefix):
        rel = rel[len(prefix):]  # accept the path as written from the repository root
    if not PAGE_NAME.match(rel):
        raise AuthoringError(
            f'"{rel}" is not a page name we use; write a path inside {prefix} in lowercase words joined by hyphens, '
            "ending in .md, e.g. risks/deepfakes.md"
        )
    if not title.strip():
        raise AuthoringError('--title is empty; give the page a short title, e.g. --title "Deepfakes"')
    if not description.strip():
        raise AuthoringError('--description is empty; write one plain sentence for search results, e.g. --description "What deepfakes are and how to spot them."')
    target = project.docs_dir / default / rel
    if target.exists():
        raise AuthoringError(f"{project.relative(target)} already exists; edit that file, or choose another name")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_skeleton(title.strip(), description.strip(), today), encoding="utf-8")
    return target


def nav_hint(project: Project, rel: str) -> str:
    """Where to list the new page under nav: in mkdocs.yml (a page left out fails the build)."""
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    for item in project.nav:
        if isinstance(item, dict):
            for section, children in item.items():
                pages = [child for child in children or [] if isinstance(child, str)]
                if folder and any(page.startswith(folder + "/") for page in pages):
                    after = [page for page in pages if page.startswith(folder + "/")][-1]
                    return f'add it to nav: in mkdocs.yml, in the "{section}" section (after {after}), as the line:\n      - {rel}'
    return f"add it to nav: in mkdocs.yml, where it belongs, as the line:\n  - {rel}"


def _skeleton(title: str, description: str, today: dt.date) -> str:
    front = yaml.safe_dump({"title": title, "description": description}, allow_unicode=True, sort_keys=False, width=10_000)
    return f"""---
{front}last_reviewed: {today.isoformat()}
# Pages that state laws, dates or figures list their sources, primary first:
# sources:
#   - title: Regulation (EU) 2024/1689 (Artificial Intelligence Act)
#     publisher: Official Journal of the European Union
#     url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     date: 2024-07-12
---

# {title}

!!! abstract "Key points"

    <!-- Three to five short sentences a reader can take away without reading further. -->

<!-- One or two plain sentences: what this page explains and for whom. -->

## Why it matters {{ #why-it-matters }}

<!-- Rename this section (keep an explicit id: lowercase words joined by hyphens)
     and add more "## Heading {{ #heading-id }}" sections. Cite facts with footnotes:
     a sentence.[^source-id] and, at the end of the page,
     [^source-id]: [Title](https://...), Publisher, date. -->

## Learn more {{ #learn-more }}

<!-- Links to related pages by their Markdown file, e.g. [Glossary: model](../reference/glossary.md#model). -->
"""
