"""Contributor subcommands: check files, start a page, preview, pull-request summary.

Argument handling and messages only; the work is in authoring.py, preview.py
and pr_summary.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from . import report
from .authoring import AuthoringError, nav_hint, new_page, validate_paths
from .config import load_config
from .problems import errors, relative

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
DEFAULT_ADDR = "127.0.0.1:8000"


def preview_url(config, dev_addr: str, lang_path: str = "", page: str = "index.md") -> str:
    """The address of a page on the preview server; MkDocs serves under site_url's path."""
    mount = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    page_path = page[: -len(".md")]
    page_path = page_path[: -len("index")] if page_path.endswith("index") else page_path + "/"
    return f"http://{dev_addr}{mount}{lang_path}{page_path}"


def validate_files(root: Path, paths: list[Path]) -> int:
    config = load_config(root)
    problems = validate_paths(config, paths)
    report.print_problems(problems)
    if not problems:
        print(f"{len(paths)} file(s) checked: content is valid.")
    return EXIT_CONTENT if errors(problems) else EXIT_OK


def run(args) -> int:
    config = load_config(args.root)
    return COMMANDS[args.command](config, args)


def _new_page(config, args) -> int:
    try:
        path = new_page(config, args.page, args.title, args.description)
    except AuthoringError as exc:
        print(f"error: {exc}")
        return EXIT_USAGE
    rel = path.relative_to(config.docs_dir / config.default_language.code).as_posix()
    where = relative(path, config.root)
    print(f"{where}: created.")
    print(f"Next: {nav_hint(config, rel)}")
    print(f"Then write the page, and check it with: python -m scripts validate {where}")
    print(f"Preview it while you write: make preview, then open {preview_url(config, DEFAULT_ADDR, '', rel)}")
    return EXIT_OK


def _preview(config, args) -> int:
    from mkdocs.exceptions import ConfigurationError

    from .preview import serve

    lang = args.lang or config.default_language.code
    if lang not in config.codes:
        print(f"error: --lang {lang}: not a language in mkdocs.yml (choose from {', '.join(config.codes)})")
        return EXIT_USAGE
    path = "" if lang == config.default_language.code else f"{lang}/"
    print(f"Previewing {' and '.join(dict.fromkeys([config.default_language.code, lang]))} at {preview_url(config, args.dev_addr, path)} — "
          "the page reloads after each save; stop with Ctrl+C.")
    try:
        serve(config, lang, args.dev_addr, args.open)
    except ConfigurationError as exc:
        print(f"error: mkdocs.yml is not valid: {exc}")
        return EXIT_USAGE
    except OSError as exc:  # most often: the port is taken by another preview
        print(f"error: cannot serve on {args.dev_addr}: {exc.strerror or exc}; stop the other server or pick a port with --dev-addr 127.0.0.1:8001")
        return EXIT_USAGE
    return EXIT_OK


def _pr_summary(config, args) -> int:
    from .pr_summary import ReportError, links_markdown, pr_markdown, read_reports

    try:
        reports = read_reports(config, args.reports or config.root / "reports", args.base)
    except ReportError as exc:
        print(f"error: {exc}")
        return EXIT_USAGE
    text = links_markdown(reports) if args.links_only else pr_markdown(config, reports)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return EXIT_OK


COMMANDS = {
    "new-page": _new_page,
    "preview": _preview,
    "pr-summary": _pr_summary,
}
