"""The glossary page as data: terms, ids and one-sentence definitions.

``docs/<lang>/reference/glossary.md`` is the one source of truth. Each term is
a ``## Term (ABBR) { #id }`` heading whose first paragraph is one plain
sentence. The ``glossary_tooltips`` hook turns the terms into Python-Markdown
``abbr`` definitions appended to every page of the same language, so Material
shows the sentence as a tooltip wherever the term appears; validation uses the
ids to check links into the glossary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.pages import SourcePage, blank_code

TERM_HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*\{\s*#(?P<id>[a-z0-9-]+)\s*\}\s*$")
ABBREVIATION = re.compile(r"^(?P<term>.+?)\s*[(（](?P<abbr>[^()（）]+)[)）]$")
MARKUP = re.compile(r"[\[\]`*_<>|]|\]\(|\[\^")
MAX_WORDS = 40


@dataclass(frozen=True)
class Term:
    id: str
    term: str  # the heading text without the abbreviation
    abbreviation: str | None
    definition: str  # the first paragraph, one sentence
    line: int  # line of the heading in the glossary file


def read_terms(page: SourcePage) -> list[Term]:
    """Terms in the order they appear; ``Learn more`` and the like are not terms."""
    lines = list(page.body_lines())
    visible = blank_code([text for _, text in lines])
    terms = []
    for index, text in enumerate(visible):
        match = TERM_HEADING.match(text)
        if not match or match.group("id") == "learn-more":
            continue
        heading = match.group("text").strip()
        abbreviated = ABBREVIATION.match(heading)
        term, abbreviation = (abbreviated.group("term"), abbreviated.group("abbr").strip()) if abbreviated else (heading, None)
        terms.append(Term(match.group("id"), term.strip(), abbreviation, _first_paragraph(visible, index + 1), lines[index][0]))
    return terms


def definition_problems(term: Term) -> list[str]:
    """What makes a term's first paragraph unfit as a tooltip."""
    if not term.definition:
        return ["has no definition; write one plain sentence right under the heading"]
    problems = []
    if MARKUP.search(term.definition):
        problems.append("first paragraph has links or formatting; the tooltip shows plain text, so keep the first sentence plain and put links in a later paragraph")
    if len(term.definition.split()) > MAX_WORDS:
        problems.append(f"first paragraph has {len(term.definition.split())} words; keep the definition to one sentence of at most {MAX_WORDS} words")
    return problems


def tooltip_lines(terms: list[Term], lang: str, single_words: frozenset[str] = frozenset(), no_tooltip: frozenset[str] = frozenset()) -> list[str]:
    """``*[surface]: definition`` lines for Python-Markdown's abbr extension.

    Abbreviations and multi-word terms get tooltips; single common words
    ("model", "bias") would underline half of every page, so they only do
    when their id is in ``single_words``; ids in ``no_tooltip`` never do.
    """
    seen, lines = set(), []
    for term in terms:
        if term.id in no_tooltip:
            continue
        surfaces = []
        if term.abbreviation:
            surfaces.append(term.abbreviation)
        if len(term.term.split()) > 1 or term.id in single_words:
            surfaces += _word_forms(term.term, lang)
        definition = " ".join(term.definition.split())
        for surface in surfaces:
            if surface not in seen:
                seen.add(surface)
                lines.append(f"*[{surface}]: {definition}")
    return lines


def _word_forms(term: str, lang: str) -> list[str]:
    forms = [term]
    first = term.split()[0]
    if first[:1].isupper() and not first.isupper() and not first[1:2].isupper():
        forms.append(term[0].lower() + term[1:])  # "Foundation model" is mostly written "foundation model"
    if lang == "en" and not term.endswith("s"):
        forms += [form + "s" for form in list(forms)]  # regular English plurals only
    return forms


def _first_paragraph(visible: list[str], start: int) -> str:
    paragraph = []
    for text in visible[start:]:
        if not text.strip():
            if paragraph:
                break
            continue
        if text.lstrip().startswith(("#", "!!!", "|", "- ", "* ", "[^")):
            break
        paragraph.append(text.strip())
    return " ".join(paragraph)
