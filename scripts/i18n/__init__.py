"""Translations: status and structure per (page, language), translator commands, glossary, status page."""
