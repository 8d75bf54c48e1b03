"""The same site built by MkDocs and by ProperDocs (the maintained drop-in fork), compared file by file.

    .venv/bin/python -m tests.support.engines [PROJECT]     # default: the repository

Each engine runs from its own virtual environment (.venv and
.venv-properdocs) with a fixed SOURCE_DATE_EPOCH; the built trees must be
identical apart from the generator tag in each page's head. Exit code 1 names
every other difference.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .sites import REPO

ENGINES = {"mkdocs": REPO / ".venv" / "bin" / "mkdocs", "properdocs": REPO / ".venv-properdocs" / "bin" / "properdocs"}
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(engine: str, project: Path, out: Path) -> subprocess.CompletedProcess:
    binary = ENGINES[engine]
    if not binary.is_file():
        raise SystemExit(f"{binary} is missing; create it with: make {'.venv-properdocs/.installed' if engine == 'properdocs' else 'test'}")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764000000", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(binary), "build", "--strict", "--quiet", "--site-dir", str(out)], cwd=project, env=env, capture_output=True, text=True)


def differences(first: Path, second: Path) -> list[str]:
    """Files that differ between two built trees, the generator tag aside."""
    names = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    other = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    found = [f"only in one build: {name}" for name in sorted(names ^ other)]
    for name in sorted(names & other):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if name.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if a != b:
            found.append(f"differs: {name}")
    return found


def compare(project: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="engines-") as folder:
        outputs = {}
        for engine in ENGINES:
            outputs[engine] = Path(folder) / engine
            done = build(engine, project, outputs[engine])
            if done.returncode != 0:
                return [f"{engine} build failed (exit {done.returncode}): {(done.stdout + done.stderr).strip()[-2000:]}"]
        return differences(outputs["mkdocs"], outputs["properdocs"])


def main() -> int:
    project = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else REPO
    found = compare(project)
    for line in found:
        print(line)
    print(f"{project}: MkDocs and ProperDocs built {'the same site (generator tag aside)' if not found else f'{len(found)} difference(s)'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
