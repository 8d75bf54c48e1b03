"""build, validate, links and pdfs: the site and its checks from the command line."""

from __future__ import annotations

import os
from pathlib import Path

from ..checks.content import validate
from ..checks.files import check_files
from ..checks.links.check import check_links
from ..core.config import load_project
from ..core.exit_codes import Exit
from ..core.problems import errors
from ..core.sources import read_sources
from ..outputs.pdfs import render_pdfs
from ..pipeline import reproducible_dates, run_build
from ..reporting import files, terminal


def build(args) -> Exit:
    # COVERAGE_BASE (e.g. origin/main in a pull-request job) lists the translations the change made outdated.
    return run_build(args.root, args.lang, coverage_base=os.environ.get("COVERAGE_BASE") or None)


def check(args) -> Exit:
    if args.files:
        from .author import validate_files

        return validate_files(args.root, args.files)
    project = load_project(args.root)
    if args.lang and args.lang not in project.codes:
        print(f"error: --lang {args.lang}: not a language in mkdocs.yml (choose from {', '.join(project.codes)})")
        return Exit.USAGE
    problems = check_files(project)[0] + validate(project, read_sources(project, args.lang))
    terminal.print_problems(problems)
    if not problems:
        print("Content is valid.")
    return Exit.CONTENT if errors(problems) else Exit.OK


def links(args) -> Exit:
    return run_links(args.root, args.site, args.external)


def run_links(root: Path, site_dir: Path | None, external: bool) -> Exit:
    project = load_project(root)
    site_dir = Path(site_dir) if site_dir else project.site_dir
    if not (site_dir / "index.html").is_file():
        what = "does not exist" if not site_dir.exists() else "has no index.html"
        print(f"error: the built site {site_dir} {what}; build it first with: python -m scripts build")
        return Exit.USAGE
    try:
        result = check_links(project, site_dir, external=external)
    except OSError as exc:
        print(f"error: cannot read the built site: {exc}")
        return Exit.USAGE
    files.write_json(project.root / "reports" / "links.json", result.as_json())
    terminal.print_problems(result.problems)
    print(result.summary)
    return Exit.CONTENT if errors(result.problems) else Exit.OK


def pdfs(args) -> Exit:
    """The PDF stage alone, on an already built site."""
    project = load_project(args.root)
    site_dir = args.site or project.site_dir
    if not (site_dir / "index.html").is_file():
        print(f"error: {site_dir} holds no built site; run `python -m scripts build` first, or pass --site")
        return Exit.USAGE
    with reproducible_dates(project.root):
        run = render_pdfs(project, site_dir)
    terminal.print_problems(run.problems)
    for result in run.results:
        how = "cache" if result.cached else f"{result.seconds:.2f} s"
        print(f"{result.file}: {result.pages} page(s), {result.bytes // 1024} KB ({how})")
    print(run.summary)
    return Exit.CONTENT if errors(run.problems) else Exit.OK
