"""MkDocs hook modules, one per feature, registered one by one under ``hooks:`` in mkdocs.yml.

Each is a few lines of event glue over library code; ``context`` holds what
they share for one build (the project, the source pages, translation status).
"""
