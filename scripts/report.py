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
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0, p.message)):
        if problem.path != current:
            current = problem.path
            print(problem.path, file=stream)
        print(f"  {problem}", file=stream)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"\n{errors} error(s), {warnings} warning(s)", file=stream)


def print_summary(stages: list[StageResult], exit_code: int, stream=None) -> None:
    stream = stream or sys.stdout
    width = max(len(stage.name) for stage in stages) if stages else 5
    print("\nSummary", file=stream)
    for stage in stages:
        print(f"  {stage.name:<{width}}  {stage.status:<7}  {stage.summary}", file=stream)
    verdict = "site/ updated" if exit_code == 0 else "site/ left unchanged"
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
        lines += [f"- `{problem}`" for problem in sorted(problems)]
    return "\n".join(lines) + "\n"
