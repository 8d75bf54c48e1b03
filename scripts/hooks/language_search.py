"""Search in the reader's language: each page points Material at its language's index.

static-i18n merges every language into one search index; after the whole
build it is split into ``<lang>/search/search_index.json``
(``outputs.search_index``), and each page's ``base`` in Material's
``__config`` points its search there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs import plugins

from scripts.hooks.context import site_context
from scripts.outputs.search_index import write_language_indexes

CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output, *, page, config):
    reading = page.file.locale_alternate_of
    if reading == site_context(config).project.default:
        return output
    match = CONFIG_SCRIPT.search(output)
    if not match:
        return output
    app = json.loads(match.group(2))
    app["base"] = f"{app['base'].rstrip('/')}/{reading}/"
    # Like Jinja's tojson: no "<", ">" or "&" that could end the <script>.
    text = json.dumps(app, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return output[: match.start(2)] + text + output[match.end(2):]


@plugins.event_priority(-200)  # after static-i18n has built every language and merged the index
def on_post_build(*, config):
    if not getattr(config.plugins["i18n"], "building", False):  # the outermost build: every language is done
        write_language_indexes(Path(config.site_dir), site_context(config).project)
