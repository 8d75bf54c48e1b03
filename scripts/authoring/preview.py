"""Live preview of English and one other language, rebuilt on every save.

``mkdocs serve`` builds all six languages on every change. While editing, one
language (plus English, its fallback source) is enough, and several times
faster. mkdocs.yml stays untouched: the loaded configuration is changed in
memory, the way ``python -m scripts build --lang`` does it, and strict mode is
off so a warning shows in the terminal instead of stopping the server.
"""

from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager

from ..core.config import Project
from ..outputs.mkdocs_build import restrict_languages

log = logging.getLogger("mkdocs.preview")


def serve(project: Project, lang: str, dev_addr: str = "127.0.0.1:8000", open_in_browser: bool = False) -> None:
    """Serve until Ctrl+C. Raises mkdocs.exceptions.ConfigurationError on a bad mkdocs.yml."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands import serve as mkdocs_serve

    _log_to_terminal()
    keep = {project.default, lang}
    watch = [str(project.notices_file)]
    with _patched(mkdocs_serve, keep):
        mkdocs_serve.serve(
            config_file=str(project.config_file), livereload=True, watch=watch,
            open_in_browser=open_in_browser, dev_addr=dev_addr, strict=False,
        )


@contextmanager
def _patched(module, keep: set[str]):
    """Wrap the config loader and the builder that ``mkdocs serve`` uses: fewer languages, timed rebuilds."""
    load, build = module.load_config, module.build

    def load_config(*args, **kwargs):
        mkdocs_config = load(*args, **kwargs)
        restrict_languages(mkdocs_config, keep)
        return mkdocs_config

    def timed_build(*args, **kwargs):
        began = time.monotonic()
        build(*args, **kwargs)
        log.info("Built %s in %.1f s", " + ".join(sorted(keep)), time.monotonic() - began)

    module.load_config, module.build = load_config, timed_build
    try:
        yield
    finally:
        module.load_config, module.build = load, build


def _log_to_terminal() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False

