"""Runs ``mkdocs build --strict`` in-process into a directory of our choosing.

MkDocs warnings become problems that name the Markdown file and, where the
message quotes a link, the line it is on.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import ProjectConfig
from .problems import Problem, relative

DOC_FILE = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:a|an absolute|an unrecognized relative) link '(?P<link>[^']+)'")
NAV_FILE = re.compile(r"'(?P<file>[^']+\.md)'")


@dataclass
class BuildResult:
    ok: bool
    problems: list[Problem] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def build_site(config: ProjectConfig, out_dir: Path, only_lang: str | None = None) -> BuildResult:
    # Material prints an end-of-life banner on every run; it is not a warning about our site.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config as load_mkdocs_config
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

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
        mkdocs_config = load_mkdocs_config(str(config.mkdocs_file), site_dir=str(out_dir), strict=True)
        if only_lang:
            _only(mkdocs_config, only_lang, config.default_language.code)
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
        logger.propagate, logger.level = saved[0], saved[1]

    problems = [_to_problem(record, config) for record in handler.records]
    if failure:
        problems.append(Problem(relative(config.mkdocs_file, config.root), None, failure))
    return BuildResult(ok=not problems, problems=problems)


def _only(mkdocs_config, lang: str, default: str) -> None:
    """Build the default language (the fallback source) and one other."""
    i18n = mkdocs_config.plugins.get("i18n")
    for language in i18n.config.languages:
        language.build = language.locale in (lang, default)


def _to_problem(record: logging.LogRecord, config: ProjectConfig) -> Problem:
    message = record.getMessage().strip()
    match = DOC_FILE.search(message)
    if match:
        path = config.docs_dir / match.group("file")
        return Problem(relative(path, config.root), _line_of(path, match.group("link")), f"MkDocs: {message}")
    match = NAV_FILE.search(message)
    if match and (config.docs_dir / match.group("file")).is_file():
        path = config.docs_dir / match.group("file")
        return Problem(relative(path, config.root), None, f"MkDocs: {message}")
    return Problem(relative(config.mkdocs_file, config.root), None, f"MkDocs: {message}")


def _line_of(path: Path, needle: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return None
