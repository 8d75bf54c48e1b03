"""Runs ``mkdocs build --strict`` in-process into a folder of our choosing.

MkDocs warnings become problems that name the Markdown file and, where the
message quotes a link, the line it is on. The build's hooks receive the
pipeline's context (source pages, translation status) instead of reading the
tree again, and record the structure of every page they render.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.config import Project, load_mkdocs_config
from ..core.problems import Problem
from ..hooks.context import SiteContext, attach

DOC_FILE = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:a|an absolute|an unrecognized relative) link '(?P<link>[^']+)'")
NAV_FILE = re.compile(r"'(?P<file>[^']+\.md)'")


@dataclass
class BuildResult:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0  # HTML files written

    @property
    def summary(self) -> str:
        return f"{self.pages} HTML pages" if self.ok else f"{len(self.problems)} problem(s)"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def build_site(project: Project, out_dir: Path, *, mkdocs_config=None, only_lang: str | None = None, context: SiteContext | None = None) -> BuildResult:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    mkdocs_config = mkdocs_config or load_mkdocs_config(project.config_file)
    mkdocs_config["site_dir"] = str(out_dir)
    mkdocs_config["strict"] = True
    if only_lang:
        restrict_languages(mkdocs_config, {only_lang, project.default})
    if context is not None:
        attach(mkdocs_config, context)
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    # Keep MkDocs quiet on the terminal (we print its warnings ourselves) and
    # never at DEBUG: MkDocs 1.6.1 skips anchor validation at DEBUG level.
    logger.propagate = False
    logger.setLevel(logging.INFO)
    failure = None
    try:
        build(mkdocs_config)
    except ConfigurationError as exc:
        failure = f"mkdocs.yml is not valid: {exc}"
    except Abort:
        pass  # the warnings that caused it are in handler.records
    except MkDocsException as exc:
        failure = str(exc)
    except Exception as exc:  # a plugin or template crashed: report it as a build problem
        failure = f"MkDocs build failed: {type(exc).__name__}: {exc}"
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved

    problems = [_to_problem(record, project) for record in handler.records]
    if failure:
        problems.append(Problem(project.relative(project.config_file), None, failure))
    pages = sum(1 for _ in out_dir.rglob("*.html")) if not problems else 0
    return BuildResult(ok=not problems, problems=problems, pages=pages)


def restrict_languages(mkdocs_config, keep: set[str]) -> None:
    """Build only the languages in ``keep``; the others keep their switcher entry."""
    for language in mkdocs_config.plugins["i18n"].config.languages:
        language.build = language.locale in keep


def _to_problem(record: logging.LogRecord, project: Project) -> Problem:
    message = record.getMessage().strip()
    match = DOC_FILE.search(message)
    if match:
        path = project.docs_dir / match.group("file")
        return Problem(project.relative(path), _line_of(path, match.group("link")), f"MkDocs: {message}")
    match = NAV_FILE.search(message)
    if match and (project.docs_dir / match.group("file")).is_file():
        return Problem(project.relative(project.docs_dir / match.group("file")), None, f"MkDocs: {message}")
    return Problem(project.relative(project.config_file), None, f"MkDocs: {message}")


def _line_of(path: Path, needle: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return None
