"""Briefing PDFs: rendered by the build, readable, embedded, limited, cached."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from scripts.core.config import load_project
from scripts.core.exit_codes import Exit
from scripts.core.sources import read_sources
from scripts.outputs.briefings import find_briefings, pdf_file, zip_file
from scripts.outputs.pdfs import render_pdfs
from scripts.pipeline import run_build
from tests.support.sites import make_site

EXIT_OK, EXIT_CONTENT = Exit.OK, Exit.CONTENT

# Bidi controls pdftotext adds around right-to-left runs, and Arabic vowel
# marks, which it places apart from their letters.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TASHKEEL = re.compile("[\u064b-\u065f\u0670]")
TITLES = {"en": "AI literacy at work", "ar": "الإلمام بالذكاء الاصطناعي في العمل", "zh": "工作中的人工智能素养"}
KEY_POINTS = {
    "en": ["Providers and deployers of AI systems must take measures to ensure AI literacy.", "The duty has applied since 2 February 2025."],
    "ar": ["على مقدّمي أنظمة الذكاء الاصطناعي ومستخدميها اتخاذ تدابير تضمن الإلمام بالذكاء الاصطناعي.", "يسري هذا الواجب منذ"],
    "zh": ["人工智能系统的提供者和部署者必须采取措施，确保人工智能素养。", "该义务自2025年2月2日起适用。"],
}
BRIEFING = "briefings/literacy.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("pdfs") / "project", "briefings", git=True)
    code = run_build(root)
    assert code == EXIT_OK
    return root, load_project(root)


def pdf_path(root: Path, config, lang: str) -> Path:
    return root / "site" / pdf_file(config, BRIEFING, lang)


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return normal(BIDI_MARKS.sub("", text))


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", TASHKEEL.sub("", text))


def test_every_language_of_a_briefing_gets_a_pdf(built):
    root, config = built
    assert find_briefings(config, read_sources(config))[0].languages == ("en", "ar", "zh", "fr", "ru", "es")
    for lang in config.codes:
        assert pdf_path(root, config, lang).is_file(), lang


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_text_holds_title_and_key_points_in_reading_order(built, lang):
    root, config = built
    text = pdf_text(pdf_path(root, config, lang))
    title_at = text.find(normal(TITLES[lang]))
    assert title_at >= 0, text[:400]
    positions = [text.find(normal(point)) for point in KEY_POINTS[lang]]
    assert all(position > title_at for position in positions), (positions, text[:600])
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_metadata_language_and_tags(built, lang):
    root, config = built
    reader = PdfReader(pdf_path(root, config, lang))
    info = reader.metadata
    assert info.title == TITLES[lang]
    assert info.author == config.language(lang).site_name
    assert info["/CreationDate"].startswith("D:20261101")  # last_reviewed, not the build time
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged for screen readers
    assert 1 <= len(reader.pages) <= 4


def test_all_fonts_are_embedded_with_script_faces(built):
    root, config = built
    for lang, face in (("en", "Noto-Sans"), ("ar", "Noto-Naskh-Arabic"), ("zh", "Noto-Sans-CJK-SC"), ("ru", "Noto-Sans")):
        listing = subprocess.run(["pdffonts", str(pdf_path(root, config, lang))], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows, listing
        assert all(row.split()[-5] == "yes" for row in rows), listing  # the "emb" column
        assert any(face in row for row in rows), listing


def test_links_in_the_pdf_are_absolute_and_clickable(built):
    root, config = built
    reader = PdfReader(pdf_path(root, config, "en"))
    annotations = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])]
    uris = {annotation["/A"].get("/URI") for annotation in annotations if "/A" in annotation}
    internal = {str(annotation["/Dest"]) for annotation in annotations if "/Dest" in annotation}
    assert "fn:act" in internal  # the footnote mark jumps to its note
    assert "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" in uris
    assert "https://the-ai-alliance.github.io/ai-explained/briefings/literacy/" in uris


def test_download_button_resolves_and_shows_size(built):
    root, config = built
    for lang, page in (("en", "briefings/literacy/index.html"), ("ar", "ar/briefings/literacy/index.html")):
        html = (root / "site" / page).read_text(encoding="utf-8")
        button = LexborHTMLParser(html).css_first("p.pdf-download a")
        target = (root / "site" / page).parent / button.attributes["href"]
        assert target.resolve() == pdf_path(root, config, lang).resolve()
        kilobytes = round(target.stat().st_size / 1024)
        assert str(kilobytes) in button.text(), button.text()
    assert "تنزيل ملف PDF" in (root / "site/ar/briefings/literacy/index.html").read_text(encoding="utf-8")


def test_index_offers_every_pdf_and_one_zip_per_language(built):
    root, config = built
    index = root / "site/fr/briefings/index.html"
    links = [a.attributes["href"] for a in LexborHTMLParser(index.read_text(encoding="utf-8")).css(".briefing-downloads a[download]")]
    assert {(index.parent / href).resolve() for href in links} == {pdf_path(root, config, "fr").resolve(), (root / "site" / zip_file(config, "fr")).resolve()}
    with zipfile.ZipFile(root / "site" / zip_file(config, "ar")) as archive:
        assert archive.namelist() == [Path(pdf_file(config, BRIEFING, "ar")).name]
        assert archive.read(archive.namelist()[0]) == pdf_path(root, config, "ar").read_bytes()


def test_unchanged_briefings_come_from_the_cache_byte_for_byte(built, tmp_path):
    root, config = built
    before = pdf_path(root, config, "ar").read_bytes()
    run = render_pdfs(config, root / "site", cache_dir=root / ".cache" / "pdfs")
    assert run.results and all(result.cached for result in run.results)
    assert pdf_path(root, config, "ar").read_bytes() == before
    # A fresh cache renders again and gives the same bytes: the build is reproducible.
    fresh = render_pdfs(config, root / "site", only_lang="ar", cache_dir=tmp_path / "cache")
    assert {result.lang for result in fresh.results if not result.cached} == {"en", "ar"}
    assert pdf_path(root, config, "ar").read_bytes() == before


def test_a_stylesheet_change_renders_again(tmp_path):
    root = make_site(tmp_path / "project", "briefings")
    config = load_project(root)
    assert run_build(root) == EXIT_OK
    css = root / "site" / "assets/stylesheets/print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n@media print { h1 { color: #000; } }\n", encoding="utf-8")
    run = render_pdfs(config, root / "site", only_lang="zh", cache_dir=root / ".cache" / "pdfs")
    assert {result.cached for result in run.results} == {False}


def test_a_briefing_over_the_page_limit_fails_the_build_naming_it(tmp_path, capsys):
    root = make_site(tmp_path / "project", "briefings")
    page = root / "docs/en" / BRIEFING
    padding = "\n".join(f"## Section {n} {{ #section-{n} }}\n\n" + "A paragraph that only makes the briefing longer. " * 40 + "\n" for n in range(1, 25))
    page.write_text(page.read_text(encoding="utf-8") + "\n" + padding, encoding="utf-8")
    assert run_build(root) == EXIT_CONTENT
    out = capsys.readouterr().out
    assert re.search(r"docs/en/briefings/literacy\.md: the briefing prints on \d+ pages; the limit is 4", out), out
    assert not (root / "site").exists()  # nothing half-published
