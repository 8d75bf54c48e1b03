"""Briefing PDFs: one per briefing per language it is written in.

Each PDF is rendered by WeasyPrint from the briefing's built page: the
article is lifted out of Material's layout into a small print document with
a title block, and styled by the site's print stylesheet (the same rules a
browser uses when a reader prints any page). Renders run in parallel and are
cached by a hash of everything that goes into them, so an unchanged briefing
is copied, not rendered again.

After rendering, the stage packs one ZIP of all briefings per language and
writes each file's size into the "Download PDF" buttons the templates left
empty (a size is only known once the file exists).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from .config import ProjectConfig
from .pages import SourcePage, read_page, read_pages
from .problems import Problem

# Parts of Material's article that have no place on paper.
DROP_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file", ".pdf-download", ".page-notice a[hreflang]")
SIZE_SLOT = re.compile(r'<span class="pdf-size" data-pdf-size="([^"]+)"></span>')
CACHE_FORMAT = "1"  # bump to invalidate every cached PDF after a change to this module


@dataclass(frozen=True)
class PdfSettings:
    stylesheet: str  # path inside docs/, shared by browser print and PDFs
    page_limit: int
    page_target: int
    file_prefix: str
    index_page: str
    briefing_type: str = "briefing"

    @classmethod
    def from_config(cls, config: ProjectConfig) -> PdfSettings:
        pdf = config.policy.get("pdf") or {}
        return cls(
            stylesheet=pdf.get("stylesheet", "assets/stylesheets/print.css"),
            page_limit=int(pdf.get("page_limit", 4)),
            page_target=int(pdf.get("page_target", 2)),
            file_prefix=pdf.get("file_prefix", "briefing"),
            index_page=pdf.get("index_page", "briefings/index.md"),
        )


@dataclass(frozen=True)
class Briefing:
    rel: str  # path inside each language folder, e.g. "briefings/ai-literacy.md"
    languages: tuple[str, ...]  # languages it is written in (English first)


@dataclass
class PdfResult:
    page: str  # docs/<lang>/<rel>
    lang: str
    file: str  # inside the site, e.g. "ar/briefings/ai-literacy/briefing-ai-literacy-ar.pdf"
    pages: int
    bytes: int
    seconds: float  # render time; 0 when copied from the cache
    cached: bool


@dataclass
class PdfRun:
    results: list[PdfResult] = field(default_factory=list)
    zips: dict[str, str] = field(default_factory=dict)  # lang -> file inside the site
    problems: list[Problem] = field(default_factory=list)
    workers: int = 1
    seconds: float = 0.0

    def as_json(self) -> dict:
        return {
            "workers": self.workers,
            "seconds": round(self.seconds, 2),
            "pdfs": [asdict(result) | {"seconds": round(result.seconds, 2)} for result in self.results],
            "zips": self.zips,
            "problems": [problem.as_dict() for problem in self.problems],
        }


# -- where things live ---------------------------------------------------------

def find_briefings(config: ProjectConfig, settings: PdfSettings | None = None, english: dict[str, SourcePage] | None = None) -> list[Briefing]:
    """English pages with ``type: briefing``, and the languages they exist in.

    ``english``: the English pages if the caller has already read them.
    """
    settings = settings or PdfSettings.from_config(config)
    default = config.default_language.code
    found = []
    for page in (english if english is not None else read_pages(config.docs_dir, default)).values():
        if page.meta.get("type") != settings.briefing_type:
            continue
        langs = [default] + [code for code in config.codes if code != default and (config.docs_dir / code / page.rel).is_file()]
        found.append(Briefing(page.rel, tuple(langs)))
    return found


def page_dir(config: ProjectConfig, rel: str, lang: str) -> str:
    """Folder of a built page inside the site, with directory URLs: 'ar/briefings/x/'."""
    stem = rel[: -len(".md")]
    folder = "" if stem == "index" else (stem[: -len("/index")] + "/" if stem.endswith("/index") else stem + "/")
    prefix = "" if lang == config.default_language.code else f"{lang}/"
    return prefix + folder


def pdf_file(config: ProjectConfig, rel: str, lang: str, settings: PdfSettings | None = None) -> str:
    """Where a briefing's PDF lives inside the site, next to its page."""
    settings = settings or PdfSettings.from_config(config)
    slug = Path(rel).stem
    return f"{page_dir(config, rel, lang)}{settings.file_prefix}-{slug}-{lang}.pdf"


def zip_file(config: ProjectConfig, lang: str, settings: PdfSettings | None = None) -> str:
    settings = settings or PdfSettings.from_config(config)
    return f"{page_dir(config, settings.index_page, lang)}{settings.file_prefix}-all-briefings-{lang}.zip"


# -- the stage -------------------------------------------------------------------

def render_pdfs(config: ProjectConfig, site_dir: Path, only_lang: str | None = None, cache_dir: Path | None = None, workers: int | None = None) -> PdfRun:
    settings = PdfSettings.from_config(config)
    cache_dir = cache_dir or config.root / ".cache" / "pdfs"
    began = time.monotonic()
    run = PdfRun()
    stylesheet = site_dir / settings.stylesheet
    if not stylesheet.is_file():
        run.problems.append(Problem("mkdocs.yml", None, f"the print stylesheet docs/{settings.stylesheet} is missing; create it or fix extra.project.pdf.stylesheet"))
        return run
    css = stylesheet.read_text(encoding="utf-8")

    jobs = []
    briefings = find_briefings(config, settings)
    for briefing in briefings:
        for lang in briefing.languages:
            if only_lang and lang not in (only_lang, config.default_language.code):
                continue
            job = _prepare(config, settings, site_dir, briefing.rel, lang, css)
            if isinstance(job, Problem):
                run.problems.append(job)
            else:
                jobs.append(job)

    cache_dir.mkdir(parents=True, exist_ok=True)
    for job in jobs:
        job["out"] = str(cache_dir / f"{job['key']}.pdf")
    to_render = [job for job in jobs if not (cache_dir / f"{job['key']}.pdf").is_file()]
    run.workers = max(1, min(len(to_render), workers or os.cpu_count() or 1))
    if to_render:
        with ProcessPoolExecutor(max_workers=run.workers) as pool:
            outcomes = dict(zip((job["key"] for job in to_render), pool.map(_render, to_render)))
    else:
        outcomes = {}

    for job in jobs:
        cached_pdf, cached_info = cache_dir / f"{job['key']}.pdf", cache_dir / f"{job['key']}.json"
        outcome = outcomes.get(job["key"])
        if outcome is not None and outcome.get("error"):
            run.problems.append(Problem(job["page"], None, f"the PDF could not be rendered: {outcome['error']}"))
            continue
        if outcome is None:
            info, cached = json.loads(cached_info.read_text(encoding="utf-8")), True
        else:
            info, cached = outcome, False
            cached_info.write_text(json.dumps(info), encoding="utf-8")
        target = site_dir / job["file"]
        shutil.copyfile(cached_pdf, target)
        result = PdfResult(job["page"], job["lang"], job["file"], info["pages"], target.stat().st_size, 0.0 if cached else info["seconds"], cached)
        run.results.append(result)
        run.problems.extend(_length_problems(result, settings))

    run.zips = _zip_per_language(config, settings, site_dir, run.results, only_lang)
    pages_with_slots = [briefing.rel for briefing in briefings] + [settings.index_page]
    _fill_sizes(site_dir, pages_with_slots, {result.file for result in run.results} | set(run.zips.values()), config)
    run.seconds = time.monotonic() - began
    return run


def summary_line(run: PdfRun) -> str:
    if not run.results:
        return "no briefings"
    rendered = [r for r in run.results if not r.cached]
    text = f"{len(run.results)} PDFs ({len(rendered)} rendered, {len(run.results) - len(rendered)} from cache)"
    if rendered:
        text += f", {sum(r.seconds for r in rendered) / len(rendered):.2f} s per PDF on {run.workers} worker(s)"
    return text


def _length_problems(result: PdfResult, settings: PdfSettings) -> list[Problem]:
    if result.pages > settings.page_limit:
        return [Problem(result.page, None, f"the briefing prints on {result.pages} pages; the limit is {settings.page_limit} (target {settings.page_target}): shorten it, or move detail into an explainer page and link to it")]
    if result.pages > settings.page_target:
        return [Problem(result.page, None, f"the briefing prints on {result.pages} pages; the target is {settings.page_target}", "warning")]
    return []


# -- one document ------------------------------------------------------------------

def _prepare(config: ProjectConfig, settings: PdfSettings, site_dir: Path, rel: str, lang: str, css: str):
    """The print document and cache key for one briefing in one language."""
    where = f"docs/{lang}/{rel}"
    built = site_dir / page_dir(config, rel, lang) / "index.html"
    if not built.is_file():
        return Problem(where, None, f"the built page {built.relative_to(site_dir)} is missing, so no PDF can be made; is the page in nav?")
    english = read_page(config.docs_dir / config.default_language.code / rel, config.docs_dir)
    page = english if lang == config.default_language.code else read_page(config.docs_dir / lang / rel, config.docs_dir)
    url = urljoin(config.site_url or "/", page_dir(config, rel, lang))
    tree = LexborHTMLParser(built.read_text(encoding="utf-8"))
    article = tree.css_first("article.md-content__inner")
    if article is None:
        return Problem(where, None, "the built page has no <article>; the theme template changed")
    for selector in DROP_SELECTORS:
        for node in article.css(selector):
            node.decompose()
    for link in article.css("a[href]"):
        href = link.attributes.get("href") or ""
        if href and not href.startswith("#") and not urlsplit(href).scheme:
            link.attrs["href"] = urljoin(url, href)  # a PDF travels alone: links must be absolute
    document = _print_document(config, settings, page, english, lang, url, article.inner_html or "", css)
    images = b"".join(sorted(_local_image_bytes(article, built.parent)))
    key = hashlib.sha256("\0".join([CACHE_FORMAT, _weasyprint_version(), document]).encode() + images).hexdigest()[:32]
    return {
        "page": where,
        "lang": lang,
        "file": pdf_file(config, rel, lang, settings),
        "key": key,
        "html": document,
        "base_url": built.parent.as_uri() + "/",
    }


def _print_document(config, settings, page: SourcePage, english: SourcePage, lang: str, url: str, article: str, css: str) -> str:
    language = config.language(lang)
    reviewed = str(english.meta.get("last_reviewed") or "")
    version = str(english.meta.get("version") or "1.0")
    label = config.notice
    esc = html.escape
    head_meta = [
        f'<meta name="author" content="{esc(language.site_name)}">',
        f'<meta name="description" content="{esc(str(page.meta.get("description") or ""))}">',
        f'<meta name="generator" content="{esc(language.site_name)} build (WeasyPrint)">',
        f'<meta name="keywords" content="{esc(label("briefing", lang))}">',
    ]
    if reviewed:
        # The creation date is the review date, so a rebuild gives the same file.
        head_meta += [f'<meta name="dcterms.created" content="{reviewed}">', f'<meta name="dcterms.modified" content="{reviewed}">']
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}" dir="{"rtl" if language.rtl else "ltr"}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{esc(str(page.meta.get('title') or ''))}</title>",
            *head_meta,
            f"<style>{css}</style>",
            "</head>",
            '<body class="md-typeset">',
            '<header class="pdf-head">',
            f'<p class="pdf-head__site">{esc(language.site_name)} · {esc(label("briefing", lang))}</p>',
            f'<p class="pdf-head__meta">{esc(label("version", lang, version=version))} · {esc(label("last_reviewed", lang))}: <time datetime="{reviewed}">{reviewed}</time></p>',
            f'<p class="pdf-head__url" dir="ltr"><a href="{esc(url)}">{esc(url)}</a></p>',
            "</header>",
            f'<article class="md-content__inner">{article}</article>',
            "</body>",
            "</html>",
        ]
    )


def _local_image_bytes(article, folder: Path):
    for image in article.css("img[src]"):
        src = image.attributes.get("src") or ""
        if src and not urlsplit(src).scheme:
            path = (folder / src).resolve()
            if path.is_file():
                yield path.read_bytes()


def _weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def _render(job: dict) -> dict:
    """Runs in a worker process: HTML to PDF, returning pages and time."""
    began = time.monotonic()
    try:
        import weasyprint

        document = weasyprint.HTML(string=job["html"], base_url=job["base_url"]).render(pdf_tags=True)
        document.write_pdf(
            job["out"],
            pdf_identifier=job["key"].encode(),  # stable file identifier: reproducible bytes
            pdf_tags=True,  # tagged PDF, so screen readers get headings and reading order
        )
        return {"pages": len(document.pages), "seconds": time.monotonic() - began}
    except Exception as exc:  # a worker must report, not crash the pool
        return {"error": f"{type(exc).__name__}: {exc}"}


# -- downloads -----------------------------------------------------------------------

def _zip_per_language(config, settings, site_dir: Path, results: list[PdfResult], only_lang) -> dict[str, str]:
    """One ZIP per language: its own PDF of each briefing, else the English one."""
    by_page: dict[str, dict[str, PdfResult]] = {}
    for result in results:
        rel = result.page.split("/", 2)[2]
        by_page.setdefault(rel, {})[result.lang] = result
    default = config.default_language.code
    stamp = _zip_timestamp()
    zips = {}
    for lang in config.codes:
        if only_lang and lang not in (only_lang, default):
            continue
        chosen = [versions.get(lang) or versions.get(default) for _, versions in sorted(by_page.items())]
        chosen = [result for result in chosen if result]
        if not chosen:
            continue
        target = zip_file(config, lang, settings)
        (site_dir / target).parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(site_dir / target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for result in chosen:
                info = zipfile.ZipInfo(Path(result.file).name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, (site_dir / result.file).read_bytes())
        zips[lang] = target
    return zips


def _zip_timestamp() -> tuple:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH") or 315532800)  # 1980-01-01, the ZIP epoch
    return time.gmtime(max(seconds, 315532800))[:6]


def _fill_sizes(site_dir: Path, pages: list[str], files: set[str], config: ProjectConfig) -> None:
    """Write each download's size into the empty slots the templates left.

    Only briefing pages and the briefings index carry slots (the hook puts
    them there), in every language they were built in.
    """
    for lang in config.codes:
        for rel in pages:
            page = site_dir / page_dir(config, rel, lang) / "index.html"
            if page.is_file():
                _fill_page(page, lang, site_dir, files, config)


def _fill_page(page: Path, lang: str, site_dir: Path, files: set[str], config: ProjectConfig) -> None:
    text = page.read_text(encoding="utf-8")

    def size(match):
        target = html.unescape(match.group(1))
        path = site_dir / target
        if target not in files or not path.is_file():
            return match.group(0)  # the link check reports the missing file
        kilobytes = max(1, round(path.stat().st_size / 1024))
        return f'<span class="pdf-size">{html.escape(config.notice("file_size", lang, size=str(kilobytes)))}</span>'

    filled = SIZE_SLOT.sub(size, text)
    if filled != text:
        page.write_text(filled, encoding="utf-8")
