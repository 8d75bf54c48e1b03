"""The translator subcommands: argument handling and messages, nothing else."""

from __future__ import annotations

from . import report, translator
from .config import load_config
from .translations import coverage, outdated_by_change

EXIT_OK, EXIT_USAGE = 0, 2


def run(args) -> int:
    try:
        config = load_config(args.root)
        return COMMANDS[args.command](config, args)
    except translator.ToolError as exc:
        print(f"error: {exc}")
        return EXIT_USAGE


def _status(config, args) -> int:
    if args.lang and (args.lang not in config.codes or args.lang == config.default_language.code):
        raise translator.ToolError(f"--lang {args.lang}: not a translated language in mkdocs.yml")
    data = coverage(config, args.lang)
    report.print_coverage(data, config)
    if args.base:
        report.print_outdated_by_change(outdated_by_change(config, data, args.base))
    return EXIT_OK


def _diff(config, args) -> int:
    text = translator.english_diff(config, args.page, args.lang)
    print(text if text else f"docs/{args.lang}/{args.page} is current: the English page has not changed since it was translated.")
    return EXIT_OK


def _mark_current(config, args) -> int:
    new_hash = translator.mark_current(config, args.page, args.lang)
    print(f"docs/{args.lang}/{args.page}: marked current (source_hash {new_hash}).")
    return EXIT_OK


def _acknowledge_minor(config, args) -> int:
    refreshed, left = translator.acknowledge_minor(config, args.page)
    for lang in refreshed:
        print(f"docs/{lang}/{args.page}: source_hash refreshed (was current before this edit)")
    for lang in left:
        print(f"docs/{lang}/{args.page}: left outdated (it was already behind before this edit)")
    if not refreshed and not left:
        print(f"{args.page}: no translations to refresh.")
    return EXIT_OK


def _new(config, args) -> int:
    path = translator.new_translation(config, args.page, args.lang)
    print(f"{path.relative_to(config.root)}: created; translate it, then run: python -m scripts mark-current {args.page} --lang {args.lang}")
    return EXIT_OK


COMMANDS = {
    "status": _status,
    "diff": _diff,
    "mark-current": _mark_current,
    "acknowledge-minor": _acknowledge_minor,
    "new": _new,
}
