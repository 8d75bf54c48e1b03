"""Raw HTML inside Markdown: what a pull request may not bring into a public site."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


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
        if tag == "img":
            values = dict(attrs)
            self.found.images.append((line, values.get("src") or "", values.get("alt") or ""))

    handle_startendtag = handle_starttag
