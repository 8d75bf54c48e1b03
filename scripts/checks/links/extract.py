"""Reading a built page once: its element ids and every URL it makes a browser load or follow."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

# Every element attribute that makes a browser load or navigate to a URL.
LINK_SELECTOR = (
    "a[href], area[href], link[href], img, script[src], source, video, audio, "
    "iframe[src], track[src], embed[src], object[data]"
)
URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "data")
# Material's article; links inside it come from the Markdown, the rest from the theme.
CONTENT_SELECTOR = "article"


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


def read_pages(site_dir: Path, rels: list[str]) -> list[PageData]:
    # Serial on purpose: parsing is ~0.3 ms a page, and sending ~120 links a
    # page back from worker processes cost more than it saved (benchmarks/README.md).
    return [read_page(str(site_dir), rel) for rel in rels]


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
