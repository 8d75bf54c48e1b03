"""Checks every link in the built site, in every language.

Pages, anchors, images, stylesheets, scripts and downloads are looked up in
the built files the way a static web server would serve them, so what passes
here works when published. Problems name the Markdown file the page was built
from (the English one, for a fallback page), so authors know what to fix.

External links are listed but fetched only on request (``external=True``),
with concurrency limits, timeouts and a cache; see ``check_external``.
"""

from __future__ import annotations

import email.utils
import gc
import json
import os
import posixpath
import re
import threading
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from . import report
from .config import ProjectConfig, load_config
from .problems import Problem, errors, relative

EXIT_OK, EXIT_LINKS, EXIT_USAGE = 0, 1, 2

# Every element attribute that makes a browser load or navigate to a URL.
LINK_SELECTOR = (
    "a[href], area[href], link[href], img, script[src], source, video, audio, "
    "iframe[src], track[src], embed[src], object[data]"
)
URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "data")
SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data", "about", "blob"}
# Material's article; links inside it come from the Markdown, the rest from the theme.
CONTENT_SELECTOR = "article"

# Parsing is ~0.3 ms a page; on 2 cores, sending ~120 links a page back from
# worker processes costs more than it saves (6,006 pages: 5.6 s serial, 8.4 s
# with a pool; benchmarks/README.md). The pool is kept for bigger machines.
PARALLEL_MIN_PAGES = 20_000


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


# --------------------------------------------------------------------------
# Reading pages (the part worth parallelising: each page parsed exactly once)


class Link(NamedTuple):
    tag: str
    attribute: str
    url: str
    in_content: bool
    hreflang: bool  # language-switcher markup: cross-language on purpose


@dataclass
class PageData:
    rel: str  # inside the site, forward slashes, e.g. "ar/about/index.html"
    ids: set[str]
    links: list[Link]
    lang: str = ""  # from <html lang>: the theme's 404 page sits at the root in whatever language was built last

    dir: str = field(init=False, compare=False)  # folder relative links start from

    def __post_init__(self):
        self.dir = posixpath.dirname(self.rel)


def read_page(site_dir: str, rel: str) -> PageData:
    with open(os.path.join(site_dir, rel), "rb") as handle:
        tree = LexborHTMLParser(handle.read())
    ids = {node.attributes.get("id") for node in tree.css("[id]")}
    ids |= {node.attributes.get("name") for node in tree.css("a[name]")}
    ids.discard(None)
    links: list[Link] = []
    content = tree.css_first(CONTENT_SELECTOR)
    if content is not None:
        links += _links_in(content, in_content=True)
        # Removed so the theme pass below does not count the article's links twice.
        content.decompose()
    links += _links_in(tree, in_content=content is None)
    root = tree.css_first("html")
    lang = (root.attributes.get("lang") or "") if root is not None else ""
    return PageData(rel, ids, links, lang)


def _read_page_args(args: tuple[str, str]) -> PageData:
    return read_page(*args)


def _links_in(node, in_content: bool) -> list[Link]:
    found = []
    for element in node.css(LINK_SELECTOR):
        attributes = element.attributes
        hreflang = "hreflang" in attributes
        for name in URL_ATTRIBUTES:
            value = attributes.get(name)
            if value is None or (name == "data" and element.tag != "object"):
                continue
            urls = _srcset_urls(value) if name == "srcset" else [value.strip()]
            found += [Link(element.tag, name, url, in_content, hreflang) for url in urls if url]
    return found


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def read_pages(site_dir: Path, rels: list[str], parallel: bool | None = None) -> list[PageData]:
    if parallel is None:
        parallel = len(rels) >= PARALLEL_MIN_PAGES and (os.cpu_count() or 1) > 1
    if not parallel:
        return [read_page(str(site_dir), rel) for rel in rels]
    jobs = [(str(site_dir), rel) for rel in rels]
    with ProcessPoolExecutor() as pool:
        return list(pool.map(_read_page_args, jobs, chunksize=max(16, len(jobs) // (8 * (os.cpu_count() or 1)))))


# --------------------------------------------------------------------------
# The site as a static server sees it


class Site:
    def __init__(self, config: ProjectConfig, site_dir: Path):
        self.config = config
        self.dir = site_dir
        self.files: set[str] = set()
        for folder, _, names in os.walk(site_dir):
            base = Path(folder).relative_to(site_dir).as_posix()
            prefix = "" if base == "." else base + "/"
            self.files.update(prefix + name for name in names)
        self.html = sorted(name for name in self.files if name.endswith(".html"))
        self.default = config.default_language.code
        self.others = [code for code in config.codes if code != self.default]
        site_url = config.site_url or "/"
        parts = urlsplit(site_url)
        self.url_prefix = (parts.path or "/").rstrip("/") + "/"
        self.origin = f"{parts.scheme}://{parts.netloc}".lower() if parts.netloc else ""
        self._sources: dict[tuple[str, str], Path | None] = {}
        self.parsed: dict[str, object] = {}

    def language_of(self, rel: str) -> str:
        return self.config.language_of_site_path(rel)

    def declared_language(self, page: PageData) -> str:
        """The page's language as its <html lang> declares it, else as its folder says."""
        for code in (page.lang, page.lang.split("-", 1)[0]):
            if code in self.others or code == self.default:
                return code
        return self.language_of(page.rel)

    def page_in_language(self, rel: str) -> str:
        """Path of a built page inside its language: "ar/about/index.html" -> "about/index.html"."""
        lang = self.language_of(rel)
        return rel if lang == self.default else rel[len(lang) + 1 :]

    def served_file(self, path: str) -> str | None:
        """The file a static server returns for a site-relative path, or None."""
        if path in ("", "."):
            return "index.html" if "index.html" in self.files else None
        if path.endswith("/"):
            candidate = path + "index.html"
            return candidate if candidate in self.files else None
        if path in self.files:
            return path
        # A folder without the slash: servers redirect to "folder/" and serve its index.
        candidate = path + "/index.html"
        return candidate if candidate in self.files else None

    def source_of(self, lang: str, page: str) -> Path | None:
        """docs/<lang>/... Markdown file a page inside a language is built from, if it exists."""
        key = (lang, page)
        if key not in self._sources:
            self._sources[key] = next((path for path in self._source_candidates(lang, page) if path.is_file()), None)
        return self._sources[key]

    def _source_candidates(self, lang: str, page: str) -> list[Path]:
        base = self.config.docs_dir / lang
        pure = Path(page)
        if pure.name == "index.html":
            folder = pure.parent
            candidates = [base / folder / "index.md", base / folder / "README.md"]
            if str(folder) != ".":
                candidates.insert(0, base / folder.with_suffix(".md") if folder.suffix else base / f"{folder}.md")
            return candidates
        return [base / pure.with_suffix(".md")]

    def describe_source(self, rel: str) -> tuple[str, Path | None, str]:
        """(problem path, Markdown file or None, note) for a built page."""
        lang, page = self.language_of(rel), self.page_in_language(rel)
        own = self.source_of(lang, page)
        if own is not None:
            return relative(own, self.config.root), own, ""
        fallback = self.source_of(self.default, page) if lang != self.default else None
        if fallback is not None:
            return relative(fallback, self.config.root), fallback, f"({lang} fallback page {rel}) "
        # Named as published (site/...), not by the temporary build folder.
        return f"{relative(self.config.site_dir, self.config.root)}/{rel}", None, f"(built page {rel}, no Markdown source) "

    def localized_url(self, lang: str, page: str) -> str:
        prefix = "" if lang == self.default else f"{lang}/"
        url = prefix + page
        return url[: -len("index.html")] if url.endswith("index.html") else url


# --------------------------------------------------------------------------
# Resolving one link


@dataclass
class Verdict:
    status: str  # "ok", "broken", "skipped", "external"
    reason: str = ""
    target: str = ""
    severity: str = "error"


SKIPPED, EXTERNAL = Verdict("skipped", "not a web link"), Verdict("external")


def parse_url(site: Site, url: str) -> Verdict | tuple[str, str, bool]:
    """A final verdict for links not looked up in the site, else (path, fragment, has fragment), both unquoted."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in SKIPPED_SCHEMES:
        return SKIPPED
    if scheme or parts.netloc:
        own = site.origin and f"{scheme or 'https'}://{parts.netloc}".lower() == site.origin
        if not own or not unquote(parts.path or "/").startswith(site.url_prefix.rstrip("/")):
            return EXTERNAL if scheme in ("http", "https", "") else SKIPPED
    return unquote(parts.path), unquote(parts.fragment), bool(parts.fragment)


def classify(site: Site, page: PageData, link: Link, ids_by_page: dict[str, set[str]]) -> Verdict:
    # The same URL strings recur on thousands of pages (nav, footer), so parse each once.
    parsed = site.parsed.get(link.url)
    if parsed is None:
        parsed = site.parsed[link.url] = parse_url(site, link.url)
    if isinstance(parsed, Verdict):
        return parsed
    path, fragment, has_fragment = parsed

    if not path:
        return _check_anchor(page.rel, fragment, ids_by_page, same_page=True)
    site_path = _site_path(site, page.dir, path)
    if site_path is None:
        return Verdict("broken", f"points outside the site (its pages live under {site.url_prefix}, from site_url)")
    target = site.served_file(site_path)
    if target is None:
        what = "no such page" if _looks_like_page(site_path) else "missing file"
        return Verdict("broken", f"{what} (looked for {site_path or '/'} in the built site)", site_path)
    if link.tag == "a" and target.endswith(".html") and not link.hreflang:
        localized = _localized_instead(site, site.declared_language(page), target)
        if localized:
            other = site.language_of(target)
            return Verdict("broken", f"links to the {other} copy {_page_url(target)}, but the localized page exists at {localized}", target)
    if target.endswith(".html") and has_fragment:
        return _check_anchor(target, fragment, ids_by_page, same_page=target == page.rel)
    return Verdict("ok", target=target)


def _site_path(site: Site, page_dir: str, path: str) -> str | None:
    """Site-relative path for a link on a page in ``page_dir``; None when it leaves the site."""
    trailing = path.endswith("/")
    if path.startswith("/"):
        if not (path + ("" if trailing else "/")).startswith(site.url_prefix) and path != site.url_prefix.rstrip("/"):
            return None
        joined = path[len(site.url_prefix) :] if len(path) >= len(site.url_prefix) else ""
    else:
        joined = f"{page_dir}/{path}" if page_dir else path
    normal = posixpath.normpath(joined) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return None
    if normal == ".":
        return ""
    return normal + "/" if trailing else normal


def _looks_like_page(site_path: str) -> bool:
    last = site_path.rstrip("/").rsplit("/", 1)[-1]
    return site_path.endswith("/") or "." not in last or last.endswith(".html")


def _check_anchor(target: str, fragment: str, ids_by_page: dict[str, set[str]], same_page: bool) -> Verdict:
    # "#" and "#top" scroll to the top of any page (HTML standard), no element needed.
    if not fragment or fragment.lower() == "top" or fragment in ids_by_page.get(target, ()):
        return Verdict("ok", target=target)
    where = "this page" if same_page else _page_url(target)
    return Verdict("broken", f'no element with id "{fragment}" on {where}', target)


def _page_url(rel: str) -> str:
    """The URL a reader would see, inside the site: "ar/about/index.html" -> "ar/about/"."""
    url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    return url or "/"


def _localized_instead(site: Site, lang: str, target: str) -> str | None:
    """The page's own-language URL when a link crosses into another language's copy."""
    target_lang = site.language_of(target)
    if lang == target_lang:
        return None
    page = site.page_in_language(target)
    if site.source_of(lang, page) is None:
        return None  # no translation: the other language's copy is the right target
    localized = site.localized_url(lang, page)
    return localized or "/"


# --------------------------------------------------------------------------
# Whole-site check


def check_links(config: ProjectConfig, site_dir: Path, external: bool = False, cache_file: Path | None = None) -> LinkReport:
    # Millions of small, acyclic objects (one per link): the cycle collector
    # would rescan them again and again for nothing; measured, it doubled the
    # time of this stage.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_links(config, site_dir, external, cache_file)
    finally:
        if collecting:
            gc.enable()


def _check_links(config: ProjectConfig, site_dir: Path, external: bool = False, cache_file: Path | None = None) -> LinkReport:
    began = time.monotonic()
    site = Site(config, Path(site_dir))
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
        results = check_external(sorted(external_pages), cache_file or default_cache_file(config))
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


# --------------------------------------------------------------------------
# External links (opt-in: network)

OK_TTL = 24 * 3600
FAILURE_TTL = 3600
USER_AGENT = "ai-explained-linkcheck/1 (+https://github.com/the-ai-alliance)"


@dataclass
class ExternalResult:
    url: str
    ok: bool
    code: int | None = None
    final_url: str = ""
    message: str = ""
    checked: float = 0.0
    severity: str = ""  # "" fine, "warning" or "error"

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "code": self.code,
            "final_url": self.final_url,
            "message": self.message,
            "checked": self.checked,
            "severity": self.severity,
        }


def default_cache_file(config: ProjectConfig) -> Path:
    # Not under reports/: that folder is copied into the published site.
    return config.root / ".cache" / "links.json"


def check_external(
    urls: list[str],
    cache_file: Path | None,
    *,
    timeout: float = 10.0,
    workers: int = 8,
    per_host: int = 2,
    max_retry_wait: float = 10.0,
    retries: int = 2,
) -> dict[str, ExternalResult]:
    cache = _load_cache(cache_file)
    now = time.time()
    results: dict[str, ExternalResult] = {}
    todo = []
    for url in dict.fromkeys(urls):
        cached = cache.get(url)
        if cached and now - cached.get("checked", 0) < (OK_TTL if cached.get("ok") else FAILURE_TTL):
            results[url] = ExternalResult(url, **{k: cached[k] for k in ("ok", "code", "final_url", "message", "checked", "severity")})
        else:
            todo.append(url)
    fetcher = _Fetcher(timeout, per_host, max_retry_wait, retries)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(fetcher.check, _interleave_hosts(todo)):
            results[result.url] = result
            cache[result.url] = result.as_dict()
    _save_cache(cache_file, cache)
    return results


def _interleave_hosts(urls: list[str]) -> list[str]:
    """Round-robin over hosts, so the pool's workers rarely wait on one host's limit."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).netloc.lower()].append(url)
    queues = list(by_host.values())
    ordered = []
    while queues:
        ordered += [queue.pop(0) for queue in queues]
        queues = [queue for queue in queues if queue]
    return ordered


class _Fetcher:
    def __init__(self, timeout: float, per_host: int, max_retry_wait: float, retries: int):
        self.timeout, self.per_host = timeout, per_host
        self.max_retry_wait, self.retries = max_retry_wait, retries
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self._local = threading.local()

    def _host_limit(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(self.per_host))

    def _session(self):
        import requests  # only external mode needs it

        if not hasattr(self._local, "session"):
            session = requests.Session()
            session.headers["User-Agent"] = USER_AGENT
            self._local.session = session
        return self._local.session

    def check(self, url: str) -> ExternalResult:
        import requests

        try:
            with self._host_limit(url):
                response = self._request_with_retries(url)
        except requests.Timeout:
            return self._result(url, False, message=f"timed out after {self.timeout:g} s", severity="error")
        except requests.RequestException as exc:
            return self._result(url, False, message=f"cannot fetch: {type(exc).__name__}: {_short(exc)}", severity="error")
        code = response.status_code
        if code == 429:
            return self._result(url, False, code, message="HTTP 429: still rate-limited after retrying", severity="warning")
        if code >= 400:
            return self._result(url, False, code, message=f"HTTP {code}", severity="error")
        if response.history:
            return self._result(url, True, code, response.url, f"redirects ({response.history[0].status_code}) to {response.url}", "warning")
        return self._result(url, True, code)

    def _request_with_retries(self, url: str):
        for attempt in range(self.retries + 1):
            response = self._request(url)
            if response.status_code != 429 or attempt == self.retries:
                return response
            wait = _retry_after(response.headers.get("Retry-After"))
            if wait is None or wait > self.max_retry_wait:
                return response
            time.sleep(wait)
        return response

    def _request(self, url: str):
        session = self._session()
        response = session.head(url, allow_redirects=True, timeout=self.timeout)
        response.close()
        # Some servers refuse HEAD but serve GET; stream so the body is not downloaded.
        if response.status_code in (403, 405, 501):
            response = session.get(url, allow_redirects=True, timeout=self.timeout, stream=True)
            response.close()
        return response

    def _result(self, url, ok, code=None, final_url="", message="", severity="") -> ExternalResult:
        return ExternalResult(url, ok, code, final_url, message, time.time(), severity)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return 1.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 160 else text[:157] + "..."


def _load_cache(cache_file: Path | None) -> dict:
    if cache_file is None or not cache_file.is_file():
        return {}
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache only costs a re-check
    return data if isinstance(data, dict) else {}


def _save_cache(cache_file: Path | None, cache: dict) -> None:
    if cache_file is None:
        return
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    # Keeps the cache folder out of git without touching the project's .gitignore.
    ignore = cache_file.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n", encoding="utf-8")
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------
# Command line


def main_links(root: Path, site_dir: Path | None, external: bool) -> int:
    config = load_config(root)
    site_dir = Path(site_dir) if site_dir else config.site_dir
    if not (site_dir / "index.html").is_file():
        what = "does not exist" if not site_dir.exists() else "has no index.html"
        print(f"error: the built site {site_dir} {what}; build it first with: python -m scripts build")
        return EXIT_USAGE
    try:
        result = check_links(config, site_dir, external=external)
    except OSError as exc:
        print(f"error: cannot read the built site: {exc}")
        return EXIT_USAGE
    report.write_json(config.root / "reports" / "links.json", result.as_json())
    report.print_problems(result.problems)
    print(summary_line(result))
    return EXIT_LINKS if errors(result.problems) else EXIT_OK


def summary_line(result: LinkReport) -> str:
    broken = len(errors(result.problems))
    return f"{result.pages} pages, {result.links} links, {len(result.external)} external URLs, {broken} error(s)"
