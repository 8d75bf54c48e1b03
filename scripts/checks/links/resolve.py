"""What one link on one page points at: fine, broken (and why), external or not a web link."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ...core.site_paths import SitePaths
from .extract import Link, PageData
from .site import Site

SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data", "about", "blob"}


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


def _page_url(rel: str) -> str:
    """The URL a reader would see, inside the site: 'ar/about/index.html' -> 'ar/about/'."""
    return SitePaths.url_of_file(rel) or "/"


def _check_anchor(target: str, fragment: str, ids_by_page: dict[str, set[str]], same_page: bool) -> Verdict:
    # "#" and "#top" scroll to the top of any page (HTML standard), no element needed.
    if not fragment or fragment.lower() == "top" or fragment in ids_by_page.get(target, ()):
        return Verdict("ok", target=target)
    where = "this page" if same_page else _page_url(target)
    return Verdict("broken", f'no element with id "{fragment}" on {where}', target)


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

