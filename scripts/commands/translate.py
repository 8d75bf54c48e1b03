"""The translator commands: status, diff, mark-current, acknowledge-minor, new."""

from __future__ import annotations

from ..core.config import load_project
from ..core.exit_codes import Exit
from ..core.sources import read_sources
from ..i18n import translator
from ..i18n.coverage import coverage, outdated_by_change
from ..reporting import terminal


def _guarded(handler):
    def run(args) -> Exit:
        try:
            return handler(load_project(args.root), args)
        except translator.ToolError as exc:
            print(f"error: {exc}")
            return Exit.USAGE

    return run


@_guarded
def status(project, args) -> Exit:
    if args.lang and args.lang not in project.translated_codes:
        raise translator.ToolError(f"--lang {args.lang}: not a translated language in mkdocs.yml")
    data = coverage(project, read_sources(project, args.lang), args.lang)
    terminal.print_coverage(data)
    if args.base:
        terminal.print_outdated_by_change(outdated_by_change(project, data, args.base))
    return Exit.OK


@_guarded
def diff(project, args) -> Exit:
    text = translator.english_diff(project, args.page, args.lang)
    print(text if text else f"docs/{args.lang}/{args.page} is current: the English page has not changed since it was translated.")
    return Exit.OK


@_guarded
def mark_current(project, args) -> Exit:
    new_hash = translator.mark_current(project, args.page, args.lang)
    print(f"docs/{args.lang}/{args.page}: marked current (source_hash {new_hash}).")
    return Exit.OK


@_guarded
def acknowledge_minor(project, args) -> Exit:
    refreshed, left = translator.acknowledge_minor(project, args.page)
    for lang in refreshed:
        print(f"docs/{lang}/{args.page}: source_hash refreshed (was current before this edit)")
    for lang in left:
        print(f"docs/{lang}/{args.page}: left outdated (it was already behind before this edit)")
    if not refreshed and not left:
        print(f"{args.page}: no translations to refresh.")
    return Exit.OK


@_guarded
def new(project, args) -> Exit:
    path = translator.new_translation(project, args.page, args.lang)
    print(f"{project.relative(path)}: created; translate it, then run: python -m scripts mark-current {args.page} --lang {args.lang}")
    return Exit.OK
