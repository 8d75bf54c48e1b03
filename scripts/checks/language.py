"""Is a translation really in its language?

An English copy saved under docs/fr/ would pass every structural check, so
two measures catch it: for languages with their own script (Arabic, Chinese,
Russian) the share of letters in that script; for languages written in Latin
letters, how much of the English word sequence the text repeats. Both look
at prose only: code, link targets, footnote definitions (source titles often
stay in their original language) and heading ids are left out.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from ..core.config import Project
from ..core.pages import SourcePage, blank_code

LEFTOVER = re.compile(r"<!--\s*English:")
NOT_PROSE = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"\]\([^)]*\)"),  # link destinations
    re.compile(r"\{\s*[:#.][^}]*\}"),  # attribute lists and heading ids
    re.compile(r"https?://\S+"),
    re.compile(r"^\[\^[^\]]+\]:.*$", re.M),  # footnote definitions
]
WORD = re.compile(r"[^\W\d_]+", re.U)


def untranslated_reason(english: SourcePage, translation: SourcePage, project: Project) -> str | None:
    settings = project.policy.translations.language_check
    leftover = LEFTOVER.search(translation.body)
    if leftover:
        line = translation.body_line + translation.body.count("\n", 0, leftover.start())
        return f"an English block from `python -m scripts new` is still in the file (line {line})"
    text = prose(translation.body)
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 40:
        return None  # too short to judge
    script = settings.scripts.get(translation.lang)
    if script:
        share = sum(1 for ch in letters if _unicode_name(ch).startswith(script)) / len(letters)
        if share < settings.min_script_share:
            return f"only {share:.0%} of its letters are in {script.title()} script (at least {settings.min_script_share:.0%} expected)"
        return None
    similarity = _similarity(prose(english.body), text, settings.max_similarity)
    if similarity > settings.max_similarity:
        return f"{similarity:.0%} of its wording matches the English page (at most {settings.max_similarity:.0%} expected)"
    return None


def prose(body: str) -> str:
    text = "\n".join(blank_code(body.split("\n")))
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return text


@cache
def _unicode_name(ch: str) -> str:
    return unicodedata.name(ch, "")


def _similarity(english: str, translated: str, limit: float) -> float:
    """Share of the English word sequence the translation repeats; exact
    whenever it could exceed ``limit``."""
    a = [word.lower() for word in WORD.findall(english)]
    b = [word.lower() for word in WORD.findall(translated)]
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # quick_ratio() is a cheap upper bound: a real translation shares few
    # words with the English, so the exact (quadratic) ratio is rarely needed.
    bound = matcher.quick_ratio()
    return bound if bound <= limit else matcher.ratio()
