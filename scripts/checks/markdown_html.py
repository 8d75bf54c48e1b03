"""Raw HTML inside Markdown: what a pull request may not bring into a public site."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Elements whose URL attributes make the browser load something into the page.
EMBEDDING = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "iframe": ("src",), "embed": ("src",), "object": ("data",)}


@dataclass
class HtmlFindings:
    findings: list[tuple[int, str]] = field(default_factory=list)  # (line in the text, message)
    images: list[tuple[int, str, str]] = field(default_factory=list)  # (line, src, alt)


def scan_html(text: str, forbidden: list[str]) -> HtmlFindings:
    scanner = _Scanner(set(forbidden))
    scanner.feed(text)
    scanner.close()
    return scanner.found


class _Scanner(HTMLParser):
    def __init__(self, forbidden: set[str]):
        super().__init__(convert_charrefs=True)
        self.forbidden = forbidden
        self.found = HtmlFindings()

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        report = self.found.findings.append
        if tag in self.forbidden:
            report((line, f"raw <{tag}> is not allowed in page content; remove it (use Markdown, or ask a maintainer to add a template feature)"))
        for name, value in attrs:
            if name.startswith("on"):
                report((line, f'event handler attribute "{name}" on <{tag}> is not allowed; remove it'))
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(UNSAFE_SCHEMES):
                report((line, f'<{tag} {name}="{value.split(":")[0]}:..."> is not allowed; link to a page or an https:// address'))
        values = dict(attrs)
        for name in EMBEDDING.get(tag, ()):
            for url in _urls(values.get(name) or "", name):
                if tag != "img" and (urlsplit(url).scheme or url.startswith("//")):  # <img> is reported with the images
                    report((line, f'<{tag} {name}="{url}"> is loaded from another host; store the file in the repository (the site loads nothing from other hosts)'))
        if tag == "a" and (values.get("target") or "").lower() == "_blank" and "noopener" not in (values.get("rel") or "").lower().split():
            report((line, '<a target="_blank"> opens a new window that could control this page; add rel="noopener"'))
        if "style" in values:
            report((line, f'inline style="{values["style"]}" on <{tag}> is blocked by the site\'s Content-Security-Policy; use Markdown or a class from the site\'s stylesheet'))
        if tag == "img":
            self.found.images.append((line, values.get("src") or "", values.get("alt") or ""))

    handle_startendtag = handle_starttag


def _urls(value: str, attribute: str) -> list[str]:
    if attribute == "srcset":
        return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value.strip()] if value.strip() else []
