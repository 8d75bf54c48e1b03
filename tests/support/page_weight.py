"""What a reader downloads: bytes transferred per page type, first and second view.

Serves a built site the way a static host does (gzip, a short cache lifetime
like GitHub Pages' ten minutes) on 127.0.0.1, opens pages in Chromium and adds
up what went over the wire until the network is idle. A second page view in
the same browser shows what the cache saves.

The browser tests and ``benchmarks/page_weight.py`` share this server and
measurement.
"""

from __future__ import annotations

import gzip
import http.server
import threading
from contextlib import contextmanager
from functools import partial
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
# (page type, first view, second view in the same browser)
PAGE_TYPES = [
    ("home", "/", "/basics/what-is-ai/"),
    ("explainer", "/basics/what-is-ai/", "/basics/machine-learning/"),
    ("briefing", "/briefings/ai-literacy/", "/briefings/open-foundation-models/"),
    ("home (Arabic)", "/ar/", "/ar/basics/what-is-ai/"),
    ("explainer (Arabic)", "/ar/basics/what-is-ai/", "/ar/basics/machine-learning/"),
    ("explainer (Chinese)", "/zh/basics/what-is-ai/", "/zh/basics/machine-learning/"),
]


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip and a ten-minute cache lifetime."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects folder → folder/
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


@contextmanager
def serve(site: Path):
    """The site at http://127.0.0.1:PORT/ for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def transferred(page, url: str) -> dict:
    """Load url in page until the network is idle; bytes over the wire by request."""
    requests = []

    def finished(request):
        requests.append(request)

    page.on("requestfinished", finished)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("requestfinished", finished)
    rows = []
    for request in requests:
        sizes = request.sizes()  # no body bytes when the browser cache answered
        rows.append({"url": request.url, "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"]})
    return {"bytes": sum(row["bytes"] for row in rows), "requests": rows}


def measure(site: Path, page_types=PAGE_TYPES, browser=None) -> list[dict]:
    """Figures per page type; pass a running Playwright browser, or one is started."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return measure(site, page_types, chromium)
            finally:
                chromium.close()
    results = []
    with serve(site) as base:
        for name, first, second in page_types:
            context = browser.new_context()  # an empty cache: a first visit
            page = context.new_page()
            one = transferred(page, base + first)
            two = transferred(page, base + second)
            context.close()
            results.append({"page": name, "first_view": first, "first_bytes": one["bytes"], "second_view": second, "second_bytes": two["bytes"], "first_requests": [r["url"].replace(base, "") for r in one["requests"]]})
    return results


# A first search per language: what the reader downloads for it, against all of that language's index.
FIRST_SEARCH = {"en": "privacy", "ar": "الخصوصية", "zh": "隐私", "fr": "surveillance", "ru": "слежка", "es": "privacidad"}


def first_searches(site: Path, browser, queries: dict[str, str] = FIRST_SEARCH) -> list[dict]:
    from scripts.outputs.search import index_bytes

    results = []
    with serve(site) as base:
        for lang, query in queries.items():
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + ("/" if lang == "en" else f"/{lang}/"), wait_until="networkidle")
            requests = []
            page.on("requestfinished", lambda request, found=requests: found.append(request))
            page.keyboard.press("/")
            page.locator("[data-site-search] input[type=search]").fill(query)
            page.wait_for_function("() => document.querySelectorAll('[data-site-search] .md-search-result__item').length > 0", timeout=20000)
            page.wait_for_load_state("networkidle")
            sizes = [request.sizes() for request in requests]
            transferred = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)
            index = [request for request in requests if "/pagefind/" in request.url and not request.url.endswith((".js", ".pagefind"))]
            index_transferred = sum(request.sizes()["responseBodySize"] for request in index)
            results.append({"lang": lang, "query": query, "bytes": transferred, "index_bytes": index_transferred,
                            "whole_index_bytes": index_bytes(site, lang), "requests": len(requests)})
            context.close()
    return results


def table(results: list[dict]) -> str:
    lines = ["| Page type | First view | KB | Second view | KB |", "|---|---|---:|---|---:|"]
    for row in results:
        lines.append(f"| {row['page']} | `{row['first_view']}` | {row['first_bytes'] / 1024:.0f} | `{row['second_view']}` | {row['second_bytes'] / 1024:.0f} |")
    return "\n".join(lines)


def search_table(results: list[dict]) -> str:
    lines = ["| Language | Query | First search, KB (all) | of which index, KB | Whole index, KB | Share |", "|---|---|---:|---:|---:|---:|"]
    for row in results:
        share = row["index_bytes"] / row["whole_index_bytes"] if row["whole_index_bytes"] else 0
        lines.append(f"| {row['lang']} | {row['query']} | {row['bytes'] / 1024:.0f} | {row['index_bytes'] / 1024:.0f} | {row['whole_index_bytes'] / 1024:.0f} | {share:.0%} |")
    return "\n".join(lines)
