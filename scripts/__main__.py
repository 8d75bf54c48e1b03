"""Command line: ``python -m scripts <command>``.

Exit codes: 0 all good; 1 content or link errors; 2 usage or environment;
3 translation coverage below a threshold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Build and check the AI Explained site.")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root (default: current folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    site = commands.add_parser("build", help="validate, build and check the whole site, then replace site/")
    site.add_argument("--lang", help="build only this language (plus English, its fallback) into site-LANG/, for editing")

    check = commands.add_parser("validate", help="check the Markdown files only (front matter, headings, HTML, images)")
    check.add_argument("--lang", help="check only this language (plus English)")

    args = parser.parse_args(argv)
    if args.command == "validate":
        return build.run_validate(args.root, args.lang)
    if args.command in (None, "build"):
        return build.run_build(args.root, getattr(args, "lang", None))
    parser.error(f"unknown command {args.command}")
    return build.EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
