"""Reads mkdocs.yml once, for every stage and for the MkDocs hook.

Languages come from the i18n plugin block, policies from ``extra.project``.
Nothing here duplicates a setting in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


class ConfigError(Exception):
    """mkdocs.yml (or a file it names) is missing or malformed: exit code 2."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    site_name: str
    default: bool = False
    rtl: bool = False


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    mkdocs_file: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    languages: tuple[Language, ...]
    policy: dict = field(default_factory=dict)
    notices: dict = field(default_factory=dict)

    @property
    def default_language(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    def language_of_site_path(self, path: str) -> str:
        """The language of a path inside the built site: 'ar/about/' is Arabic,
        'about/' (and a bare 'ar') the default language's."""
        first = path.split("/", 1)[0]
        if "/" in path and first in self.codes and first != self.default_language.code:
            return first
        return self.default_language.code

    def notice(self, key: str, lang: str, **values: str) -> str:
        text = self.notices[key].get(lang) or self.notices[key][self.default_language.code]
        return text.format(**values)


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml uses tags (!ENV, !!python/...) that only MkDocs resolves.

    We read plain settings, so any tagged value becomes None instead of code
    being imported or executed here.
    """


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read_yaml(path: Path, what: str) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} not found") from None
    try:
        data = yaml.load(text, Loader=_TolerantLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: {what} is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {what} must be a YAML mapping")
    return data


def _i18n_block(data: dict, path: Path) -> dict:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    raise ConfigError(f"{path}: no 'i18n' entry under 'plugins:'; the site needs mkdocs-static-i18n")


def load_config(root: Path | str = ".", mkdocs_file: str = "mkdocs.yml") -> ProjectConfig:
    root = Path(root).resolve()
    path = root / mkdocs_file
    data = _read_yaml(path, "MkDocs configuration")
    i18n = _i18n_block(data, path)
    if i18n.get("docs_structure") != "folder":
        raise ConfigError(f"{path}: plugins → i18n → docs_structure must be 'folder' (docs/<lang>/...)")

    languages = []
    for entry in i18n.get("languages") or []:
        if not isinstance(entry, dict) or not entry.get("locale") or not entry.get("name"):
            raise ConfigError(f"{path}: every i18n language needs 'locale' and 'name' (got {entry!r})")
        theme = entry.get("theme") or {}
        languages.append(
            Language(
                code=entry["locale"],
                name=entry["name"],
                site_name=entry.get("site_name") or data.get("site_name", ""),
                default=bool(entry.get("default")),
                rtl=theme.get("direction") == "rtl",
            )
        )
    if sum(lang.default for lang in languages) != 1:
        raise ConfigError(f"{path}: exactly one i18n language must have 'default: true'")

    policy = (data.get("extra") or {}).get("project") or {}
    notices = {}
    if policy.get("notices"):
        notices_path = root / policy["notices"]
        notices = _read_yaml(notices_path, "notice strings file")

    return ProjectConfig(
        root=root,
        mkdocs_file=path,
        docs_dir=root / data.get("docs_dir", "docs"),
        site_dir=root / data.get("site_dir", "site"),
        site_url=data.get("site_url") or "",
        languages=tuple(languages),
        policy=policy,
        notices=notices,
    )
