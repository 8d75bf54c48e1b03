"""Commands for writers: validate FILE..., new-page, preview, pr-summary."""

from __future__ import annotations

from pathlib import Path

from ..authoring.check_files import validate_paths
from ..authoring.new_page import AuthoringError, nav_hint, new_page
from ..core.config import load_project
from ..core.exit_codes import Exit
from ..core.problems import errors
from ..reporting import terminal

DEFAULT_ADDR = "127.0.0.1:8000"


def preview_url(project, dev_addr: str, lang: str, page: str = "index.md") -> str:
    """The address of a page on the preview server; MkDocs serves under site_url's path."""
    return f"http://{dev_addr}{project.paths.url_prefix}{project.paths.page_url(page, lang)}"


def validate_files(root: Path, paths: list[Path]) -> Exit:
    problems = validate_paths(load_project(root), paths)
    terminal.print_problems(problems)
    if not problems:
        print(f"{len(paths)} file(s) checked: content is valid.")
    return Exit.CONTENT if errors(problems) else Exit.OK


def start_page(args) -> Exit:
    project = load_project(args.root)
    try:
        path = new_page(project, args.page, args.title, args.description)
    except AuthoringError as exc:
        print(f"error: {exc}")
        return Exit.USAGE
    rel = path.relative_to(project.docs_dir / project.default).as_posix()
    where = project.relative(path)
    print(f"{where}: created.")
    print(f"Next: {nav_hint(project, rel)}")
    print(f"Then write the page, and check it with: python -m scripts validate {where}")
    print(f"Preview it while you write: make preview, then open {preview_url(project, DEFAULT_ADDR, project.default, rel)}")
    return Exit.OK


def preview(args) -> Exit:
    from mkdocs.exceptions import ConfigurationError

    from ..authoring.preview import serve

    project = load_project(args.root)
    lang = args.lang or project.default
    if lang not in project.codes:
        print(f"error: --lang {lang}: not a language in mkdocs.yml (choose from {', '.join(project.codes)})")
        return Exit.USAGE
    print(f"Previewing {' and '.join(dict.fromkeys([project.default, lang]))} at {preview_url(project, args.dev_addr, lang)} — "
          "the page reloads after each save; stop with Ctrl+C.")
    try:
        serve(project, lang, args.dev_addr, args.open)
    except ConfigurationError as exc:
        print(f"error: mkdocs.yml is not valid: {exc}")
        return Exit.USAGE
    except OSError as exc:  # most often: the port is taken by another preview
        print(f"error: cannot serve on {args.dev_addr}: {exc.strerror or exc}; stop the other server or pick a port with --dev-addr 127.0.0.1:8001")
        return Exit.USAGE
    return Exit.OK


def pr_summary(args) -> Exit:
    from ..reporting.pr_summary import ReportError, links_markdown, pr_markdown, read_reports

    project = load_project(args.root)
    try:
        reports = read_reports(project, args.reports or project.root / "reports", args.base)
    except ReportError as exc:
        print(f"error: {exc}")
        return Exit.USAGE
    text = links_markdown(reports) if args.links_only else pr_markdown(project, reports)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return Exit.OK
