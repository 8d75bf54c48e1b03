"""The build command: the whole pipeline, in order, one direction.

    configuration → source pages (read once) → validation, reading level,
    translation status → mkdocs build (temporary folder) → translation
    parity → briefing PDFs → link check → reports (always) → publish into
    site/ (only if everything passed)

Each stage returns plain data; ``reporting`` turns it into terminal output
and report files. A failed build leaves the previous site/ as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .checks import readability
from .checks.content import validate
from .checks.files import check_files
from .checks.links.check import check_links
from .core.config import ConfigError, Project, load_mkdocs_config, project_from_mkdocs
from .core.exit_codes import Exit
from .core.parallel import Background
from .core.problems import Problem, errors
from .core.results import StageResult
from .core.sources import SourceTree, read_sources
from .hooks.context import SiteContext
from .i18n.coverage import Coverage, coverage, outdated_by_change
from .i18n.structure import Structures, check_parity
from .outputs import publish
from .outputs.mkdocs_build import build_site
from .outputs.pdfs import render_pdfs
from .outputs.search import index_site
from .reporting import files, terminal


@dataclass
class Options:
    only_lang: str | None = None  # build one language (and the default) into site-<lang>/, for editing
    site_dir: Path | None = None  # where the finished site goes (default: site/, or site-<lang>/)
    reports_dir: Path | None = None  # default: reports/ in the repository
    cache_dir: Path | None = None  # PDFs and other caches; default: .cache/ in the repository
    coverage_base: str | None = None  # git ref: list the translations this change made outdated
    today: dt.date | None = None


@dataclass
class Run:
    """Everything the stages found, for the reports."""

    project: Project
    stages: list[StageResult] = field(default_factory=list)
    coverage: Coverage | None = None
    reading: readability.ReadingReport | None = None
    links: dict | None = None
    pdfs: dict | None = None
    exit_code: Exit = Exit.OK


TIMINGS = "timings.json"
ORDER = ["files", "sources", "validate", "reading", "translations", "build", "parity", "pdfs", "search", "links", "publish"]
STAGES = 10  # progress steps: files, sources, checks beside the build, translations, build, parity, PDFs, search, links, publish


def run_build(root: Path | str, only_lang: str | None = None, site_dir: Path | None = None, *, reports_dir: Path | None = None,
              cache_dir: Path | None = None, coverage_base: str | None = None, today: dt.date | None = None) -> Exit:
    root = Path(root).resolve()
    options = Options(only_lang, site_dir, reports_dir, cache_dir, coverage_base, today)
    try:
        mkdocs_config = load_mkdocs_config(root / "mkdocs.yml")
        project = project_from_mkdocs(mkdocs_config, root)
    except ConfigError as exc:
        print(f"error: {exc}")
        return Exit.USAGE
    if only_lang and only_lang not in project.codes:
        print(f"error: --lang {only_lang}: not a language in mkdocs.yml (choose from {', '.join(project.codes)})")
        return Exit.USAGE
    options.site_dir = options.site_dir or (root / f"site-{only_lang}" if only_lang else project.site_dir)
    options.reports_dir = options.reports_dir or root / "reports"
    options.cache_dir = options.cache_dir or root / ".cache"
    with reproducible_dates(root):
        run = Pipeline(project, mkdocs_config, options).run()
    print()
    if run.coverage is not None:
        terminal.print_coverage(run.coverage)
    terminal.print_problems([problem for stage in run.stages for problem in stage.problems] + (run.coverage.below_threshold if run.coverage else []))
    terminal.print_summary(run.stages, run.exit_code, options.site_dir.name)
    return run.exit_code


class Pipeline:
    def __init__(self, project: Project, mkdocs_config, options: Options):
        self.project, self.mkdocs_config, self.options = project, mkdocs_config, options
        self.result = Run(project)
        self.progress = terminal.Progress(STAGES)

    def run(self) -> Run:
        options, result = self.options, self.result
        # Contributed files are untrusted: checked before anything is built.
        self.stage("Checking contributed files (types, sizes, links, SVG)", "files", self.check_files)
        sources = self.stage("Reading the source pages", "sources", self.read)
        if sources is None:  # the sources could not be read at all
            for name in ("validate", "reading", "translations", "build", "parity", "pdfs", "search", "links"):
                self.skip(name, "the sources could not be read")
            return self.finish()
        # Validation and the reading level need only the sources: they run in
        # a second process while this one builds, and a build is discarded
        # unless the content passed.
        self.progress.start("Validating content and measuring reading level (beside the build)")
        checks = Background(lambda: (self.validate(sources), self.reading_level(sources)))
        self.stage("Checking translation status", "translations", lambda: self.translation_status(sources))
        build_dir = publish.new_build_dir(options.site_dir)
        built = None
        try:
            structures = Structures()
            if self.failed("files"):
                self.skip("build", "fix the contributed files first")
            elif result.coverage is not None:
                built = self.stage("Building the site (mkdocs build --strict)", "build", lambda: self.build(build_dir, sources, structures))
            self.collect(checks)
            if self.failed("validate") and built is not None:
                self.replace("build", "skipped", "fix the content errors first")
            elif result.coverage is None:
                self.replace("build", "skipped", "the translation status could not be computed")
            if self.passed("build") and built is not None:
                self.stage("Comparing translations with their English pages", "parity", lambda: self.parity(structures))
                self.stage("Rendering briefing PDFs", "pdfs", lambda: self.pdfs(build_dir, sources))
                self.stage("Indexing for search (Pagefind)", "search", lambda: self.search(build_dir))
                self.stage("Checking links in the built site", "links", lambda: self.links(build_dir))
            else:
                for name in ("parity", "pdfs", "search", "links"):
                    self.skip(name, "the build failed" if self.failed("build") else "no build")
            self.finish()
            if result.exit_code == Exit.OK:
                self.stage(f"Publishing into {options.site_dir.name}/", "publish", lambda: self.publish(build_dir))
                result.exit_code = self.exit_code()
                self.write_reports()
        finally:
            publish.discard(build_dir)
        return result

    def finish(self) -> Run:
        self.result.stages.sort(key=lambda stage: ORDER.index(stage.name))
        self.result.exit_code = self.exit_code()
        self.write_reports()
        return self.result

    def collect(self, checks: Background) -> None:
        """The validation and reading-level stages that ran beside the build."""
        try:
            (validation, reading), environment = checks.result(), False
        except OSError as exc:
            where = self.project.relative(Path(exc.filename)) if exc.filename else "."
            problems = [Problem(where, None, f"Validating content failed: {exc.strerror or exc}")]
            validation, reading, environment = (None, problems, "failed"), None, True
        for name, outcome in (("validate", validation), ("reading", reading)):
            if outcome is None:
                self.result.stages.append(StageResult(name, "skipped", "validation failed"))
                continue
            _, problems, summary = outcome
            stage = StageResult(name, "failed" if errors(problems) else "ok", summary, checks.seconds if name == "validate" else 0.0, problems, environment)
            self.result.stages.append(stage)
            self.progress.done(stage)
        if reading is not None:
            self.result.reading = reading[0]

    # -- running stages ------------------------------------------------------------

    def stage(self, title: str, name: str, step):
        """Run one stage: ``step`` returns (value, problems, summary); the value is returned."""
        self.progress.start(title)
        began = time.monotonic()
        value, environment = None, False
        try:
            value, problems, summary = step()
        except OSError as exc:  # disk full, permissions: a clear line, not a traceback
            where = self.project.relative(Path(exc.filename)) if exc.filename else "."
            problems, summary, environment = [Problem(where, None, f"{title} failed: {exc.strerror or exc}")], "failed", True
        stage = StageResult(name, "failed" if errors(problems) else "ok", summary, time.monotonic() - began, problems, environment)
        self.result.stages.append(stage)
        self.progress.done(stage)
        return value

    def skip(self, name: str, why: str) -> None:
        self.result.stages.append(StageResult(name, "skipped", why))

    def replace(self, name: str, status: str, why: str) -> None:
        """Mark a stage that ran as not counting (a build of content that failed validation is discarded)."""
        for index, stage in enumerate(self.result.stages):
            if stage.name == name:
                self.result.stages[index] = StageResult(name, status, why, stage.seconds)
                return
        self.skip(name, why)

    def _stage(self, name: str) -> StageResult | None:
        return next((stage for stage in self.result.stages if stage.name == name), None)

    def failed(self, name: str) -> bool:
        stage = self._stage(name)
        return stage is not None and stage.status == "failed"

    def passed(self, name: str) -> bool:
        stage = self._stage(name)
        return stage is not None and stage.status == "ok"

    def exit_code(self) -> Exit:
        stages = self.result.stages
        if any(stage.environment for stage in stages):
            return Exit.USAGE  # the machine failed us, not the content
        if any(stage.status == "failed" for stage in stages):
            return Exit.CONTENT
        # A one-language build is for editing; the coverage policy applies to the whole site.
        if self.result.coverage and self.result.coverage.below_threshold and not self.options.only_lang:
            return Exit.COVERAGE
        return Exit.OK

    # -- the stages ----------------------------------------------------------------

    def check_files(self):
        problems, count = check_files(self.project)
        return None, problems, f"{count} files, {len(errors(problems))} error(s)"

    def read(self):
        sources = read_sources(self.project, self.options.only_lang)
        return sources, [], f"{sources.count} Markdown files in {len(sources.languages)} languages"

    def validate(self, sources: SourceTree):
        problems = validate(self.project, sources, self.options.today)
        return None, problems, f"{sources.count} Markdown files, {len(errors(problems))} error(s)"

    def reading_level(self, sources: SourceTree):
        report = readability.measure(self.project, sources)
        return report, [], report.summary

    def translation_status(self, sources: SourceTree):
        data = coverage(self.project, sources, self.options.only_lang)
        self.result.coverage = data
        return data, data.problems, data.summary()

    def build(self, build_dir: Path, sources: SourceTree, structures: Structures):
        # The search index is a stage of its own here (the hook indexes only plain builds).
        context = SiteContext(self.project, sources, self.result.coverage, structures, index_search=False)
        built = build_site(self.project, build_dir, mkdocs_config=self.mkdocs_config, only_lang=self.options.only_lang, context=context)
        return built, built.problems, built.summary

    def parity(self, structures: Structures):
        problems = check_parity(self.project, self.result.coverage, structures)
        self.result.coverage.problems = self.result.coverage.problems + problems  # reported in coverage.json too
        return None, problems, f"{len(problems)} difference(s)"

    def pdfs(self, build_dir: Path, sources: SourceTree):
        run = render_pdfs(self.project, build_dir, sources=sources, cache_dir=self.options.cache_dir / "pdfs", only_lang=self.options.only_lang)
        self.result.pdfs = run.as_json()
        return run, run.problems, run.summary

    def search(self, build_dir: Path):
        index = index_site(self.project, build_dir)
        return index, index.problems, index.summary

    def links(self, build_dir: Path):
        report = check_links(self.project, build_dir, cache_file=self.options.cache_dir / "links.json")
        self.result.links = report.as_json()
        return report, report.problems, report.summary

    def publish(self, build_dir: Path):
        reports = self.options.reports_dir
        if reports.is_dir():
            shutil.copytree(reports, build_dir / "reports", dirs_exist_ok=True, ignore=shutil.ignore_patterns(TIMINGS))
        publish.swap_into_place(build_dir, self.options.site_dir)
        return None, [], f"{self.options.site_dir.name}/ replaced"

    # -- reports -------------------------------------------------------------------

    def write_reports(self) -> None:
        """Always written, also when the build fails, so CI can show them; a stage that did not run says so."""
        result, reports = self.result, self.options.reports_dir
        files.write_json(reports / "build.json", files.build_json(result.stages, result.exit_code))
        # Times vary from run to run: kept apart, so the reports published with the site stay reproducible.
        files.write_json(reports / TIMINGS, {stage.name: round(stage.seconds, 2) for stage in result.stages})
        files.write_text(reports / "build.md", files.build_markdown(result.stages, result.exit_code))
        files.write_json(reports / "links.json", result.links or {"status": "skipped", "reason": "the site was not built"})
        if result.pdfs is not None:
            files.write_json(reports / "pdfs.json", result.pdfs)
        if result.reading is not None:
            files.write_json(reports / "reading-level.json", files.reading_level_json(result.reading))
            files.write_text(reports / "reading-level.md", files.reading_level_markdown(result.reading))
        if result.coverage is not None:
            files.write_json(reports / "coverage.json", result.coverage.as_json())
            base = self.options.coverage_base
            made = outdated_by_change(self.project, result.coverage, base) if base else None
            files.write_text(reports / "translations.md", files.coverage_markdown(result.coverage, self.project, made))


@contextmanager
def reproducible_dates(root: Path):
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
