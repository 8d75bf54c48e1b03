"""The build command: the whole pipeline, in order, one direction.

    config → validate content → reading level → translation status → mkdocs build
    (temporary folder) → briefing PDFs → link check → reports (always)
    → swap into site/ (only if everything passed)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from . import publish, report
from .config import ProjectConfig, load_config
from .links import check_links
from .links import summary_line as links_summary
from .pdfs import render_pdfs
from .pdfs import summary_line as pdfs_summary
from . import readability
from .problems import Problem, errors
from .report import StageResult
from .site_build import build_site
from .translations import coverage as translation_coverage
from .translations import outdated_by_change
from .validate import validate

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_COVERAGE = 0, 1, 2, 3


class Pipeline:
    def __init__(self, total: int):
        self.stages: list[StageResult] = []
        self.progress = report.Progress(total)

    def run(self, title: str, name: str, step) -> StageResult:
        """Run one stage; ``step`` returns (problems, summary)."""
        self.progress.start(title)
        began = time.monotonic()
        try:
            problems, summary = step()
        except OSError as exc:  # disk full, permissions: a clear line, not a traceback
            problems, summary = [Problem(str(exc.filename or "."), None, f"{title} failed: {exc.strerror or exc}")], "failed"
        status = "failed" if errors(problems) else "ok"
        stage = StageResult(name, status, summary, time.monotonic() - began, problems)
        self.stages.append(stage)
        self.progress.done(stage)
        return stage

    def skip(self, name: str, why: str) -> None:
        self.stages.append(StageResult(name, "skipped", why))


def run_build(root: Path, only_lang: str | None = None, site_dir: Path | None = None) -> int:
    config = load_config(root)
    if only_lang and only_lang not in config.codes:
        print(f"error: --lang {only_lang}: not a language in mkdocs.yml (choose from {', '.join(config.codes)})")
        return EXIT_USAGE
    site_dir = site_dir or (config.root / f"site-{only_lang}" if only_lang else config.site_dir)

    with _reproducible_dates(config.root):
        return _pipeline(config, site_dir, only_lang)


def _pipeline(config: ProjectConfig, site_dir: Path, only_lang: str | None) -> int:
    pipeline = Pipeline(total=7)
    checked = pipeline.run("Validating content", "validate", lambda: _validate(config, only_lang))
    pipeline.run("Measuring reading level (information)", "reading", lambda: _reading_level(config))
    status = {}
    pipeline.run("Checking translation status", "translations", lambda: _translations(config, only_lang, status))
    build_dir = publish.new_build_dir(site_dir)
    try:
        if checked.status == "failed":
            pipeline.skip("build", "fix the content errors first")
        else:
            built = pipeline.run("Building the site (mkdocs build --strict)", "build", lambda: _build(config, build_dir, only_lang))
            if built.status == "ok":
                pipeline.run("Rendering briefing PDFs", "pdfs", lambda: _pdfs(config, build_dir, only_lang))
                pipeline.run("Checking links in the built site", "links", lambda: _links(config, build_dir))
            else:
                pipeline.skip("pdfs", "the build failed")
                pipeline.skip("links", "the build failed")
        if not any(stage.name == "links" and stage.status != "skipped" for stage in pipeline.stages):
            # No built site to check: say so, rather than leave an older report.
            report.write_json(config.root / "reports" / "links.json", {"status": "skipped", "reason": "the site was not built"})
        exit_code = _exit_code(pipeline.stages, status["coverage"], only_lang)
        _write_reports(config, pipeline.stages, exit_code, status["coverage"])
        if exit_code == EXIT_OK:
            published = pipeline.run(f"Publishing into {site_dir.name}/", "publish", lambda: _publish(config, build_dir, site_dir))
            if published.status == "failed":
                exit_code = EXIT_USAGE  # the environment failed us, not the content
    finally:
        publish.discard(build_dir)
    print()
    report.print_coverage(status["coverage"], config)
    report.print_problems([problem for stage in pipeline.stages for problem in stage.problems] + status["coverage"].below_threshold)
    report.print_summary(pipeline.stages, exit_code, site_dir.name)
    return exit_code


def run_validate(root: Path, only_lang: str | None = None) -> int:
    config = load_config(root)
    problems = validate(config, only_lang)
    report.print_problems(problems)
    if not problems:
        print("Content is valid.")
    return EXIT_CONTENT if errors(problems) else EXIT_OK


def _validate(config: ProjectConfig, only_lang: str | None):
    problems = validate(config, only_lang)
    count = sum(1 for lang in config.codes for _ in (config.docs_dir / lang).rglob("*.md")) if config.docs_dir.is_dir() else 0
    return problems, f"{count} Markdown files, {len(errors(problems))} error(s)"


def _reading_level(config: ProjectConfig):
    levels, goal = readability.reading_levels(config), readability.target(config)
    reports = config.root / "reports"
    report.write_json(reports / "reading-level.json", readability.as_json(levels, goal))
    (reports / "reading-level.md").write_text(readability.as_markdown(levels, goal), encoding="utf-8")
    return [], readability.summary_line(levels, goal)


def _translations(config: ProjectConfig, only_lang: str | None, status: dict):
    data = translation_coverage(config, only_lang)
    status["coverage"] = data
    shares = ", ".join(f"{lang} {data.share_current(lang):.0%}" for lang in data.languages)
    below = f"; {len(data.below_threshold)} below threshold" if data.below_threshold else ""
    return data.problems, f"current: {shares}{below}"


def _pdfs(config: ProjectConfig, build_dir: Path, only_lang: str | None):
    run = render_pdfs(config, build_dir, only_lang)
    report.write_json(config.root / "reports" / "pdfs.json", run.as_json())
    return run.problems, pdfs_summary(run)


def run_pdfs(root: Path, site_dir: Path | None = None) -> int:
    """The PDF stage alone, on an already built site."""
    config = load_config(root)
    site_dir = site_dir or config.site_dir
    if not (site_dir / "index.html").is_file():
        print(f"error: {site_dir} holds no built site; run `python -m scripts build` first, or pass --site")
        return EXIT_USAGE
    with _reproducible_dates(config.root):
        run = render_pdfs(config, site_dir)
    report.print_problems(run.problems)
    for result in run.results:
        how = "cache" if result.cached else f"{result.seconds:.2f} s"
        print(f"{result.file}: {result.pages} page(s), {result.bytes // 1024} KB ({how})")
    print(pdfs_summary(run))
    return EXIT_CONTENT if errors(run.problems) else EXIT_OK


def _links(config: ProjectConfig, build_dir: Path):
    result = check_links(config, build_dir)
    # Written even when the build fails; copied into the site on success.
    report.write_json(config.root / "reports" / "links.json", result.as_json())
    return result.problems, links_summary(result)


def _exit_code(stages: list[StageResult], data, only_lang: str | None) -> int:
    if any(stage.status == "failed" for stage in stages):
        return EXIT_CONTENT
    # A one-language preview build is for editing; coverage policy applies to the whole site.
    if data.below_threshold and not only_lang:
        return EXIT_COVERAGE
    return EXIT_OK


def _build(config: ProjectConfig, build_dir: Path, only_lang: str | None):
    result = build_site(config, build_dir, only_lang)
    pages = sum(1 for _ in build_dir.rglob("*.html"))
    return result.problems, f"{pages} HTML pages" if result.ok else f"{len(result.problems)} problem(s)"


def _publish(config: ProjectConfig, build_dir: Path, site_dir: Path):
    reports = config.root / "reports"
    if reports.is_dir():
        shutil.copytree(reports, build_dir / "reports", dirs_exist_ok=True)
    publish.swap_into_place(build_dir, site_dir)
    return [], f"{site_dir.name}/ replaced"


def _write_reports(config: ProjectConfig, stages: list[StageResult], exit_code: int, data) -> None:
    reports = config.root / "reports"
    report.write_json(reports / "build.json", report.build_report(stages, exit_code))
    (reports / "build.md").write_text(report.build_markdown(stages, exit_code), encoding="utf-8")
    report.write_json(reports / "coverage.json", data.as_json())
    base = os.environ.get("COVERAGE_BASE")  # e.g. origin/main in a pull-request job
    made = outdated_by_change(config, data, base) if base else None
    (reports / "translations.md").write_text(report.coverage_markdown(data, config, made), encoding="utf-8")


@contextmanager
def _reproducible_dates(root: Path):
    """Two builds of the same commit give the same files (sitemap dates, gzip headers).

    MkDocs takes its build date from SOURCE_DATE_EPOCH; we set it to the last
    commit's time for the duration of the build, unless the caller set it.
    """
    stamp = None
    if "SOURCE_DATE_EPOCH" not in os.environ:
        try:
            stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            stamp = None
    if stamp:
        os.environ["SOURCE_DATE_EPOCH"] = stamp
    try:
        yield
    finally:
        if stamp:
            del os.environ["SOURCE_DATE_EPOCH"]
