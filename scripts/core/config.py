"""mkdocs.yml, loaded once with MkDocs' own loader, as the project every stage reads.

Languages come from static-i18n's validated plugin configuration, the site
policy from ``extra.project`` validated by ``policy.Policy``. The MkDocs hooks
build the same ``Project`` from the configuration MkDocs hands them, so
there is one reading of mkdocs.yml per build, not one per module.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .policy import Policy
from .site_paths import SitePaths


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
class Project:
    root: Path
    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    use_directory_urls: bool
    languages: tuple[Language, ...]
    policy: Policy
    notices: dict
    notices_file: Path
    nav: list = field(default_factory=list, compare=False)  # mkdocs.yml's nav, as written
    # The site's own Markdown configuration, for rendering a page outside a build.
    markdown_extensions: list = field(default_factory=list, compare=False)
    mdx_configs: dict = field(default_factory=dict, compare=False)

    @property
    def default_language(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def default(self) -> str:
        return self.default_language.code

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    @property
    def translated_codes(self) -> list[str]:
        return [code for code in self.codes if code != self.default]

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    @cached_property
    def paths(self) -> SitePaths:
        return SitePaths(self.default, tuple(self.codes), self.use_directory_urls, self.site_url)

    def notice(self, key: str, lang: str, **values: str) -> str:
        text = self.notices[key].get(lang) or self.notices[key][self.default]
        return text.format(**values)

    def relative(self, path: Path) -> str:
        """A path as problems name it: relative to the repository root, forward slashes.

        A symbolic link is named by where it is, not where it points.
        """
        for candidate, root in ((Path(os.path.abspath(path)), Path(os.path.abspath(self.root))), (path.resolve(), self.root.resolve())):
            try:
                return candidate.relative_to(root).as_posix()
            except ValueError:
                continue
        return path.as_posix()


def load_mkdocs_config(config_file: Path, **overrides):
    """MkDocs' validated configuration (plugins and hooks loaded, nothing built)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is not about our site
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    if not config_file.is_file():
        raise ConfigError(f"{config_file}: MkDocs configuration not found")
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # "Config value ..." warnings are reported by the build
    try:
        return load_config(str(config_file), **{key: str(value) for key, value in overrides.items()})
    except ConfigurationError as exc:
        raise ConfigError(f"{_name(config_file)}: mkdocs.yml is not valid: {' '.join(str(exc).split())}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{_name(config_file)}{line}: MkDocs configuration is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    finally:
        logger.setLevel(level)


def project_from_mkdocs(mkdocs_config, root: Path | None = None) -> Project:
    """The project as the build tool sees it, from MkDocs' configuration object."""
    config_file = Path(mkdocs_config.config_file_path).resolve()
    root = (root or config_file.parent).resolve()
    i18n = mkdocs_config.plugins.get("i18n")
    if i18n is None:
        raise ConfigError(f"{_name(config_file)}: no 'i18n' entry under 'plugins:'; the site needs mkdocs-static-i18n")
    if i18n.config.docs_structure != "folder":
        raise ConfigError(f"{_where(config_file, ['plugins'])}: plugins → i18n → docs_structure must be 'folder' (docs/<lang>/...)")
    languages = tuple(
        Language(
            code=entry.locale,
            name=entry.name,
            site_name=entry.site_name or mkdocs_config.site_name,
            default=bool(entry.default),
            rtl=(entry.theme or {}).get("direction") == "rtl",
        )
        for entry in i18n.config.languages
    )
    if sum(lang.default for lang in languages) != 1:
        raise ConfigError(f"{_name(config_file)}: exactly one i18n language must have 'default: true'")
    policy = _policy((mkdocs_config.extra or {}).get("project") or {}, config_file, [lang.code for lang in languages])
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=Path(mkdocs_config.docs_dir).resolve(),
        site_dir=Path(mkdocs_config.site_dir).resolve(),
        site_url=mkdocs_config.site_url or "",
        use_directory_urls=bool(mkdocs_config.use_directory_urls),
        languages=languages,
        policy=policy,
        notices=_read_notices(config_file.parent / policy.notices, root),
        notices_file=(config_file.parent / policy.notices).resolve(),
        nav=list(mkdocs_config.nav or []),
        markdown_extensions=list(mkdocs_config.markdown_extensions),
        mdx_configs=dict(mkdocs_config.mdx_configs),
    )


def load_project(root: Path | str = ".", config_file: Path | str | None = None, **overrides) -> Project:
    root = Path(root).resolve()
    config_file = Path(config_file).resolve() if config_file else root / "mkdocs.yml"
    return project_from_mkdocs(load_mkdocs_config(config_file, **overrides), root)


def _policy(raw: dict, config_file: Path, codes: list[str]) -> Policy:
    policy = Policy(config_file_path=str(config_file))
    if not isinstance(raw, dict):
        raise ConfigError(f"{_where(config_file, ['extra', 'project'])}: extra.project must be a mapping of settings")
    policy.load_dict(raw)
    failed, warnings = policy.validate()
    # An unknown key is most often a misspelt one: an error, not a warning.
    for key, message in failed + warnings:
        path, message = _key_path(key, str(message))
        raise ConfigError(f"{_where(config_file, ['extra', 'project', *path])}: extra.project.{'.'.join(path)}: {message}")
    languages = {"*", *codes}
    checks = [
        (["translations", "min_current"], policy.translations.min_current),
        (["translations", "language_check", "scripts"], policy.translations.language_check.scripts),
    ]
    for path, mapping in checks:
        for code in mapping:
            if code not in languages:
                raise ConfigError(
                    f"{_where(config_file, ['extra', 'project', *path, code])}: extra.project.{'.'.join(path)}: "
                    f'"{code}" is not a language in plugins → i18n → languages (choose from {", ".join(codes)})'
                )
    return policy


SUB_OPTION = re.compile(r"^Sub-option '([^']+)': ")
UNRECOGNISED = re.compile(r"^Unrecognised configuration name: (\S+)")


def _key_path(key: str, message: str) -> tuple[list[str], str]:
    """MkDocs nests sub-config errors as "Sub-option 'x': ..."; unfold them into a key path."""
    path = [key]
    while match := SUB_OPTION.match(message):
        path.append(match.group(1))
        message = message[match.end():]
    if match := UNRECOGNISED.match(message):
        return path + ([match.group(1)] if match.group(1) != path[-1] else []), "unknown setting; check the spelling against scripts/core/policy.py"
    if path[-1] == key and message.startswith("Unrecognised"):
        return path, "unknown setting; check the spelling against scripts/core/policy.py"
    return path, message


def _read_notices(path: Path, root: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise ConfigError(f"{_relative(path, root)}: notice strings file not found (extra.project.notices in mkdocs.yml)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{_relative(path, root)}{line}: notice strings file is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{_relative(path, root)}: notice strings file must be a YAML mapping")
    return data


def _where(config_file: Path, keys: list[str]) -> str:
    """``file:line`` of the deepest of ``keys`` in mkdocs.yml (or the file it INHERITs), for error messages."""
    from mkdocs.utils.yaml import get_yaml_loader

    for path in _inheritance(config_file):
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"), Loader=get_yaml_loader())
        except (OSError, yaml.YAMLError):
            continue
        line = None
        for key in keys:
            if not isinstance(node, yaml.MappingNode):
                break
            found = next(((k, v) for k, v in node.value if k.value == key), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        if line:
            return f"{path.name}:{line}"
    return config_file.name


def _inheritance(config_file: Path) -> list[Path]:
    files = [config_file]
    try:
        match = re.search(r"^INHERIT:\s*(\S+)", config_file.read_text(encoding="utf-8"), re.M)
    except OSError:
        match = None
    if match:
        files.append((config_file.parent / match.group(1).strip("'\"")).resolve())
    return files


def _name(config_file: Path) -> str:
    return config_file.name


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name if path.name == "mkdocs.yml" else path.as_posix()
