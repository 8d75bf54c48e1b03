"""The real site, built once per test session with the whole pipeline, into a temporary folder.

pytest-xdist runs the suite in several processes; the first one to ask builds
the site under a file lock, the others reuse it. Nothing is written into the
repository: site, reports and caches all go to the session's temporary folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from .sites import REPO


@dataclass(frozen=True)
class RealSite:
    site: Path
    reports: Path
    exit_code: int


def build_once(shared: Path, root: Path = REPO) -> RealSite:
    """The project at ``root`` built as the tests build it; ``shared``: a folder every test process of this session sees."""
    from scripts.pipeline import run_build

    folder = shared / f"built-{root.name}"
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / "exit-code.json"
    with FileLock(str(folder / ".lock")):
        if not marker.is_file():
            code = run_build(root, site_dir=folder / "site", reports_dir=folder / "reports", cache_dir=folder / "cache")
            marker.write_text(json.dumps(int(code)), encoding="utf-8")
    return RealSite(folder / "site", folder / "reports", json.loads(marker.read_text(encoding="utf-8")))
