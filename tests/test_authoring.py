"""Contributor commands: new-page, validate FILE..., preview."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from scripts.__main__ import main
from scripts.authoring.check_files import validate_paths
from scripts.authoring.new_page import AuthoringError, new_page
from scripts.checks.content import validate
from scripts.core.config import load_project as load_config
from scripts.core.sources import read_sources
from tests.support.sites import configure, make_site

TITLE = "Deepfakes: what they are"
DESCRIPTION = "What deepfakes are, how they are made and how to spot them."


def test_scaffolded_page_passes_validation(site_copy, capsys):
    assert main(["--root", str(site_copy), "new-page", "risks/deepfakes.md", "--title", TITLE, "--description", DESCRIPTION]) == 0
    out = capsys.readouterr().out
    assert "docs/en/risks/deepfakes.md: created." in out
    assert "add it to nav: in mkdocs.yml" in out and "- risks/deepfakes.md" in out
    page = site_copy / "docs" / "en" / "risks" / "deepfakes.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"---\ntitle: '{TITLE}'\ndescription: {DESCRIPTION}\nlast_reviewed: {dt.date.today().isoformat()}\n")
    assert '!!! abstract "Key points"' in text
    assert "## Learn more { #learn-more }" in text
    config = load_config(site_copy)
    assert validate_paths(config, [page]) == []
    assert [p for p in validate(config, read_sources(config)) if p.path.endswith("deepfakes.md")] == []


def test_nav_hint_names_the_section_of_sibling_pages(tmp_path, capsys):
    project = make_site(tmp_path / "project")
    configure(project, nav=[{"Risks": ["risks/bias.md"]}, "index.md", "about.md"])
    assert main(["--root", str(project), "new-page", "risks/deepfakes.md", "--title", TITLE, "--description", DESCRIPTION]) == 0
    assert 'in the "Risks" section (after risks/bias.md), as the line:\n      - risks/deepfakes.md' in capsys.readouterr().out


def test_new_page_refuses_to_overwrite(site_copy, capsys):
    before = (site_copy / "docs" / "en" / "about.md").read_bytes()
    assert main(["--root", str(site_copy), "new-page", "about.md", "--title", TITLE, "--description", DESCRIPTION]) == 2
    assert "error: docs/en/about.md already exists; edit that file, or choose another name" in capsys.readouterr().out
    assert (site_copy / "docs" / "en" / "about.md").read_bytes() == before


@pytest.mark.parametrize("name", ["Risks/Deepfakes.md", "risks/deep_fakes.md", "../outside.md", "risks/deepfakes", "/abs.md"])
def test_new_page_rejects_names_we_do_not_use(site_copy, name):
    with pytest.raises(AuthoringError, match="lowercase words joined by hyphens"):
        new_page(load_config(site_copy), name, TITLE, DESCRIPTION)


def test_new_page_accepts_the_path_from_the_repository_root(site_copy):
    path = new_page(load_config(site_copy), "docs/en/risks/deepfakes.md", TITLE, DESCRIPTION)
    assert path == site_copy / "docs" / "en" / "risks" / "deepfakes.md"


def test_new_page_needs_a_description(site_copy):
    with pytest.raises(AuthoringError, match="--description is empty"):
        new_page(load_config(site_copy), "risks/deepfakes.md", TITLE, "  ")


def test_validate_files_reports_file_line_and_fix(site_copy, capsys, monkeypatch):
    monkeypatch.chdir(site_copy)
    (site_copy / "docs" / "fr" / "bad.md").write_text("---\ntitle: Mauvais\ndescription: Exemple.\n---\n\n## Sans identifiant\n", encoding="utf-8")
    assert main(["validate", "docs/fr/bad.md", "docs/en/index.md"]) == 1
    out = capsys.readouterr().out
    assert "docs/fr/bad.md:6: heading has no explicit id; end it with { #sans-identifiant }" in out
    assert "docs/en/index.md" not in out.replace("docs/fr/bad.md", "")  # a valid file gives no line
    assert main(["validate", "docs/en/index.md"]) == 0
    assert "1 file(s) checked: content is valid." in capsys.readouterr().out


def test_validate_files_outside_a_language_folder(site_copy, monkeypatch, capsys):
    monkeypatch.chdir(site_copy)
    (site_copy / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (site_copy / "docs" / "stray.md").write_text("# Stray\n", encoding="utf-8")
    config = load_config(site_copy)
    messages = {p.path: p.message for p in validate_paths(config, [site_copy / "notes.md", site_copy / "docs" / "stray.md", site_copy / "gone.md"])}
    assert messages == {
        "notes.md": "not a page of the site; pages live in docs/<language>/",
        "docs/stray.md": "page outside a language folder; move it under docs/en/",
        "gone.md": "file not found; check the path (relative to the folder you run the command in)",
    }
    # Images and other assets passed by pre-commit are not pages: nothing to report.
    assert validate_paths(config, [next((site_copy / "docs" / "assets").rglob("*.*"))]) == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_preview_builds_english_and_one_language_and_follows_edits(tmp_path):
    project = make_site(tmp_path / "project")
    port = _free_port()
    log = tmp_path / "preview.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "scripts", "preview", "--lang", "ar", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        base = f"http://127.0.0.1:{port}/ai-explained/"
        deadline = time.monotonic() + 120
        while "Serving on" not in log.read_text(encoding="utf-8"):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        status, html = _get(base + "ar/")
        assert status == 200 and 'lang="ar"' in html
        assert _get(base + "fr/")[0] == 404  # French is not built in this preview
        page = project / "docs" / "ar" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nتعديل للمعاينة.\n", encoding="utf-8")
        while "تعديل للمعاينة" not in _get(base + "ar/")[1]:
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        assert "Built ar + en in" in log.read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_preview_rejects_an_unknown_language(site_copy, capsys):
    assert main(["--root", str(site_copy), "preview", "--lang", "de"]) == 2
    assert "--lang de: not a language in mkdocs.yml" in capsys.readouterr().out


def test_validate_files_checks_the_other_files_a_commit_adds(site_copy, monkeypatch, capsys):
    """What pre-commit runs on a changed SVG or notice file: the untrusted-files check."""
    from tests.support.sites import FIXTURES

    monkeypatch.chdir(site_copy)
    drawing = site_copy / "docs" / "assets" / "images" / "x.svg"
    drawing.parent.mkdir(parents=True, exist_ok=True)
    drawing.write_bytes((FIXTURES / "untrusted" / "svg-script.svg").read_bytes())
    (site_copy / "i18n" / "terms" / "xx.yml").write_text("a: [unclosed\n", encoding="utf-8")
    assert main(["validate", "docs/assets/images/x.svg", "i18n/terms/xx.yml"]) == 1
    out = capsys.readouterr().out
    assert "docs/assets/images/x.svg:4: contains <script>" in out
    assert "i18n/terms/xx.yml:2: is not valid YAML" in out
