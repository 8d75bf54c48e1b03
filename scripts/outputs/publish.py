"""Puts a finished build in place of site/ — or leaves site/ alone.

The new site is built in a sibling temporary folder (same file system), so the
swap is two renames; a failed build never touches the previous site/.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def new_build_dir(site_dir: Path) -> Path:
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))


def discard(build_dir: Path) -> None:
    shutil.rmtree(build_dir, ignore_errors=True)


def swap_into_place(build_dir: Path, site_dir: Path) -> None:
    """Replace site_dir with build_dir; site_dir is never missing for long."""
    # mkdtemp creates 0700 folders; a published site must be world-readable.
    os.chmod(build_dir, 0o755)
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        os.rmdir(old)
        os.rename(site_dir, old)
    try:
        os.rename(build_dir, site_dir)
    except OSError:
        if old is not None:
            os.rename(old, site_dir)  # put the previous site back
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
