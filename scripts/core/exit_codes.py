"""The exit codes of every command, defined once."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    CONTENT = 1  # content or link errors
    USAGE = 2  # usage or environment: bad arguments, bad mkdocs.yml, disk full
    COVERAGE = 3  # translation coverage below a threshold
