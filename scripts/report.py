"""The one place that turns stage results into output: terminal, JSON, Markdown."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem


@dataclass
class StageResult:
    name: str
    status: str  # "ok", "failed", "skipped"
    summary: str = ""
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)


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


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def build_report(stages: list[StageResult], exit_code: int) -> dict:
    return {
        "exit_code": exit_code,
        "stages": [
            {
                "name": stage.name,
                "status": stage.status,
                "summary": stage.summary,
                "problems": [problem.as_dict() for problem in stage.problems],
            }
            for stage in stages
        ],
    }


def build_markdown(stages: list[StageResult], exit_code: int) -> str:
    lines = ["# Build report", "", f"Exit code: **{exit_code}**", "", "| Stage | Status | Summary |", "|---|---|---|"]
    lines += [f"| {stage.name} | {stage.status} | {stage.summary} |" for stage in stages]
    problems = [problem for stage in stages for problem in stage.problems]
    if problems:
        lines += ["", "## Problems", ""]
        lines += [f"- `{problem}`" for problem in sorted(problems, key=Problem.sort_key)]
    return "\n".join(lines) + "\n"


def print_coverage(data, config, stream=None) -> None:
    """Language × status table, then the pages that need work."""
    from .translations import needs_work

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


def coverage_markdown(data, config, made_outdated=None) -> str:
    """For a CI job summary or a pull-request comment."""
    lines = ["## Translation status", "", "| Language | Current | Outdated | Missing | Untracked | % current |", "|---|---|---|---|---|---|"]
    for lang in data.languages:
        c = data.counts(lang)
        lines.append(f"| {config.language(lang).name} (`{lang}`) | {c['current']} | {c['outdated']} | {c['missing']} | {c['untracked']} | {data.share_current(lang):.0%} |")
    if made_outdated is not None:
        lines += ["", "### Made outdated by this change", ""]
        lines += [f"- `{e.path}` — English `{e.source_path}` changed" for e in made_outdated] or ["None."]
    breaches = data.below_threshold
    if breaches:
        lines += ["", "### Below the thresholds in mkdocs.yml", ""]
        lines += [f"- `{problem.path}`: {problem.message}" for problem in breaches]
    return "\n".join(lines) + "\n"
