"""Times our link checker against LinkChecker and linkinator on the same built sites.

    npm ci --prefix benchmarks
    .venv/bin/python -m benchmarks.generate_site /tmp/links-bench          # 1,000 pages x 6 languages
    .venv/bin/python -m benchmarks.links_benchmark --synthetic /tmp/links-bench

The real site (site/, build it first) is always included. LinkChecker and
linkinator crawl over HTTP from a local static server
started here, which serves the site under its site_url path (/ai-explained/),
so root-relative links resolve as when published. External links are not
fetched by any tool.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.checks.links.check import check_links
from scripts.core.config import load_project
from scripts.core.problems import errors

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

PREFIX = "ai-explained"  # site_url path of both the real and the synthetic site
LOCAL = r"^(?!http://127\.0\.0\.1)"
# What identifies each deliberate fault in a tool's list of failures.
FAULT_TOKENS = ["p9999", "no-such-heading", "missing-local", "missing.png", "missing.pdf", "localized page exists", "missing.css"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StaticServer:
    """static_server.py in its own process, serving site_dir at /ai-explained/."""

    def __init__(self, site_dir: Path):
        self.folder = tempfile.TemporaryDirectory(prefix="links-bench-")
        os.symlink(site_dir.resolve(), Path(self.folder.name) / PREFIX)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/{PREFIX}/"

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "static_server.py"), str(self.port), self.folder.name],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the static server did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait()
        self.folder.cleanup()


def run_ours(root: Path, site_dir: Path) -> tuple[float, int, str]:
    project = load_project(root)
    began = time.perf_counter()
    result = check_links(project, site_dir)
    seconds = time.perf_counter() - began
    found = errors(result.problems)
    return seconds, len(found), "\n".join(p.message for p in found)


def run_linkchecker(url: str, timeout: float) -> tuple[float, int, str]:
    # Over HTTP: with file:// URLs LinkChecker treats "page/" links as folder
    # listings and never parses the pages, so it finds nothing.
    with tempfile.TemporaryDirectory() as folder:
        rc = Path(folder) / "linkcheckerrc"
        # [AnchorCheck] turns on anchor checking; external URLs are not checked by default.
        rc.write_text("[checking]\nthreads=10\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n", encoding="utf-8")
        command = [str(ROOT / ".venv" / "bin" / "linkchecker"), "-f", str(rc), "--no-status", "-o", "csv", "--ignore-url", LOCAL, url]
        timed = _timed(command, timeout)
    if timed is None:
        return float("inf"), -1, ""
    seconds, done = timed
    rows = [line for line in done.stdout.splitlines() if line and not line.startswith("#")]
    table = list(csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"))
    bad = [row for row in table if row.get("valid") == "False" or "anchor" in (row.get("warningstring") or "").lower()]
    text = "\n".join(f"{row.get('urlname')} {row.get('result')} {row.get('warningstring')}" for row in bad)
    return seconds, len({(row.get("urlname"), row.get("parentname")) for row in bad}), text


def _timed(command: list[str], timeout: float) -> tuple[float, subprocess.CompletedProcess] | None:
    """Wall time and result of a command; None when it ran out of time."""
    began = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - began, done


def run_linkinator(url: str, timeout: float) -> tuple[float, int, str]:
    binary = HERE / "node_modules" / ".bin" / "linkinator"
    if not binary.exists():
        raise SystemExit("linkinator is not installed: run  npm ci --prefix benchmarks")
    command = [str(binary), url, "--recurse", "--skip", LOCAL, "--format", "json", "--timeout", "10000"]
    timed = _timed(command, timeout)
    if timed is None:
        return float("inf"), -1, ""
    seconds, done = timed
    try:
        links = json.loads(done.stdout)["links"]
    except (ValueError, KeyError):
        return seconds, -1, done.stderr[-500:]
    bad = [link for link in links if link.get("state") == "BROKEN"]
    return seconds, len(bad), "\n".join(link["url"] for link in bad)


def faults_found(text: str, planted: bool) -> str:
    if not planted:
        return "-"
    found = [token for token in FAULT_TOKENS if token in text]
    return f"{len(found)}/{len(FAULT_TOKENS)}"


def bench(name: str, root: Path, site_dir: Path, planted: bool, timeout: float) -> list[tuple]:
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"\n{name}: {site_dir} ({pages} HTML files)", flush=True)
    rows = []
    ours = run_ours(root, site_dir)
    rows.append(("ours (scripts/checks/links/)", *ours))
    print(f"  ours        {ours[0]:8.2f} s", flush=True)
    with StaticServer(site_dir) as server:
        result = run_linkchecker(server.url, timeout)
        rows.append(("LinkChecker 10.6.0", *result))
        shown = f"{result[0]:8.2f} s" if result[0] != float("inf") else f"timed out after {timeout:.0f} s"
        print(f"  LinkChecker {shown}", flush=True)
        result = run_linkinator(server.url, timeout)
        rows.append(("linkinator 6.3.0", *result))
        print(f"  linkinator  {result[0]:8.2f} s", flush=True)
    return [(name, tool, seconds, count, faults_found(text, planted), ours[0]) for tool, seconds, count, text in rows]


def print_table(rows: list[tuple]) -> None:
    print("\n| Site | Tool | Wall time (s) | × ours | Problems reported | Planted faults found |")
    print("|---|---|---:|---:|---:|---:|")
    for site, tool, seconds, count, found, ours in rows:
        if seconds == float("inf"):
            # Timed out: it found nothing we can count, and is at least timeout/ours slower.
            print(f"| {site} | {tool} | timed out | - | - | - |")
            continue
        print(f"| {site} | {tool} | {seconds:.2f} | {seconds / ours:.1f}× | {count} | {found} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=Path, help="folder written by generate_site.py")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per tool run before giving up")
    args = parser.parse_args()
    project = load_project(ROOT)
    if not (project.site_dir / "index.html").is_file():
        raise SystemExit("build the site first: .venv/bin/python -m scripts build")
    rows = bench("real site", ROOT, project.site_dir, planted=False, timeout=args.timeout)
    if args.synthetic:
        rows += bench("synthetic", args.synthetic, args.synthetic / "site", planted=True, timeout=args.timeout)
    print_table(rows)


if __name__ == "__main__":
    main()
