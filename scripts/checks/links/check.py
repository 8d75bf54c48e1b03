"""The whole-site link check: every page of every language, problems named by their Markdown source.

Pages, anchors, images, stylesheets, scripts and downloads are looked up in
the built files the way a static web server would serve them, so what passes
here works when published. Problems name the Markdown file the page was built
from (the English one, for a fallback page), so authors know what to fix.
External links are listed but fetched only on request (``external=True``).
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...core.config import Project
from ...core.problems import Problem, errors
from .external import check_external
from .extract import Link, PageData, read_pages
from .resolve import Verdict, classify
from .site import Site


@dataclass
class LinkReport:
    problems: list[Problem]
    pages: int
    links: int
    checked: list[tuple[str, str, list[tuple[Link, Verdict]]]] = field(default_factory=list)  # (page, source, results)
    external: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def page_records(self) -> list[dict]:
        # Built on demand: a 6,000-page site has ~700,000 links and most callers only need the problems.
        return [
            {"page": page, "source": source, "links": [_link_record(link, verdict) for link, verdict in results]}
            for page, source, results in self.checked
        ]

    @property
    def summary(self) -> str:
        return f"{self.pages} pages, {self.links} links, {len(self.external)} external URLs, {len(errors(self.problems))} error(s)"

    def as_json(self) -> dict:
        statuses = defaultdict(int)
        for _, _, results in self.checked:
            for _, verdict in results:
                statuses[verdict.status] += 1
        return {
            "summary": {
                "pages": self.pages,
                "links": self.links,
                "ok": statuses["ok"],
                "broken": statuses["broken"],
                "skipped": statuses["skipped"],
                "external": statuses["external"],
                "distinct_external_urls": len(self.external),
                "errors": len(errors(self.problems)),
                "warnings": len(self.problems) - len(errors(self.problems)),
            },
            "problems": [problem.as_dict() for problem in sorted(self.problems, key=Problem.sort_key)],
            "external": self.external,
            "pages": self.page_records,
        }


def check_links(project: Project, site_dir: Path, external: bool = False, cache_file: Path | None = None) -> LinkReport:
    # Millions of small, acyclic objects (one per link): the cycle collector
    # would rescan them again and again for nothing; measured, it doubled the
    # time of this stage.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_links(project, site_dir, external, cache_file)
    finally:
        if collecting:
            gc.enable()


def _check_links(project: Project, site_dir: Path, external: bool = False, cache_file: Path | None = None) -> LinkReport:
    began = time.monotonic()
    site = Site(project, Path(site_dir))
    pages = read_pages(site.dir, site.html)
    ids_by_page = {page.rel: page.ids for page in pages}

    problems: set[Problem] = set()
    checked = []
    external_pages: dict[str, set[str]] = defaultdict(set)
    found_in: dict[str, list[tuple[PageData, Link]]] = defaultdict(list)
    total = 0
    for page in pages:
        source_path, source_file, note = site.describe_source(page.rel)
        results = []
        for link in page.links:
            verdict = classify(site, page, link, ids_by_page)
            total += 1
            results.append((link, verdict))
            if verdict.status == "broken":
                line = find_line(source_file, link.url) if link.in_content else None
                where = "" if link.in_content else "theme "
                problems.add(Problem(source_path, line, f"{note}{where}<{link.tag}> {link.url!r}: {verdict.reason}"))
            elif verdict.status == "external":
                external_pages[link.url].add(page.rel)
                found_in[link.url].append((page, link))
        checked.append((page.rel, source_path, results))

    external_results = {url: {"pages": len(rels)} for url, rels in sorted(external_pages.items())}
    if external:
        results = check_external(sorted(external_pages), cache_file or project.root / ".cache" / "links.json")
        for url, result in results.items():
            external_results[url].update(result.as_dict())
            if result.severity:
                for page, link in found_in[url]:
                    source_path, source_file, note = site.describe_source(page.rel)
                    line = find_line(source_file, link.url) if link.in_content else None
                    problems.add(Problem(source_path, line, f"{note}<{link.tag}> {link.url!r}: {result.message}", result.severity))
    return LinkReport(sorted(problems, key=Problem.sort_key), len(pages), total, checked, external_results, time.monotonic() - began)


def _link_record(link: Link, verdict: Verdict) -> dict:
    record = {"url": link.url, "tag": link.tag, "status": verdict.status}
    if verdict.target:
        record["target"] = verdict.target
    if verdict.reason:
        record["reason"] = verdict.reason
    return record


def find_line(markdown: Path | None, url: str) -> int | None:
    """Line of the Markdown link that produced ``url``: by the full URL, the #fragment, then the file name."""
    if markdown is None:
        return None
    try:
        lines = markdown.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    parts = urlsplit(url)
    needles = [url, unquote(url)]
    if parts.fragment:
        needles.append("#" + unquote(parts.fragment))
    last = unquote(parts.path).rstrip("/").rsplit("/", 1)[-1]
    if last and last not in (".", ".."):
        needles.append(last)
    for needle in needles:
        for number, text in enumerate(lines, 1):
            if needle in text and _is_link_line(text):
                return number
    return None


def _is_link_line(text: str) -> bool:
    return "](" in text or "]:" in text or "href=" in text or "src=" in text or "<http" in text
