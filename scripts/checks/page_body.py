"""The body of a page, line by line: heading ids, images, links, raw HTML.

These checks run on the Markdown text (with code blanked out) because their
findings need a line number a writer can go to; what the page renders to is
compared after the build (``i18n.structure``).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.config import Project
from ..core.pages import SourcePage, blank_code
from ..core.problems import Problem
from .markdown_html import scan_html

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
HEADING_ID = re.compile(r"\{\s*:?\s*#([^\s}]+)[^}]*\}\s*$")
ANY_ID = re.compile(r"\{\s*:?[^}]*?#([^\s}]+)[^}]*\}")
GOOD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
LINK_TARGET = re.compile(r"\]\(\s*<?\s*(?P<url>[^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(?P<ref>\S+?)>?(?:\s|$)")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# A web address written out in running text, after link targets are removed.
BARE_URL = re.compile(r"<?\bhttps?://[^\s)>\]]+")
LINK_DESTINATION = re.compile(r"\]\(\s*<?[^)\s>]*>?(?:\s+[\"'][^)]*[\"'])?\s*\)|^\s{0,3}\[[^\]]+\]:\s*\S+")


class BodyChecker:
    def __init__(self, page: SourcePage, where: str, project: Project, glossary_ids: set[str]):
        self.page, self.where, self.project = page, where, project
        self.glossary_ids = glossary_ids
        self.glossary_file = (project.docs_dir / page.lang / project.policy.glossary.page).resolve()
        self.problems: list[Problem] = []

    def report(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.where, line, message))

    def run(self) -> list[Problem]:
        numbered = list(self.page.body_lines())
        visible = blank_code([text for _, text in numbered])
        seen_ids: dict[str, int] = {}
        previous = ""
        for (number, _), text in zip(numbered, visible, strict=True):
            self._heading(number, text, previous, seen_ids)
            for match in IMAGE.finditer(text):
                self.image(number, match.group("src"), match.group("alt"))
            self._links(number, text)
            self._bare_urls(number, text)
            previous = text
        first = numbered[0][0] if numbered else self.page.body_line
        found = scan_html("\n".join(visible), self.project.policy.forbidden_html_tags)
        for offset, message in found.findings:
            self.report(first + offset - 1, message)
        for offset, src, alt in found.images:
            self.image(first + offset - 1, src, alt)
        return self.problems

    def _heading(self, number, text, previous, seen_ids) -> None:
        match = ATX_HEADING.match(text)
        if match and len(match.group(1)) in (2, 3):
            content = match.group(2) or ""
            id_match = HEADING_ID.search(content)
            if not id_match:
                self.report(number, f"heading has no explicit id; end it with {{ #{suggest_id(content)} }} (the English page's id, in a translation)")
            elif not GOOD_ID.match(id_match.group(1)):
                self.report(number, f'heading id "{id_match.group(1)}" must be lowercase ASCII words joined by hyphens, e.g. {{ #{suggest_id(id_match.group(1))} }}')
        elif SETEXT_UNDERLINE.match(text) and previous.strip() and not previous.lstrip().startswith(("-", "*", "|", ">")):
            self.report(number, "underlined (setext) heading; write it as '## Title { #id }' instead")
        for found in ANY_ID.finditer(text):
            anchor = found.group(1)
            if anchor in seen_ids:
                self.report(number, f'id "{anchor}" is used twice on this page (first on line {seen_ids[anchor]}); ids must be unique')
            else:
                seen_ids[anchor] = number

    def image(self, number, src, alt) -> None:
        if not (alt or "").strip():
            self.report(number, f'image "{src}" has no alt text; describe it inside the brackets: ![what it shows]({src})')
        parts = urlsplit(src)
        if parts.scheme or src.startswith("//"):
            self.report(number, f'image "{src}" is loaded from another host; store it in the repository (the site loads nothing from other hosts)')
            return
        if parts.path and not self._asset_exists(unquote(parts.path)):
            self.report(number, f'image "{src}" does not exist; check the file name and path (relative to this page)')

    def _asset_exists(self, target: str) -> bool:
        docs = self.project.docs_dir
        if target.startswith("/"):
            candidates = [docs / target.lstrip("/")]
        else:
            in_lang = (self.page.path.parent / target).resolve()
            candidates = [in_lang]
            try:
                inside = in_lang.relative_to((docs / self.page.lang).resolve())
                # Like static-i18n: fall back to the English copy, then to a shared asset.
                candidates += [docs / self.project.default / inside, docs / inside]
            except ValueError:
                pass
        return any(candidate.is_file() for candidate in candidates)

    def _links(self, number, text) -> None:
        for match in LINK_TARGET.finditer(text):
            url = (match.group("url") or match.group("ref") or "").strip()
            if url.lower().startswith(UNSAFE_SCHEMES):
                self.report(number, f'link to "{url.lower().split(":")[0]}:" URL is not allowed; link to a page or an https:// address')
                continue
            self._glossary_link(number, url)

    def _glossary_link(self, number, url: str) -> None:
        target = urlsplit(url)
        if target.scheme or not target.fragment or not target.path.endswith(".md"):
            return
        if (self.page.path.parent / unquote(target.path)).resolve() != self.glossary_file:
            return
        if self.glossary_ids and target.fragment not in self.glossary_ids:
            glossary_file = f"{self.project.relative(self.project.docs_dir)}/{self.project.default}/{self.project.policy.glossary.page}"
            self.report(number, f'"{target.fragment}" is not a term in the glossary; link to a defined term or add "## Term {{ #{target.fragment} }}" with a one-sentence definition to {glossary_file}')

    def _bare_urls(self, number, text) -> None:
        for match in BARE_URL.finditer(LINK_DESTINATION.sub("", text)):
            url = match.group(0).lstrip("<")
            self.report(number, f"web address written out in the text ({url}); make it a link with words a reader understands: [name of the document]({url})")


def suggest_id(text: str) -> str:
    text = HEADING_ID.sub("", text)
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "section-id"


def glossary_path(project: Project, lang: str) -> Path:
    return project.docs_dir / lang / project.policy.glossary.page
