"""An SVG file may draw, and nothing else: no script, no handlers, nothing from elsewhere.

Opened directly, an SVG runs on the site's origin like a page, so a drawing
that carries script, event handlers, ``foreignObject`` (HTML inside SVG) or
references to other documents is refused. Parsed with defusedxml's SAX
reader, which refuses entity expansion and external entities, so the line of
each finding is known.
"""

from __future__ import annotations

import re
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException
from defusedxml.sax import parseString

ACTIVE_ELEMENTS = {"script": "script", "foreignObject": "HTML inside the drawing (foreignObject)", "iframe": "an embedded page", "embed": "an embedded object", "object": "an embedded object"}
URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.I)
IMPORT_IN_CSS = re.compile(r"@import\b", re.I)


def svg_problems(data: bytes) -> list[tuple[int | None, str]]:
    handler = _Drawing()
    try:
        parseString(data, handler, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return [(None, f"declares XML entities or external resources ({type(exc).__name__}); remove the DOCTYPE's entity declarations")]
    except SAXParseException as exc:
        return [(exc.getLineNumber(), f"is not well-formed XML: {exc.getMessage()}; fix the file or export it again")]
    if not handler.root_seen:
        return [(1, "is not an SVG drawing (its root element is not <svg>)")]
    return handler.problems


def external_css(text: str, first_line: int) -> list[tuple[int, str]]:
    """Stylesheets and fonts from other documents inside CSS (a <style> element, a style attribute, a .css file)."""
    found = []
    for number, line in enumerate(text.split("\n"), first_line):
        if IMPORT_IN_CSS.search(line):
            found.append((number, "imports another stylesheet (@import); put the rules in this file instead"))
        for match in URL_IN_CSS.finditer(line):
            target = match.group(1).strip()
            if _external(target):
                found.append((number, f'loads "{target}" from outside the site; store it in the repository (the site loads nothing from other hosts)'))
    return found


def _external(target: str) -> bool:
    """A reference that leaves the document: any scheme (http:, data:, javascript:) or another host."""
    target = target.strip().lower()
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target)) or target.startswith("//")


class _Drawing(ContentHandler):
    def __init__(self):
        super().__init__()
        self.problems: list[tuple[int | None, str]] = []
        self.root_seen = False
        self._depth = 0
        self._style_text: list[str] = []
        self._style_line = 0
        self._in_style = False

    def _line(self) -> int | None:
        return self._locator.getLineNumber() if getattr(self, "_locator", None) else None

    def processingInstruction(self, target, data):
        if target.lower() == "xml-stylesheet":
            self.problems.append((self._line(), "links a stylesheet (<?xml-stylesheet?>); an SVG on this site carries its own styles"))

    def startElement(self, name, attrs):
        local = name.split(":")[-1]
        line = self._line()
        if self._depth == 0:
            self.root_seen = local == "svg"
        self._depth += 1
        if local in ACTIVE_ELEMENTS:
            self.problems.append((line, f"contains <{name}> ({ACTIVE_ELEMENTS[local]}); an SVG on this site may only draw: remove it"))
        if local == "style":
            self._in_style, self._style_text, self._style_line = True, [], line or 1
        for attribute in attrs.getNames():
            value = attrs.getValue(attribute)
            short = attribute.split(":")[-1].lower()
            if short.startswith("on"):
                self.problems.append((line, f'has an event handler attribute "{attribute}" on <{name}>; remove it (an SVG may not run script)'))
            elif short == "href" and not value.strip().startswith("#"):
                self.problems.append((line, f'<{name} {attribute}="{value}"> refers to another document; an SVG on this site may refer only to its own parts ("#id")'))
            elif short == "style":
                self.problems += [(line, message) for _, message in external_css(value, line or 1)]
            elif "url(" in value.lower():
                for match in URL_IN_CSS.finditer(value):
                    if _external(match.group(1)) or not match.group(1).strip().startswith("#"):
                        self.problems.append((line, f'{attribute}="{value}" on <{name}> refers to another document; use "url(#id)" of a part of this drawing'))

    def characters(self, content):
        if self._in_style:
            self._style_text.append(content)

    def endElement(self, name):
        self._depth -= 1
        if name.split(":")[-1] == "style" and self._in_style:
            self._in_style = False
            self.problems += external_css("".join(self._style_text), self._style_line)
