"""The search index for a plain ``mkdocs build`` and every ``mkdocs serve`` or preview rebuild.

The build tool's pipeline indexes in a stage of its own (reported on its
own line); this hook does the same after any other build, so a preview has
search too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs import plugins

from scripts.hooks.context import site_context
from scripts.outputs.search import index_site


@plugins.event_priority(-200)  # after static-i18n has built every language
def on_post_build(*, config):
    context = site_context(config)
    if context.index_search and not getattr(config.plugins["i18n"], "building", False):
        for problem in index_site(context.project, Path(config.site_dir)).problems:
            logging.getLogger("mkdocs.plugins.search").warning(problem.message)  # a strict build fails on it
