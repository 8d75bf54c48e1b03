"""The pull-request comment and CI job summary, in Markdown, from the build reports.

Reads what the build wrote to ``reports/`` (``build.json``, ``links.json``,
``coverage.json``) and, given a base git ref, asks the translation code which
translations this change made outdated. Plain data in, one Markdown string out;
the command line prints it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..core.config import Project
from ..i18n.coverage import Coverage, Entry, outdated_by_change

# The pull-request workflow finds its earlier comment by this line and edits it.
MARKER = "<!-- ai-explained-pr-summary -->"
LINKS_MARKER = "<!-- ai-explained-link-check -->"
EXIT_MEANING = {
    0: "all checks passed",
    1: "content or link errors",
    2: "usage or environment error",
    3: "translation coverage below a threshold",
}


class ReportError(Exception):
    """A report the summary needs is missing or unreadable."""


@dataclass
class Reports:
    build: dict
    links: dict
    coverage: dict
    made_outdated: list[Entry] | None = None  # None: no base ref given
    problems: list[dict] = field(default_factory=list)  # errors of every stage, and coverage breaches


def read_reports(project: Project, reports_dir: Path, base: str | None = None) -> Reports:
    build = _read(reports_dir / "build.json")
    coverage_data = _read(reports_dir / "coverage.json")
    links_file = reports_dir / "links.json"
    links = _read(links_file) if links_file.is_file() else {"status": "skipped", "reason": "no links.json was written"}
    result = Reports(build, links, coverage_data)
    for stage in build.get("stages", []):
        result.problems += [dict(problem, stage=stage["name"]) for problem in stage.get("problems", []) if problem.get("severity") == "error"]
    result.problems += [dict(problem, stage="coverage") for problem in coverage_data.get("problems", []) if problem.get("severity") == "coverage"]
    if base:
        # The same question `python -m scripts status --base` answers, on the entries the build saw.
        result.made_outdated = outdated_by_change(project, Coverage.from_json(coverage_data), base)
    return result


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportError(f"{path}: not found; run the build first: python -m scripts build") from None
    except (OSError, ValueError) as exc:
        raise ReportError(f"{path}: cannot be read ({exc}); run the build again: python -m scripts build") from None


def pr_markdown(project: Project, reports: Reports) -> str:
    """The whole summary: headline, outdated translations, broken links, other problems, coverage."""
    lines = [MARKER, _headline(reports), ""]
    exit_code = reports.build.get("exit_code")
    lines.append(f"Build exit code {exit_code}: {EXIT_MEANING.get(exit_code, 'unknown')}.")
    lines += _outdated_section(reports.made_outdated)
    lines += _links_section(reports)
    lines += _other_problems_section(reports)
    lines += _coverage_section(project, reports.coverage)
    lines += _warnings_section(reports)
    return "\n".join(lines) + "\n"


def links_markdown(reports: Reports) -> str:
    """For the weekly external-link issue: the link results only."""
    broken = _link_problems(reports.links)
    summary = reports.links.get("summary") or {}
    errors = sum(1 for p in broken if p.get("severity") == "error")
    if reports.links.get("status") == "skipped":
        head = f"## ❌ Link check did not run: {reports.links.get('reason', 'no site was built')}"
    elif broken:
        head = f"## ❌ Link check: {_count(errors, 'broken link')}, {_count(len(broken) - errors, 'warning')}"
    else:
        head = "## ✅ Link check: all links work"
    lines = [LINKS_MARKER, head, ""]
    if summary:
        lines.append(f"{summary.get('pages', 0)} pages, {summary.get('links', 0)} links, {summary.get('distinct_external_urls', 0)} distinct external URLs checked.")
    if broken:
        lines += ["", "| Where | Problem |", "|---|---|"]
        lines += [f"| {_where(p)} | {_cell(_label(p) + p['message'])} |" for p in broken]
        lines += ["", "Fix the link in the Markdown file named, or replace it with an archived copy of the page, and close this issue when the check is clean."]
    return "\n".join(lines) + "\n"


def _headline(reports: Reports) -> str:
    count = len(reports.problems)
    outdated = len(reports.made_outdated or [])
    tail = f"; this change made {_count(outdated, 'translation')} outdated" if outdated else ""
    if count == 0 and reports.build.get("exit_code") == 0:
        return f"## ✅ Site check: all good{tail}"
    return f"## ❌ Site check: {_count(count, 'problem')}{tail}"


def _outdated_section(made: list[Entry] | None) -> list[str]:
    if made is None:
        return []
    lines = ["", "### Translations made outdated by this change", ""]
    if not made:
        return lines + ["None."]
    by_page: dict[str, list[str]] = {}
    for entry in made:
        by_page.setdefault(entry.source_path, []).append(entry.lang)
    lines += ["| English page | Languages |", "|---|---|"]
    lines += [f"| `{page}` | {', '.join(langs)} |" for page, langs in sorted(by_page.items())]
    first = made[0]
    lines += [
        "",
        "Intended when the English meaning changed: readers of those languages now see a notice. "
        "If the edit changes no meaning (a typo), run `python -m scripts acknowledge-minor PAGE` in this pull request. "
        f"Translators see what changed with `python -m scripts diff {first.page} --lang {first.lang}`.",
    ]
    return lines


def _link_problems(links: dict) -> list[dict]:
    return links.get("problems", []) if links.get("status") != "skipped" else []


def _links_section(reports: Reports) -> list[str]:
    lines = ["", "### Broken links", ""]
    if reports.links.get("status") == "skipped":
        return lines + [f"Not checked: {reports.links.get('reason', 'the site was not built')}."]
    problems = _link_problems(reports.links)
    if not problems:
        return lines + ["None."]
    lines += ["| Where | Problem |", "|---|---|"]
    return lines + [f"| {_where(p)} | {_cell(_label(p) + p['message'])} |" for p in problems]


def _warnings_section(reports: Reports) -> list[str]:
    warnings = [p for stage in reports.build.get("stages", []) for p in stage.get("problems", []) if p.get("severity") == "warning"]
    if not warnings:
        return []
    lines = ["", f"<details><summary>{_count(len(warnings), 'warning')} (not blocking)</summary>", "", "| Where | Warning |", "|---|---|"]
    return lines + [f"| {_where(p)} | {_cell(p['message'])} |" for p in warnings] + ["", "</details>"]


def _other_problems_section(reports: Reports) -> list[str]:
    other = [p for p in reports.problems if p["stage"] not in ("links", "coverage")]
    if not other:
        return []
    lines = ["", "### Other problems", "", "| Where | Problem |", "|---|---|"]
    return lines + [f"| {_where(p)} | {_cell(p['message'])} |" for p in sorted(other, key=lambda p: (p["path"], p.get("line") or 0))]


def _coverage_section(project: Project, coverage_data: dict) -> list[str]:
    breaches = {p["path"]: p["message"] for p in coverage_data.get("problems", []) if p.get("severity") == "coverage"}
    lines = [
        "", "### Translation coverage", "",
        "| Language | Current | Outdated | Missing | Untracked | % current | Required | |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for lang, counts in coverage_data.get("languages", {}).items():
        floor = project.policy.translations.floor(lang)
        ok = counts["share_current"] + 1e-9 >= floor and not any(path.startswith(f"docs/{lang}/") for path in breaches)
        name = project.language(lang).name if lang in project.codes else lang
        lines.append(
            f"| {name} (`{lang}`) | {counts['current']} | {counts['outdated']} | {counts['missing']} | {counts['untracked']} "
            f"| {counts['share_current']:.0%} | {floor:.0%} | {'✅' if ok else '❌'} |"
        )
    if breaches:
        lines += ["", "Below the thresholds in `mkdocs.yml`:", ""]
        lines += [f"- `{path}`: {_cell(message)}" for path, message in sorted(breaches.items())]
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _where(problem: dict) -> str:
    line = f":{problem['line']}" if problem.get("line") else ""
    return f"`{problem['path']}{line}`"


def _label(problem: dict) -> str:
    return "" if problem.get("severity", "error") == "error" else f"{problem['severity']}: "


def _cell(text: str) -> str:
    """Plain text in a Markdown table cell: no raw HTML, no column breaks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ")
