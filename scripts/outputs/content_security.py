"""The Content-Security-Policy of a built page: only the site's own origin, inline scripts by hash.

GitHub Pages sets no headers, so the policy travels in each page as a
``<meta http-equiv>`` placed before the theme's first inline script (the
template leaves a placeholder there). Material's inline scripts differ with
the page's depth, so their hashes are computed from each page's own HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "__CONTENT_SECURITY_POLICY__"
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
INLINE_STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style>", re.S | re.I)
# Script types a browser runs; any other (e.g. application/json) is data, which CSP does not govern.
RUNNABLE = re.compile(r"""\btype\s*=\s*["']?(?!text/javascript|application/javascript|module)[^"'\s>]+""", re.I)


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str, directives: dict[str, list[str]]) -> str:
    """The policy for one page: the configured directives, plus the hashes of its inline scripts and styles."""
    scripts = [digest(match.group("body")) for match in INLINE_SCRIPT.finditer(html)
               if "src=" not in match.group("attributes").lower() and not RUNNABLE.search(match.group("attributes"))]
    styles = [digest(match.group("body")) for match in INLINE_STYLE.finditer(html)]
    parts = []
    for name, sources in directives.items():
        extra = scripts if name == "script-src" else styles if name == "style-src" else []
        parts.append(" ".join([name, *sources, *dict.fromkeys(extra)]))
    return "; ".join(parts)


def fill(html: str, directives: dict[str, list[str]]) -> str:
    """Write the page's policy into the placeholder its template left."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, policy(html, directives), 1)
