"""Writes a large synthetic BUILT site for benchmarking link checkers.

    .venv/bin/python -m benchmarks.generate_site OUT [--pages 1000]

OUT gets mkdocs.yml, docs/<lang>/... (one-line Markdown stubs, so the checker
can tell translations from fallbacks) and site/ with Material-like pages:
header with the language switcher (hreflang), a section nav, a table of
contents, headings with ids, internal links with anchors, images, PDFs and
external links. Every tenth Russian page is a fallback (no Markdown source).

FAULTS lists the deliberate faults; every checker should find all of them.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

LANGS = ["en", "ar", "zh", "fr", "ru", "es"]
SITE_URL = "https://example.org/ai-explained/"
SECTION_SIZE = 50
HEADINGS = ["overview", "how-it-works", "risks", "regulation", "further-reading"]

# (language, page number, what, the faulty link as written, kind)
FAULTS = [
    ("en", 17, "missing page", "../p9999/", "page"),
    ("en", 42, "missing anchor on another page", "../p0003/#no-such-heading", "anchor"),
    ("ar", 100, "missing same-page anchor", "#missing-local", "anchor"),
    ("fr", 200, "missing image", "../../images/missing.png", "img"),
    ("es", 300, "missing PDF download", "../../downloads/missing.pdf", "file"),
    ("ar", 400, "link to the English copy of a translated page", "../../../s00/p0001/", "localized"),
    ("zh", 500, "missing stylesheet", "../../../assets/missing.css", "css"),
]


def page_name(number: int) -> str:
    return f"s{number // SECTION_SIZE:02d}/p{number:04d}"


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def is_fallback(lang: str, number: int) -> bool:
    return lang == "ru" and number % 10 == 9


def render(lang: str, number: int, pages: int) -> str:
    up = "../../" + ("../" if lang != "en" else "")  # from <lang>/sNN/pNNNN/ to the site root
    home = "../../"
    name = page_name(number)
    section = number // SECTION_SIZE
    faults = [fault for fault in FAULTS if fault[0] == lang and fault[1] == number]
    switcher = "\n".join(
        f'<li class="md-select__item"><a href="{up}{prefix(other)}{name}/" hreflang="{other}" class="md-select__link">{other}</a></li>'
        for other in LANGS
    )
    alternates = "\n".join(f'<link rel="alternate" href="{up}{prefix(other)}{name}/" hreflang="{other}">' for other in LANGS)
    sections = "\n".join(
        f'<li class="md-nav__item"><a href="{home}s{s:02d}/p{s * SECTION_SIZE:04d}/" class="md-nav__link">Section {s}</a></li>'
        for s in range(0, (pages + SECTION_SIZE - 1) // SECTION_SIZE)
    )
    siblings = "\n".join(
        f'<li class="md-nav__item"><a href="../p{n:04d}/" class="md-nav__link">Page {n}</a></li>'
        for n in range(section * SECTION_SIZE, min(pages, (section + 1) * SECTION_SIZE))
    )
    toc = "\n".join(f'<li class="md-nav__item"><a href="#{h}" class="md-nav__link">{h}</a></li>' for h in HEADINGS)
    body = []
    for index, heading in enumerate(HEADINGS):
        other = (number * 7 + index * 13) % pages
        target = f"../../{page_name(other)}/"
        body.append(
            f'<h2 id="{heading}">{heading.replace("-", " ").title()}<a class="headerlink" href="#{heading}" title="Permanent link">&para;</a></h2>\n'
            f'<p>Text with <a href="{target}">a related page</a>, <a href="{target}#{HEADINGS[(index + 1) % 5]}">one of its sections</a>'
            f' and <a href="https://example.com/source/{number % 97}">an external source</a>.</p>\n'
            f'<p><img src="{up}images/figure-{(number + index) % 20}.png" alt="Figure" loading="lazy"></p>'
        )
    if number % 5 == 0:
        body.append(f'<p><a href="{up}downloads/briefing-{number % 10}.pdf">Download the briefing (PDF)</a></p>')
    extra_head = ""
    for _, _, _, link, kind in faults:
        if kind == "css":
            extra_head += f'\n<link rel="stylesheet" href="{link}">'
        elif kind == "img":
            body.append(f'<p><img src="{link}" alt="Broken"></p>')
        else:
            body.append(f'<p>A deliberate fault: <a href="{link}">here</a>.</p>')
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!doctype html>
<html lang="{lang}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="canonical" href="{SITE_URL}{prefix(lang)}{name}/">
{alternates}
<link rel="icon" href="{up}assets/images/favicon.png">
<title>Page {number} - Synthetic</title>
<link rel="stylesheet" href="{up}assets/stylesheets/main.css">
<link rel="stylesheet" href="{up}assets/stylesheets/site.css">{extra_head}
</head>
<body dir="{direction}">
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<a href="#page-{number}" class="md-skip">Skip to content</a>
<header class="md-header">
<nav class="md-header__inner md-grid">
<a href="{home}" title="Synthetic" class="md-header__button md-logo">Home</a>
<div class="md-select"><ul class="md-select__list">
{switcher}
</ul></div>
</nav>
</header>
<div class="md-container">
<main class="md-main"><div class="md-main__inner md-grid">
<div class="md-sidebar md-sidebar--primary"><nav class="md-nav md-nav--primary"><ul class="md-nav__list">
{sections}
</ul><ul class="md-nav__list">
{siblings}
</ul></nav></div>
<div class="md-sidebar md-sidebar--secondary"><nav class="md-nav md-nav--secondary" aria-label="Table of contents"><ul class="md-nav__list">
{toc}
</ul></nav></div>
<div class="md-content" data-md-component="content">
<article class="md-content__inner md-typeset">
<h1 id="page-{number}">Page {number}</h1>
{chr(10).join(body)}
</article>
</div>
</div></main>
<footer class="md-footer"><a href="../../{page_name(max(0, number - 1))}/" class="md-footer__link md-footer__link--prev">Previous</a>
<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">Material for MkDocs</a></footer>
</div>
<script src="{up}assets/javascripts/bundle.js"></script>
</body>
</html>
"""


def mkdocs_yml() -> str:
    languages = "\n".join(
        f"        - locale: {lang}\n          name: {lang}\n" + ("          default: true\n" if lang == "en" else "") for lang in LANGS
    )
    return f"""site_name: Synthetic
site_url: {SITE_URL}
docs_dir: docs
site_dir: site
plugins:
  - i18n:
      docs_structure: folder
      languages:
{languages}extra:
  project:
    notices: {REPO / "i18n" / "notices.yml"}
"""


def generate(out: Path, pages: int) -> None:
    if out.exists():
        shutil.rmtree(out)
    site, docs = out / "site", out / "docs"
    for asset in ["assets/stylesheets/main.css", "assets/stylesheets/site.css", "assets/javascripts/bundle.js", "assets/images/favicon.png"]:
        _write(site / asset, "/* asset */\n")
    for n in range(20):
        _write(site / f"images/figure-{n}.png", "png\n")
    for n in range(10):
        _write(site / f"downloads/briefing-{n}.pdf", "%PDF-1.4\n")
    for lang in LANGS:
        for number in range(pages):
            name = page_name(number)
            _write(site / prefix(lang) / name / "index.html", render(lang, number, pages))
            if not is_fallback(lang, number):
                _write(docs / lang / f"{name}.md", f"# Page {number}\n")
        _write(site / prefix(lang) / "index.html", f'<!doctype html><html lang="{lang}"><body><a href="s00/p0000/">Start</a></body></html>\n')
        _write(docs / lang / "index.md", "# Home\n")
    (out / "mkdocs.yml").write_text(mkdocs_yml(), encoding="utf-8")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    args = parser.parse_args()
    generate(args.out, args.pages)
    print(f"{args.pages} pages x {len(LANGS)} languages written to {args.out}/site ({len(FAULTS)} deliberate faults)")


if __name__ == "__main__":
    main()
