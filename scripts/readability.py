"""Reading level of the English pages: information for writers, not a gate.

Flesch reading ease (higher is easier; 60–70 is plain English) and the
Flesch-Kincaid grade, computed by textstat on the prose of each page: code,
tables, link targets, footnote definitions and front matter left out. The
formulas are made for English, so only the English source is measured.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import asdict, dataclass

from .config import ProjectConfig
from .language_check import prose
from .pages import read_pages

MARKUP = re.compile(r"^\s{0,3}(#{1,6}|[-*+]|\d+\.|>|!!!.*$|\|.*$)|[*_`\[\]]", re.M)


@dataclass(frozen=True)
class ReadingLevel:
    page: str  # docs/en/...
    words: int
    flesch: float  # reading ease
    grade: float  # Flesch-Kincaid grade


def reading_levels(config: ProjectConfig) -> list[ReadingLevel]:
    import textstat

    textstat.set_lang("en")
    levels = []
    for page in read_pages(config.docs_dir, config.default_language.code).values():
        text = plain_text(page.body)
        words = textstat.lexicon_count(text)
        if words < 100:
            continue  # too short for the formulas to mean anything
        levels.append(ReadingLevel(f"docs/{page.lang}/{page.rel}", words, round(textstat.flesch_reading_ease(text), 1), round(textstat.flesch_kincaid_grade(text), 1)))
    return levels


def plain_text(body: str) -> str:
    text = MARKUP.sub(" ", prose(body))
    # Lines of a paragraph are one sentence flow; blank lines end a block.
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return "\n".join(block if block.endswith((".", "?", "!", ":")) else block + "." for block in blocks if block)


def target(config: ProjectConfig) -> float:
    return float((config.policy.get("reading_level") or {}).get("target_flesch", 50))


def summary_line(levels: list[ReadingLevel], goal: float) -> str:
    if not levels:
        return "no English pages long enough to measure"
    median = statistics.median(level.flesch for level in levels)
    harder = sum(1 for level in levels if level.flesch < goal)
    return f"median Flesch reading ease {median:.0f} (target {goal:.0f}+), {harder} of {len(levels)} pages harder"


def as_json(levels: list[ReadingLevel], goal: float) -> dict:
    return {"target_flesch": goal, "pages": [asdict(level) for level in levels]}


def as_markdown(levels: list[ReadingLevel], goal: float) -> str:
    lines = [
        "# Reading level (English pages)",
        "",
        f"Flesch reading ease: higher is easier; the project aims for {goal:.0f} or more (see CONTRIBUTING.md).",
        "Information for writers, not a check: short sentences and everyday words raise the score.",
        "",
        "| Page | Words | Reading ease | Grade |",
        "|---|---:|---:|---:|",
    ]
    for level in sorted(levels, key=lambda item: item.flesch):
        mark = " ⚠" if level.flesch < goal else ""
        lines.append(f"| {level.page} | {level.words} | {level.flesch:.0f}{mark} | {level.grade:.1f} |")
    return "\n".join(lines) + "\n"
