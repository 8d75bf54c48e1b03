"""Checks on the sources and on the built site; each returns problems, never prints."""
