"""Every page and template carries its Content-Security-Policy (``outputs.content_security``)."""

from __future__ import annotations

from mkdocs import plugins

from scripts.hooks.context import site_context
from scripts.outputs.content_security import fill


@plugins.event_priority(-100)  # last: after every other hook has changed the page
def on_post_page(output, *, page, config):
    return fill(output, site_context(config).project.policy.content_security_policy)


@plugins.event_priority(-100)
def on_post_template(output, *, template_name, config):
    return fill(output, site_context(config).project.policy.content_security_policy)
