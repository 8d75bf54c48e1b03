"""Command line: ``python -m scripts <command>``; each subcommand has one handler in ``commands``.

Exit codes (``core.exit_codes.Exit``): 0 all good; 1 content or link errors;
2 usage or environment; 3 translation coverage below a threshold.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .commands import author, build, translate
from .core.config import ConfigError
from .core.exit_codes import Exit


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m scripts", description="Build and check the AI Explained site.")
    main.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current folder)")
    main.set_defaults(handler=build.build, lang=None)
    commands = main.add_subparsers(metavar="COMMAND")

    def command(name, handler, help):
        sub = commands.add_parser(name, help=help)
        sub.set_defaults(handler=handler)
        return sub

    site = command("build", build.build, "validate, build and check the whole site, then replace site/")
    site.add_argument("--lang", help="build only this language (plus English, its fallback) into site-LANG/, for editing")

    check = command("validate", build.check, "check the Markdown files only (front matter, headings, HTML, images)")
    check.add_argument("--lang", help="check only this language (plus English)")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE", help="check only these Markdown files (e.g. the ones you changed)")

    links = command("links", build.links, "check every link, anchor and asset in an already built site")
    links.add_argument("--site", type=Path, help="built site folder (default: site/)")
    links.add_argument("--external", action="store_true", help="also fetch external http(s) links (network; cached)")

    pdfs = command("pdfs", build.pdfs, "render the briefing PDFs into an already built site (cached by content)")
    pdfs.add_argument("--site", type=Path, help="built site folder (default: site/)")

    status = command("status", translate.status, "translation status per page and language")
    status.add_argument("--lang", help="only this language")
    status.add_argument("--base", help="git ref to compare with: list the translations this change made outdated")

    diff = command("diff", translate.diff, "English changes since the version a translation was made from")
    diff.add_argument("page", help="path inside the language folder, e.g. about.md")
    diff.add_argument("--lang", required=True)

    mark = command("mark-current", translate.mark_current, "record that a translation now follows the current English page")
    mark.add_argument("page")
    mark.add_argument("--lang", required=True)

    minor = command("acknowledge-minor", translate.acknowledge_minor, "after an English edit that changes no meaning (typo), keep current translations current")
    minor.add_argument("page")

    new = command("new", translate.new, "start a translation with front matter and the English heading ids in place")
    new.add_argument("page")
    new.add_argument("--lang", required=True)

    page = command("new-page", author.start_page, "start a new English page with front matter and the house structure")
    page.add_argument("page", help="path inside docs/en/, e.g. risks/deepfakes.md")
    page.add_argument("--title", required=True, help="short page title")
    page.add_argument("--description", required=True, help="one plain sentence for search results and link previews")

    preview = command("preview", author.preview, "live preview of English and one language; reloads after each save")
    preview.add_argument("--lang", help="the other language to build (default: English only)")
    preview.add_argument("--dev-addr", default=author.DEFAULT_ADDR, help="address:port to serve on (default: %(default)s)")
    preview.add_argument("--open", action="store_true", help="open the page in the browser")

    summary = command("pr-summary", author.pr_summary, "Markdown summary of the last build for a pull request (from reports/)")
    summary.add_argument("--base", help="git ref the change is compared with, e.g. origin/main: list the translations it made outdated")
    summary.add_argument("--reports", type=Path, help="reports folder (default: reports/)")
    summary.add_argument("--links-only", action="store_true", help="only the link results (for the weekly link-check issue)")
    summary.add_argument("--output", type=Path, help="write to this file instead of printing")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except ConfigError as exc:  # mkdocs.yml or a file it names is broken: usage error
        print(f"error: {exc}")
        return Exit.USAGE


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # Output piped into a command that stopped reading (e.g. `| head`).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
