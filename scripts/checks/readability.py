"""Reading level of the English pages: information for writers, not a gate.

Flesch reading ease (higher is easier; 60–70 is plain English) and the
Flesch-Kincaid grade, computed by textstat on the prose of each page: code,
tables, link targets, footnote definitions and front matter left out. The
formulas are made for English, so only the English source is measured.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from ..core.config import Project
from ..core.sources import SourceTree
from .language import prose

MARKUP = re.compile(r"^\s{0,3}(#{1,6}|[-*+]|\d+\.|>|!!!.*$|\|.*$)|[*_`\[\]]", re.M)


@dataclass(frozen=True)
class ReadingLevel:
    page: str  # docs/en/...
    words: int
    flesch: float  # reading ease
    grade: float  # Flesch-Kincaid grade


def reading_levels(project: Project, sources: SourceTree) -> list[ReadingLevel]:
    import textstat

    textstat.set_lang("en")
    levels = []
    for page in sources.of(project.default).values():
        text = plain_text(page.body)
        words = textstat.lexicon_count(text)
        if words < 100:
            continue  # too short for the formulas to mean anything
        levels.append(ReadingLevel(project.relative(page.path), words, round(textstat.flesch_reading_ease(text), 1), round(textstat.flesch_kincaid_grade(text), 1)))
    return levels


def plain_text(body: str) -> str:
    text = MARKUP.sub(" ", prose(body))
    # Lines of a paragraph are one sentence flow; blank lines end a block.
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return "\n".join(block if block.endswith((".", "?", "!", ":")) else block + "." for block in blocks if block)


@dataclass(frozen=True)
class ReadingReport:
    levels: list[ReadingLevel]
    goal: float  # target Flesch reading ease

    @property
    def summary(self) -> str:
        if not self.levels:
            return "no English pages long enough to measure"
        median = statistics.median(level.flesch for level in self.levels)
        harder = sum(1 for level in self.levels if level.flesch < self.goal)
        return f"median Flesch reading ease {median:.0f} (target {self.goal:.0f}+), {harder} of {len(self.levels)} pages harder"


def measure(project: Project, sources: SourceTree) -> ReadingReport:
    return ReadingReport(reading_levels(project, sources), float(project.policy.reading_level.target_flesch))
