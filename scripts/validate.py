"""Content validation: every Markdown file in every language folder.

Each problem is one ``path:line: message`` with how to fix it; all problems are
collected, not only the first.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import glossary
from .config import ProjectConfig
from .language_check import untranslated_reason
from .pages import PageError, SourcePage, blank_code, iter_markdown, read_page
from .problems import Problem, relative

# A folder name that looks like a language code (as static-i18n guesses them).
LOCALE_FOLDER = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
HEADING_ID = re.compile(r"\{\s*:?\s*#([^\s}]+)[^}]*\}\s*$")
ANY_ID = re.compile(r"\{\s*:?[^}]*?#([^\s}]+)[^}]*\}")
GOOD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
LINK_TARGET = re.compile(r"\]\(\s*<?\s*(?P<url>[^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(?P<ref>\S+?)>?(?:\s|$)")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
KNOWN_KEYS = {"title", "description", "last_reviewed", "status_as_of", "sources", "type", "translation", "hide", "version"}
PAGE_TYPES = {"briefing"}
# A web address written out in running text, after link targets are removed.
BARE_URL = re.compile(r"<?\bhttps?://[^\s)>\]]+")
LINK_DESTINATION = re.compile(r"\]\(\s*<?[^)\s>]*>?(?:\s+[\"'][^)]*[\"'])?\s*\)|^\s{0,3}\[[^\]]+\]:\s*\S+")


def validate(config: ProjectConfig, only_lang: str | None = None, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    problems = _check_folders(config) + _check_notices(config)
    default = config.default_language.code
    for lang in config.codes:
        if only_lang and lang not in (only_lang, default):
            continue
        for path in iter_markdown(config.docs_dir, lang):
            problems += validate_file(path, config, today)
    return sorted(problems, key=Problem.sort_key)


def validate_file(path: Path, config: ProjectConfig, today: dt.date) -> list[Problem]:
    where = relative(path, config.root)
    try:
        page = read_page(path, config.docs_dir)
    except PageError as exc:
        return [Problem(where, exc.line, exc.message)]
    checker = _PageChecker(page, where, config, today)
    checker.front_matter()
    checker.body()
    checker.translated()
    return checker.problems


def _check_folders(config: ProjectConfig) -> list[Problem]:
    problems = []
    if not config.docs_dir.is_dir():
        return [Problem(relative(config.docs_dir, config.root), None, "docs folder not found; create it or fix docs_dir in mkdocs.yml")]
    declared = set(config.codes)
    for child in sorted(config.docs_dir.iterdir()):
        where = relative(child, config.root)
        if child.is_dir() and LOCALE_FOLDER.match(child.name) and child.name not in declared:
            problems.append(Problem(where + "/", None, f'language folder "{child.name}" is not declared in mkdocs.yml; add it under plugins → i18n → languages, or rename the folder'))
        elif child.is_file() and child.suffix == ".md":
            problems.append(Problem(where, None, f"page outside a language folder; move it to {relative(config.docs_dir, config.root)}/{config.default_language.code}/{child.name}"))
    for lang in config.codes:
        if not (config.docs_dir / lang).is_dir():
            problems.append(Problem(f"{relative(config.docs_dir, config.root)}/{lang}/", None, f'language "{lang}" is declared in mkdocs.yml but has no folder; create it with at least index.md'))
    return problems


def _check_notices(config: ProjectConfig) -> list[Problem]:
    notices_file = config.policy.get("notices")
    problems = []
    for key, texts in config.notices.items():
        missing = [code for code in config.codes if not (isinstance(texts, dict) and texts.get(code))]
        if missing:
            problems.append(Problem(notices_file, None, f'notice "{key}" has no text for {", ".join(missing)}; add a translation for each language'))
            continue
        expected = set(PLACEHOLDER.findall(texts[config.default_language.code]))
        for code in config.codes:
            found = set(PLACEHOLDER.findall(texts[code]))
            if found != expected:
                want = ", ".join(sorted(expected)) or "none"
                problems.append(Problem(notices_file, None, f'notice "{key}" ({code}) must use the placeholders {want} exactly as in English (found {", ".join(sorted(found)) or "none"})'))
    return problems


class _PageChecker:
    def __init__(self, page: SourcePage, where: str, config: ProjectConfig, today: dt.date):
        self.page, self.where, self.config, self.today = page, where, config, today
        self.is_source = page.lang == config.default_language.code
        self.problems: list[Problem] = []
        self.glossary_settings = glossary.GlossarySettings.from_config(config)
        self._glossary_ids: set[str] | None = None

    def report(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.where, line, message))

    # -- front matter -------------------------------------------------------
    def front_matter(self) -> None:
        meta, lines = self.page.meta, self.page.meta_lines
        if not meta:
            fields = ", ".join(self._required())
            self.report(1, f"no front matter; start the file with a '---' block that sets {fields}")
            return
        for key in meta:
            if key not in KNOWN_KEYS:
                self.report(lines.get(key), f'unknown front-matter key "{key}"; known keys are {", ".join(sorted(KNOWN_KEYS))}')
        for key in self._required():
            if key not in meta or meta[key] in (None, ""):
                self.report(1, f'front matter lacks "{key}"; add "{key}: ..." between the --- lines')
        for key in ("title", "description"):
            if key in meta and meta[key] not in (None, "") and not isinstance(meta[key], str):
                self.report(lines.get(key), f'"{key}" must be text; put it in quotes')
        for key in ("last_reviewed", "status_as_of"):
            if key in meta and meta[key] not in (None, ""):
                self._check_date(key, meta[key], lines.get(key))
        if "type" in meta and meta["type"] not in PAGE_TYPES:
            self.report(lines.get("type"), f'type "{meta["type"]}" is not known; use one of {", ".join(sorted(PAGE_TYPES))} or remove it')
        if "sources" in meta:
            self._check_sources(meta["sources"], lines.get("sources"))
        if "translation" in meta:
            self._check_translation_record(meta["translation"], lines.get("translation"))

    def _check_translation_record(self, record, line) -> None:
        if self.is_source:
            self.report(line, '"translation" belongs in translations only; remove it from the English page')
            return
        how = "run: python -m scripts mark-current PAGE --lang LANG to write it"
        if not isinstance(record, dict):
            self.report(line, f'"translation" must hold source_hash and translated; {how}')
            return
        if not re.fullmatch(r"[0-9a-f]{12}", str(record.get("source_hash") or "")):
            self.report(line, f'"translation.source_hash" must be the 12-character hash of the English page; {how}')
        translated = record.get("translated")
        if translated is not None and (not isinstance(translated, dt.date) or translated > self.today):
            self.report(line, f'"translation.translated" must be a past date written YYYY-MM-DD (got {translated!r})')

    def _required(self) -> list[str]:
        policy = self.config.policy
        required = list(policy.get("required_front_matter") or ["title", "description"])
        if not self.is_source:
            # A translation inherits review date, sources and type from its English source.
            return [key for key in required if key in ("title", "description")]
        for folder, keys in (policy.get("required_front_matter_by_folder") or {}).items():
            if self.page.rel.startswith(folder):
                required += [key for key in keys if key not in required]
        page_type = self.page.meta.get("type") if self.page.meta else None
        for key in (policy.get("required_front_matter_by_type") or {}).get(page_type, []):
            if key not in required:
                required.append(key)
        return required

    def _check_date(self, key, value, line) -> None:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            self.report(line, f'"{key}" must be a date written YYYY-MM-DD (got {value!r})')
        elif value > self.today:
            self.report(line, f'"{key}" is {value.isoformat()}, a date in the future; use the day the facts were actually checked')

    def _check_sources(self, sources, line) -> None:
        if not isinstance(sources, list) or not sources:
            self.report(line, '"sources" must be a list of entries, each with "title" and "url"')
            return
        for index, entry in enumerate(sources):
            at = self.page.source_lines[index] if index < len(self.page.source_lines) else line
            if not isinstance(entry, dict):
                self.report(at, f"source {index + 1} must have 'title:' and 'url:' lines")
                continue
            for key in ("title", "url"):
                if not isinstance(entry.get(key), str) or not entry[key].strip():
                    self.report(at, f'source {index + 1} lacks "{key}"')
            url = entry.get("url")
            if isinstance(url, str) and urlsplit(url).scheme not in ("http", "https"):
                self.report(at, f'source {index + 1} url "{url}" must start with https:// (or http://)')
            if "date" in entry and not isinstance(entry["date"], dt.date):
                self.report(at, f'source {index + 1} "date" must be written YYYY-MM-DD')
            unknown = set(entry) - {"title", "publisher", "url", "date"}
            if unknown:
                self.report(at, f'source {index + 1} has unknown keys {", ".join(sorted(unknown))}; use title, publisher, url, date')

    # -- body ---------------------------------------------------------------
    def body(self) -> None:
        numbered = list(self.page.body_lines())
        visible = blank_code([text for _, text in numbered])
        seen_ids: dict[str, int] = {}
        previous = ""
        for (number, _), text in zip(numbered, visible):
            self._heading(number, text, previous, seen_ids)
            self._images(number, text)
            self._link_schemes(number, text)
            self._bare_urls(number, text)
            self._glossary_links(number, text)
            previous = text
        self._raw_html(numbered, visible)
        if self.page.rel == self.glossary_settings.page:
            self._glossary_entries()

    def _bare_urls(self, number, text) -> None:
        for match in BARE_URL.finditer(LINK_DESTINATION.sub("", text)):
            url = match.group(0).lstrip("<")
            self.report(number, f'web address written out in the text ({url}); make it a link with words a reader understands: [name of the document]({url})')

    def _glossary_links(self, number, text) -> None:
        for match in LINK_TARGET.finditer(text):
            target = urlsplit((match.group("url") or match.group("ref") or "").strip())
            if target.scheme or not target.fragment or not target.path.endswith(".md"):
                continue
            resolved = (self.page.path.parent / unquote(target.path)).resolve()
            if resolved != (self.config.docs_dir / self.page.lang / self.glossary_settings.page).resolve():
                continue
            ids = self._glossary_term_ids()
            if ids and target.fragment not in ids:
                glossary_file = f"docs/{self.config.default_language.code}/{self.glossary_settings.page}"
                self.report(number, f'"{target.fragment}" is not a term in the glossary; link to a defined term or add "## Term {{ #{target.fragment} }}" with a one-sentence definition to {glossary_file}')

    def _glossary_term_ids(self) -> set[str]:
        if self._glossary_ids is None:
            terms = glossary.load_terms(self.config, self.page.lang) or glossary.load_terms(self.config, self.config.default_language.code)
            self._glossary_ids = {term.id for term in terms}
        return self._glossary_ids

    def _glossary_entries(self) -> None:
        for term in glossary.read_terms(self.page):
            for message in glossary.definition_problems(term):
                self.report(term.line, f'glossary term "{term.term}" {message}')

    # -- translation --------------------------------------------------------
    def translated(self) -> None:
        """A translation must be in its language, not a copy of the English."""
        if self.is_source:
            return
        english = self.config.docs_dir / self.config.default_language.code / self.page.rel
        if not english.is_file():
            return
        try:
            source = read_page(english, self.config.docs_dir)
        except PageError:
            return
        reason = untranslated_reason(source, self.page, self.config)
        if reason:
            self.report(self.page.body_line, f"this does not look translated: {reason}; translate the text (or delete the file, and readers get the English page with a notice)")

    def _heading(self, number, text, previous, seen_ids) -> None:
        match = ATX_HEADING.match(text)
        if match and len(match.group(1)) in (2, 3):
            content = match.group(2) or ""
            id_match = HEADING_ID.search(content)
            if not id_match:
                slug = _suggest_id(content)
                self.report(number, f"heading has no explicit id; end it with {{ #{slug} }} (the English page's id, in a translation)")
            elif not GOOD_ID.match(id_match.group(1)):
                self.report(number, f'heading id "{id_match.group(1)}" must be lowercase ASCII words joined by hyphens, e.g. {{ #{_suggest_id(id_match.group(1))} }}')
        elif SETEXT_UNDERLINE.match(text) and previous.strip() and not previous.lstrip().startswith(("-", "*", "|", ">")):
            self.report(number, "underlined (setext) heading; write it as '## Title { #id }' instead")
        for found in ANY_ID.finditer(text):
            anchor = found.group(1)
            if anchor in seen_ids:
                self.report(number, f'id "{anchor}" is used twice on this page (first on line {seen_ids[anchor]}); ids must be unique')
            else:
                seen_ids[anchor] = number

    def _images(self, number, text) -> None:
        for match in IMAGE.finditer(text):
            self._image(number, match.group("src"), match.group("alt"))

    def _image(self, number, src, alt) -> None:
        if not (alt or "").strip():
            self.report(number, f'image "{src}" has no alt text; describe it inside the brackets: ![what it shows]({src})')
        parts = urlsplit(src)
        if parts.scheme or src.startswith("//"):
            self.report(number, f'image "{src}" is loaded from another host; store it in the repository (the site loads nothing from other hosts)')
            return
        if not parts.path:
            return
        if not self._asset_exists(unquote(parts.path)):
            self.report(number, f'image "{src}" does not exist; check the file name and path (relative to this page)')

    def _asset_exists(self, target: str) -> bool:
        docs = self.config.docs_dir
        if target.startswith("/"):
            candidates = [docs / target.lstrip("/")]
        else:
            here = self.page.path.parent
            in_lang = (here / target).resolve()
            candidates = [in_lang]
            lang_root = (docs / self.page.lang).resolve()
            try:
                inside = in_lang.relative_to(lang_root)
                # Like static-i18n: fall back to the English copy, then to a shared asset.
                candidates += [docs / self.config.default_language.code / inside, docs / inside]
            except ValueError:
                pass
        return any(candidate.is_file() for candidate in candidates)

    def _link_schemes(self, number, text) -> None:
        for match in LINK_TARGET.finditer(text):
            url = (match.group("url") or match.group("ref") or "").strip().lower()
            if url.startswith(UNSAFE_SCHEMES):
                self.report(number, f'link to "{url.split(":")[0]}:" URL is not allowed; link to a page or an https:// address')

    def _raw_html(self, numbered, visible) -> None:
        forbidden = set(self.config.policy.get("forbidden_html_tags") or [])
        scanner = _HtmlScanner(forbidden)
        scanner.feed("\n".join(visible))
        scanner.close()
        first = numbered[0][0] if numbered else self.page.body_line
        for offset, message in scanner.findings:
            self.report(first + offset - 1, message)
        for offset, src, alt in scanner.images:
            self._image(first + offset - 1, src, alt)


class _HtmlScanner(HTMLParser):
    """Finds raw HTML a pull request must not bring into a public site."""

    def __init__(self, forbidden: set[str]):
        super().__init__(convert_charrefs=True)
        self.forbidden = forbidden
        self.findings: list[tuple[int, str]] = []
        self.images: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in self.forbidden:
            self.findings.append((line, f"raw <{tag}> is not allowed in page content; remove it (use Markdown, or ask a maintainer to add a template feature)"))
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append((line, f'event handler attribute "{name}" on <{tag}> is not allowed; remove it'))
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(UNSAFE_SCHEMES):
                self.findings.append((line, f'<{tag} {name}="{value.split(":")[0]}:..."> is not allowed; link to a page or an https:// address'))
        if tag == "img":
            values = dict(attrs)
            self.images.append((line, values.get("src") or "", values.get("alt") or ""))

    handle_startendtag = handle_starttag


def _suggest_id(text: str) -> str:
    text = HEADING_ID.sub("", text)
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "section-id"
