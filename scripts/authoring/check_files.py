"""Check only the files a writer changed (what pre-commit runs), with the build's own rules.

The whole tree is read (it is the context a page is checked in: its English
source, the glossary), and only the given pages are validated.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..checks.content import validate
from ..checks.files import check_file
from ..core.config import Project
from ..core.problems import Problem
from ..core.sources import read_sources


def validate_paths(project: Project, paths: list[Path], today: dt.date | None = None) -> list[Problem]:
    """Content problems in the given files only."""
    problems: list[Problem] = []
    docs = project.docs_dir.resolve()
    sources = read_sources(project)
    pages = []
    for given in paths:
        path = given if given.is_absolute() else Path.cwd() / given
        where = project.relative(path)
        tree = _tree_of(project, path)
        if tree is not None and tree != "docs":  # overrides/, includes/, i18n/: files, not pages
            problems += check_file(project, path, project.policy.files.trees[tree], tree)
            continue
        if path.is_symlink():
            problems += check_file(project, path, [], "docs")
            continue
        if not path.is_file():
            problems.append(Problem(where, None, "file not found; check the path (relative to the folder you run the command in)"))
            continue
        try:
            inside = path.resolve().relative_to(docs)
        except ValueError:
            problems.append(Problem(where, None, f"not a page of the site; pages live in {project.relative(project.docs_dir)}/<language>/"))
            continue
        if path.suffix != ".md" or len(inside.parts) < 2 or inside.parts[0] not in project.codes:
            if path.suffix == ".md":
                problems.append(Problem(where, None, f"page outside a language folder; move it under {project.relative(project.docs_dir)}/{project.default}/"))
            else:  # an image, a stylesheet: the untrusted-files check
                problems += check_file(project, path, project.policy.files.trees.get("docs", []), "docs")
            continue
        lang, rel = inside.parts[0], Path(*inside.parts[1:]).as_posix()
        page = sources.page(lang, rel)
        if page is None:
            problems += [problem for problem in sources.unreadable if problem.path == where]
        else:
            pages.append(page)
    return problems + validate(project, sources, today, pages=pages)


def _tree_of(project: Project, path: Path) -> str | None:
    """The published tree (docs, overrides, ...) a file belongs to, if any."""
    for tree in project.policy.files.trees:
        try:
            Path(os.path.abspath(path)).relative_to(os.path.abspath(project.root / tree))
            return tree
        except ValueError:
            continue
    return None
