"""Output on the terminal: progress lines, problems grouped by file, the summary table."""

from __future__ import annotations

import sys

from ..core.problems import Problem
from ..core.results import StageResult
from ..i18n.coverage import needs_work


class Progress:
    """Plain progress lines: readable on a terminal and in CI logs alike."""

    def __init__(self, total: int, stream=None):
        self.total, self.count = total, 0
        self.stream = stream or sys.stdout

    def start(self, title: str) -> None:
        self.count += 1
        print(f"[{self.count}/{self.total}] {title} …", file=self.stream, flush=True)

    def done(self, stage: StageResult) -> None:
        mark = {"ok": "ok", "failed": "FAILED", "skipped": "skipped"}[stage.status]
        detail = f" — {stage.summary}" if stage.summary else ""
        print(f"      {mark}{detail} ({stage.seconds:.1f} s)", file=self.stream, flush=True)


def print_problems(problems: list[Problem], stream=None) -> None:
    """Grouped by file, in file and line order, a count at the end."""
    stream = stream or sys.stdout
    if not problems:
        return
    print(file=stream)
    current = None
    for problem in sorted(problems, key=Problem.sort_key):
        if problem.path != current:
            current = problem.path
            print(problem.path, file=stream)
        print(f"  {problem}", file=stream)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"\n{errors} error(s), {warnings} warning(s)", file=stream)


def print_summary(stages: list[StageResult], exit_code: int, site_name: str = "site", stream=None) -> None:
    stream = stream or sys.stdout
    width = max(len(stage.name) for stage in stages) if stages else 5
    print("\nSummary", file=stream)
    for stage in stages:
        print(f"  {stage.name:<{width}}  {stage.status:<7}  {stage.summary}", file=stream)
    verdict = f"{site_name}/ updated" if exit_code == 0 else f"{site_name}/ left unchanged"
    print(f"Exit code {exit_code}: {verdict}", file=stream)


def print_coverage(data, stream=None) -> None:
    """Language × status table, then the pages that need work."""
    stream = stream or sys.stdout
    columns = ("current", "outdated", "missing", "untracked", "orphan")
    print(f"{'lang':<6}" + "".join(f"{c:>11}" for c in columns) + f"{'%':>7}", file=stream)
    for lang in data.languages:
        counts = data.counts(lang)
        print(f"{lang:<6}" + "".join(f"{counts[c]:>11}" for c in columns) + f"{data.share_current(lang):>7.0%}", file=stream)
    work = needs_work(data)
    if work:
        print("\nPages that need work:", file=stream)
        for entry in work:
            print(f"  {entry.path}: {entry.status}" + (f" (English {entry.source_path}, {entry.english_words} words)" if entry.status != "orphan" else ""), file=stream)


def print_outdated_by_change(entries, stream=None) -> None:
    stream = stream or sys.stdout
    if not entries:
        print("\nThis change made no translation outdated.", file=stream)
        return
    print("\nThis change made these translations outdated:", file=stream)
    for entry in entries:
        print(f"  {entry.path} (English {entry.source_path} changed)", file=stream)
