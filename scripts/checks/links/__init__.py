"""The link check of the built site: extract, the site as a server sees it, resolve, run, external."""
