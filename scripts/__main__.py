"""Command line: ``python -m scripts <command>``.

Exit codes: 0 all good; 1 content or link errors; 2 usage or environment;
3 translation coverage below a threshold.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import build, contributor_cli, translator_cli
from .config import ConfigError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Build and check the AI Explained site.")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    site = commands.add_parser("build", help="validate, build and check the whole site, then replace site/")
    site.add_argument("--lang", help="build only this language (plus English, its fallback) into site-LANG/, for editing")

    check = commands.add_parser("validate", help="check the Markdown files only (front matter, headings, HTML, images)")
    check.add_argument("--lang", help="check only this language (plus English)")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE", help="check only these Markdown files (e.g. the ones you changed)")

    links = commands.add_parser("links", help="check every link, anchor and asset in an already built site")
    links.add_argument("--site", type=Path, help="built site folder (default: site/)")
    links.add_argument("--external", action="store_true", help="also fetch external http(s) links (network; cached)")

    pdfs = commands.add_parser("pdfs", help="render the briefing PDFs into an already built site (cached by content)")
    pdfs.add_argument("--site", type=Path, help="built site folder (default: site/)")

    status = commands.add_parser("status", help="translation status per page and language")
    status.add_argument("--lang", help="only this language")
    status.add_argument("--base", help="git ref to compare with: list the translations this change made outdated")

    diff = commands.add_parser("diff", help="English changes since the version a translation was made from")
    diff.add_argument("page", help="path inside the language folder, e.g. about.md")
    diff.add_argument("--lang", required=True)

    mark = commands.add_parser("mark-current", help="record that a translation now follows the current English page")
    mark.add_argument("page")
    mark.add_argument("--lang", required=True)

    minor = commands.add_parser("acknowledge-minor", help="after an English edit that changes no meaning (typo), keep current translations current")
    minor.add_argument("page")

    new = commands.add_parser("new", help="start a translation with front matter and the English heading ids in place")
    new.add_argument("page")
    new.add_argument("--lang", required=True)

    page = commands.add_parser("new-page", help="start a new English page with front matter and the house structure")
    page.add_argument("page", help="path inside docs/en/, e.g. risks/deepfakes.md")
    page.add_argument("--title", required=True, help="short page title")
    page.add_argument("--description", required=True, help="one plain sentence for search results and link previews")

    preview = commands.add_parser("preview", help="live preview of English and one language; reloads after each save")
    preview.add_argument("--lang", help="the other language to build (default: English only)")
    preview.add_argument("--dev-addr", default=contributor_cli.DEFAULT_ADDR, help="address:port to serve on (default: %(default)s)")
    preview.add_argument("--open", action="store_true", help="open the page in the browser")

    summary = commands.add_parser("pr-summary", help="Markdown summary of the last build for a pull request (from reports/)")
    summary.add_argument("--base", help="git ref the change is compared with, e.g. origin/main: list the translations it made outdated")
    summary.add_argument("--reports", type=Path, help="reports folder (default: reports/)")
    summary.add_argument("--links-only", action="store_true", help="only the link results (for the weekly link-check issue)")
    summary.add_argument("--output", type=Path, help="write to this file instead of printing")

    args = parser.parse_args(argv)
    try:
        return _dispatch(args)
    except ConfigError as exc:  # mkdocs.yml or a file it names is broken: usage error
        print(f"error: {exc}")
        return build.EXIT_USAGE


def _dispatch(args) -> int:
    if args.command == "validate" and args.files:
        return contributor_cli.validate_files(args.root, args.files)
    if args.command == "validate":
        return build.run_validate(args.root, args.lang)
    if args.command in contributor_cli.COMMANDS:
        return contributor_cli.run(args)
    if args.command == "links":
        from .links import main_links

        return main_links(args.root, args.site, args.external)
    if args.command == "pdfs":
        return build.run_pdfs(args.root, args.site)
    if args.command in (None, "build"):
        return build.run_build(args.root, getattr(args, "lang", None))
    return translator_cli.run(args)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. `| head`).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
