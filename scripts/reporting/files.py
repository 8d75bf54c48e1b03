"""The report files every build writes (also when it fails), for CI and the pull-request summary."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.config import Project
from ..core.problems import Problem
from ..core.results import StageResult


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_json(stages: list[StageResult], exit_code: int) -> dict:
    return {"exit_code": exit_code, "stages": [stage.as_dict() for stage in stages]}


def build_markdown(stages: list[StageResult], exit_code: int) -> str:
    lines = ["# Build report", "", f"Exit code: **{exit_code}**", "", "| Stage | Status | Summary |", "|---|---|---|"]
    lines += [f"| {stage.name} | {stage.status} | {stage.summary} |" for stage in stages]
    problems = [problem for stage in stages for problem in stage.problems]
    if problems:
        lines += ["", "## Problems", ""]
        lines += [f"- `{problem}`" for problem in sorted(problems, key=Problem.sort_key)]
    return "\n".join(lines) + "\n"


def coverage_markdown(data, project: Project, made_outdated=None) -> str:
    """For a CI job summary or a pull-request comment."""
    lines = ["## Translation status", "", "| Language | Current | Outdated | Missing | Untracked | % current |", "|---|---|---|---|---|---|"]
    for lang in data.languages:
        c = data.counts(lang)
        lines.append(f"| {project.language(lang).name} (`{lang}`) | {c['current']} | {c['outdated']} | {c['missing']} | {c['untracked']} | {data.share_current(lang):.0%} |")
    if made_outdated is not None:
        lines += ["", "### Made outdated by this change", ""]
        lines += [f"- `{e.path}` — English `{e.source_path}` changed" for e in made_outdated] or ["None."]
    breaches = data.below_threshold
    if breaches:
        lines += ["", "### Below the thresholds in mkdocs.yml", ""]
        lines += [f"- `{problem.path}`: {problem.message}" for problem in breaches]
    return "\n".join(lines) + "\n"


def reading_level_json(report) -> dict:
    from dataclasses import asdict

    return {"target_flesch": report.goal, "pages": [asdict(level) for level in report.levels]}


def reading_level_markdown(report) -> str:
    goal = report.goal
    lines = [
        "# Reading level (English pages)",
        "",
        f"Flesch reading ease: higher is easier; the project aims for {goal:.0f} or more (see CONTRIBUTING.md).",
        "Information for writers, not a check: short sentences and everyday words raise the score.",
        "",
        "| Page | Words | Reading ease | Grade |",
        "|---|---:|---:|---:|",
    ]
    for level in sorted(report.levels, key=lambda item: item.flesch):
        mark = " ⚠" if level.flesch < goal else ""
        lines.append(f"| {level.page} | {level.words} | {level.flesch:.0f}{mark} | {level.grade:.1f} |")
    return "\n".join(lines) + "\n"
