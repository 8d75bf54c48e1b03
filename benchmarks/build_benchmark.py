"""Build and check cost at scale: every stage, against the baselines people use.

    make bench-build                                   # 1,000 pages x 6 languages + the real site
    .venv/bin/python -m benchmarks.build_benchmark --pages 30 --repeat 1    # a quick look

One run generates the synthetic corpus (benchmarks/build_corpus.py, fixed
seed) as a project whose mkdocs.yml INHERITs the real one, then measures, in
alternating repetitions (the order rotates each round) and as medians:

- ``mkdocs build`` of the same configuration with ``hooks:`` emptied and the
  template overrides (which read what the hooks provide) left out: MkDocs,
  Material and static-i18n alone; and with the hooks (what ``make serve``
  builds; the notices, page facts, tooltips, status page and per-language
  search are part of the site, not checks);
- the full build command ``python -m scripts build`` (sources read once,
  validation and reading level beside the build, translation status, strict
  build, parity, PDFs from the warm cache, link check, reports, publish), with
  the time of each stage inside it. Output stages (search indexing, feeds,
  offline packs, as they are added to OUTPUT_STAGES) are reported on their own
  lines and left out of the checks' overhead;
- each stage alone in a fresh process: validation, reading level,
  translation coverage, link check, and PDFs with an empty cache;
- our link check against LinkChecker and linkinator on the same built site
  (LinkChecker once, with a time limit: it is CPU-bound and slow);
- the one-language preview rebuild (English + ``--preview-lang``) after an
  edit to one page, as ``python -m scripts preview`` does it.

It then does the same on a copy of the real site (docs/ as it is now), prints
a table of medians and ratios, and writes everything with the machine's
description to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from benchmarks import build_corpus
from tests.support.sites import project_settings, write_config

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
MKDOCS = [PYTHON, "-m", "mkdocs"]
STAGES = ("validate", "reading", "translations", "pdfs", "links")  # measured alone; PDFs first: the link check then sees them
# Stages of the full build, in order; the output stages are not checks.
FULL_STAGES = ("files", "sources", "validate", "reading", "translations", "build", "parity", "pdfs", "links", "publish")
OUTPUT_STAGES: tuple[str, ...] = ("search",)
TARGETS = {"checks_overhead": 0.15, "vs_linkchecker": 5.0, "vs_linkinator": 1.0, "preview_seconds": 2.0, "pdf_seconds": 1.5}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


# --------------------------------------------------------------------------
# Projects to measure


def corpus_project(out: Path, pages: int, seed: int) -> Path:
    """The synthetic corpus; reused when the same pages and seed are already there."""
    project = out / f"corpus-{pages}-seed{seed}"
    marker = project / ".bench-corpus.json"
    wanted = {"pages": pages, "seed": seed, "generator": _digest(HERE / "build_corpus.py")}
    if marker.is_file() and json.loads(marker.read_text()) == wanted:
        # The real config and assets may have changed since: refresh them.
        _refresh(project, pages)
    else:
        build_corpus.generate(project, pages, seed)
        marker.write_text(json.dumps(wanted), encoding="utf-8")
    _no_hooks_config(project)
    return project


def real_project(out: Path) -> Path:
    """A copy of the repository's site sources as they are now (docs/ is being edited)."""
    project = out / "real"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "i18n", project / "i18n")
    write_config(project, project_settings(None))
    _no_hooks_config(project)
    return project


def _refresh(project: Path, pages: int) -> None:
    shutil.rmtree(project / "i18n", ignore_errors=True)
    shutil.copytree(ROOT / "i18n", project / "i18n")
    shutil.rmtree(project / "docs" / "assets", ignore_errors=True)
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    write_config(project, project_settings(build_corpus.nav(pages), {"min_current": {"*": build_corpus.CORPUS_MIN_CURRENT}}))


def _no_hooks_config(project: Path) -> None:
    """The same site without hooks, and without the template overrides that read what the hooks provide."""
    empty = project / ".no-overrides"
    empty.mkdir(exist_ok=True)
    write_config(project, {"hooks": [], "theme": {"custom_dir": str(empty)}}, inherit=project / "mkdocs.yml", name="mkdocs.nohooks.yml")


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


# --------------------------------------------------------------------------
# One measurement each; every one runs in a fresh process


def _run(command: list[str], cwd: Path, timeout: float | None = None) -> tuple[float, subprocess.CompletedProcess]:
    began = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - began, done


def _check(done: subprocess.CompletedProcess, what: str) -> None:
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
        raise SystemExit(f"{what} failed with exit code {done.returncode}:\n{tail}")


def plain_build(project: Path, hooks: bool) -> dict:
    out = project.parent / f"{project.name}-plain{'' if hooks else '-nohooks'}"
    config = "mkdocs.yml" if hooks else "mkdocs.nohooks.yml"
    seconds, done = _run([*MKDOCS, "build", "--quiet", "--clean", "-f", config, "-d", str(out)], project)
    _check(done, f"mkdocs build -f {config}")
    return {"seconds": seconds}


def full_build(project: Path, strict_exit: bool = True) -> dict:
    seconds, done = _run([PYTHON, "-m", "scripts", "build"], project)
    if strict_exit:
        _check(done, "python -m scripts build")
    stages = json.loads((project / "reports" / "timings.json").read_text(encoding="utf-8"))
    return {"seconds": seconds, "exit_code": done.returncode, "stages": stages}


def stage_alone(project: Path, stage: str, site: Path) -> dict:
    _, done = _run([PYTHON, "-m", "benchmarks.build_benchmark", "--stage", stage, "--root", str(project), "--site", str(site)], ROOT)
    _check(done, f"stage {stage}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def preview(project: Path, lang: str, rebuilds: int, page: str) -> dict:
    _, done = _run([PYTHON, "-m", "benchmarks.build_benchmark", "--preview-worker", lang, "--root", str(project), "--edit", page, "--rebuilds", str(rebuilds)], ROOT)
    _check(done, "preview rebuild")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _stage_worker(root: Path, stage: str, site: Path | None) -> None:
    """Runs in its own process: one stage, timed from loading the configuration and reading the sources."""
    began = time.perf_counter()
    from scripts.core.config import load_project
    from scripts.core.sources import read_sources

    project = load_project(root)
    sources = read_sources(project)
    site = site or project.site_dir
    result: dict = {}
    if stage == "validate":
        from scripts.checks.content import validate

        result["problems"] = len(validate(project, sources))
    elif stage == "reading":
        from scripts.checks import readability

        result["pages"] = len(readability.reading_levels(project, sources))
    elif stage == "translations":
        from scripts.i18n.coverage import coverage

        result["entries"] = len(coverage(project, sources).entries)
    elif stage == "links":
        from scripts.checks.links.check import check_links

        report = check_links(project, site)
        result.update(pages=report.pages, links=report.links, problems=len(report.problems))
    elif stage == "pdfs":
        from scripts.outputs.pdfs import render_pdfs

        with tempfile.TemporaryDirectory(prefix="pdf-cache-") as cache:  # empty cache: every PDF rendered
            run = render_pdfs(project, site, sources=sources, cache_dir=Path(cache))
        rendered = [r.seconds for r in run.results if not r.cached]
        result.update(pdfs=len(run.results), workers=run.workers, per_pdf=rendered, problems=sum(1 for p in run.problems if p.severity == "error"))
    else:
        raise SystemExit(f"unknown stage {stage}")
    result["seconds"] = time.perf_counter() - began
    print(json.dumps(result))


def _preview_worker(root: Path, lang: str, page: str, rebuilds: int) -> None:
    """Runs in its own process: what `python -m scripts preview --lang LANG` does after a save.

    mkdocs serve reloads the configuration and builds again on every change;
    scripts/authoring/preview.py restricts the loaded configuration to English + LANG.
    The edit appends a sentence to one English page; the file is restored.
    """
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config as load_mkdocs_config

    from scripts.core.config import load_project
    from scripts.outputs.mkdocs_build import restrict_languages

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    project = load_project(root)
    keep = {project.default, lang}
    serve_url = "http://127.0.0.1:8000/ai-explained/"
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")

    def rebuild() -> float:
        began = time.perf_counter()
        config = load_mkdocs_config(config_file=str(project.config_file), site_dir=site_dir, strict=False)
        restrict_languages(config, keep)
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=False)
        return time.perf_counter() - began

    target = project.docs_dir / project.default / page
    original = target.read_bytes()
    first = rebuild()
    times = []
    try:
        for number in range(rebuilds):
            target.write_bytes(original + f"\nOne more sentence for rebuild {number}.\n".encode())
            times.append(rebuild())
    finally:
        target.write_bytes(original)
        shutil.rmtree(site_dir, ignore_errors=True)
    print(json.dumps({"first_build": first, "rebuilds": times, "languages": sorted(keep), "page": page}))


# --------------------------------------------------------------------------
# Link checkers (the pieces of links_benchmark.py)


def other_checkers(site_dir: Path, with_linkchecker: bool, linkchecker_timeout: float, timeout: float) -> dict:
    from benchmarks.links_benchmark import StaticServer, run_linkchecker, run_linkinator

    result = {}
    with StaticServer(site_dir) as server:
        if with_linkchecker:
            seconds, count, _ = run_linkchecker(server.url, linkchecker_timeout)
            result["linkchecker"] = {"seconds": seconds if seconds != float("inf") else None, "timed_out": seconds == float("inf"), "timeout": linkchecker_timeout, "problems": count}
        seconds, count, _ = run_linkinator(server.url, timeout)
        result["linkinator"] = {"seconds": seconds if seconds != float("inf") else None, "timed_out": seconds == float("inf"), "problems": count}
    return result


# --------------------------------------------------------------------------
# The run


def machine() -> dict:
    packages = {}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Markdown", "pymdown-extensions", "weasyprint", "selectolax", "LinkChecker", "textstat", "PyYAML"):
        try:
            packages[name] = version(name)
        except Exception:
            packages[name] = None
    linkinator = HERE / "node_modules" / "linkinator" / "package.json"
    packages["linkinator"] = json.loads(linkinator.read_text())["version"] if linkinator.is_file() else None
    try:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        node = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "node": node,
        "packages": packages,
        "commit": commit,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
    }


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def measure(name: str, project: Path, args, first_topic: str | None) -> dict:
    """All measurements for one project, in alternating rounds."""
    print(f"\n== {name}: {project}", flush=True)
    result: dict = {"project": str(project), "rounds": [], "load_before": load()}
    strict_exit = name != "real"  # the real docs are being edited: a failing build is measured and reported, not fatal
    # Warm-up: fills the PDF cache and the OS file cache, and checks that the project builds.
    warm = full_build(project, strict_exit)
    result["warmup_full_build"] = warm
    print(f"  warm-up full build {warm['seconds']:.1f} s (exit {warm['exit_code']}), stages {warm['stages']}", flush=True)
    result["markdown_files"] = sum(1 for _ in (project / "docs").rglob("*.md"))
    builds = [("plain_nohooks", lambda: plain_build(project, hooks=False)), ("plain", lambda: plain_build(project, hooks=True)), ("full", lambda: full_build(project, strict_exit))]
    page = first_topic or _edit_page(project, args.preview_lang)
    for number in range(args.repeat):
        round_result: dict = {"load_start": load()}
        order = builds[number % len(builds):] + builds[: number % len(builds)]  # alternate who goes first
        for key, run in order:
            round_result[key] = run()
            print(f"  round {number + 1}: {key:14s} {round_result[key]['seconds']:7.2f} s", flush=True)
        # The published site; if the full build did not publish (the real docs
        # can fail a coverage threshold mid-translation), the plain build's output.
        site = project / "site" if (project / "site" / "index.html").is_file() else project.parent / f"{project.name}-plain"
        round_result["site"] = str(site)
        for stage in STAGES:
            round_result[f"stage_{stage}"] = stage_alone(project, stage, site)
            print(f"  round {number + 1}: stage {stage:14s} {round_result[f'stage_{stage}']['seconds']:7.2f} s", flush=True)
        round_result["preview"] = preview(project, args.preview_lang, args.preview_rebuilds, page)
        print(f"  round {number + 1}: preview rebuilds {[f'{s:.2f}' for s in round_result['preview']['rebuilds']]}", flush=True)
        if not args.no_baselines:
            round_result["checkers"] = other_checkers(site, with_linkchecker=number == 0, linkchecker_timeout=args.linkchecker_timeout, timeout=args.timeout)
            print(f"  round {number + 1}: other checkers {round_result['checkers']}", flush=True)
        round_result["load_end"] = load()
        result["rounds"].append(round_result)
    result["load_after"] = load()
    result["html_pages"] = sum(1 for _ in Path(result["rounds"][0]["site"]).rglob("*.html"))
    result["first_search"] = first_search(Path(result["rounds"][0]["site"]), name)
    print(f"  first search per language: {[(row['lang'], round(row['index_bytes'] / row['whole_index_bytes'], 3)) for row in result['first_search']]}", flush=True)
    result["summary"] = summarise(result)
    return result


def first_search(site: Path, name: str) -> list[dict]:
    """Bytes a reader's first search downloads, against the whole index of the language (page-weight measurement)."""
    from playwright.sync_api import sync_playwright

    from tests.support.page_weight import CHROMIUM, CHROMIUM_ARGS, FIRST_SEARCH, first_searches

    # The synthetic pages are made of the generator's word lists; the real site of real text.
    queries = FIRST_SEARCH if name == "real" else {lang: words[1] for lang, words in build_corpus.WORDS.items()}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return first_searches(site, browser, queries)
        finally:
            browser.close()


def _edit_page(project: Path, lang: str) -> str:
    """An English page that has a translation in ``lang`` (the preview shows both)."""
    english = project / "docs" / "en"
    for path in sorted(english.rglob("*.md")):
        rel = path.relative_to(english).as_posix()
        if rel not in ("index.md", "translation-status.md") and (project / "docs" / lang / rel).is_file():
            return rel
    return "index.md"


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(result: dict) -> dict:
    rounds = result["rounds"]
    med = lambda key: _median([r[key]["seconds"] for r in rounds])  # noqa: E731
    summary = {key: med(key) for key in ("plain_nohooks", "plain", "full")}
    summary["full_exit"] = sorted({r["full"]["exit_code"] for r in rounds})
    summary["spread"] = {key: [min(r[key]["seconds"] for r in rounds), max(r[key]["seconds"] for r in rounds)] for key in ("plain_nohooks", "plain", "full")}
    summary["full_stages"] = {stage: _median([r["full"]["stages"].get(stage) for r in rounds]) for stage in FULL_STAGES + OUTPUT_STAGES}
    output = sum(summary["full_stages"].get(stage) or 0 for stage in OUTPUT_STAGES)
    for stage in STAGES:
        summary[f"stage_{stage}"] = med(f"stage_{stage}")
    pdf_times = [t for r in rounds for t in r["stage_pdfs"].get("per_pdf", [])]
    summary["pdfs"] = {"count": rounds[0]["stage_pdfs"].get("pdfs"), "workers": rounds[0]["stage_pdfs"].get("workers"),
                       "per_pdf_median": _median(pdf_times), "per_pdf_max": max(pdf_times) if pdf_times else None}
    previews = [t for r in rounds for t in r["preview"]["rebuilds"]]
    summary["preview"] = {"rebuild_median": _median(previews), "rebuild_max": max(previews) if previews else None,
                          "first_build_median": _median([r["preview"]["first_build"] for r in rounds]), "languages": rounds[0]["preview"]["languages"]}
    if "checkers" in rounds[0]:
        summary["linkinator"] = _median([r["checkers"]["linkinator"]["seconds"] for r in rounds])
        summary["linkinator_problems"] = rounds[0]["checkers"]["linkinator"]["problems"]
        lc = rounds[0]["checkers"].get("linkchecker", {})
        summary["linkchecker"] = lc.get("seconds")
        summary["linkchecker_timed_out"] = lc.get("timed_out")
        summary["linkchecker_timeout"] = lc.get("timeout")
    shares = [row["index_bytes"] / row["whole_index_bytes"] for row in result.get("first_search", []) if row["whole_index_bytes"]]
    summary["first_search_share_max"] = max(shares) if shares else None
    summary["first_search_kb"] = {row["lang"]: round(row["bytes"] / 1024) for row in result.get("first_search", [])}
    ours = summary["stage_links"]
    summary["ratios"] = {
        "hook_over_nohooks": summary["plain"] / summary["plain_nohooks"] - 1,
        "checks_over_plain": (summary["full"] - output) / summary["plain"] - 1,
        "whole_over_plain": summary["full"] / summary["plain"],
        "full_over_nohooks": summary["full"] / summary["plain_nohooks"] - 1,
        "stages_alone_over_plain": sum(summary[f"stage_{s}"] for s in ("validate", "reading", "translations", "links")) / summary["plain"],
    }
    if "linkinator" in summary and ours:
        summary["ratios"]["linkinator_over_ours"] = summary["linkinator"] / ours if summary["linkinator"] else None
        if summary["linkchecker"]:
            summary["ratios"]["linkchecker_over_ours"] = summary["linkchecker"] / ours
        elif summary.get("linkchecker_timed_out"):
            summary["ratios"]["linkchecker_over_ours_at_least"] = summary["linkchecker_timeout"] / ours
    return summary


def table(results: dict) -> str:
    """Markdown table: one column per project."""
    names = list(results["projects"])
    s = {name: results["projects"][name]["summary"] for name in names}
    head = "| Measurement | " + " | ".join(_label(results, name) for name in names) + " |"
    rows = [head, "|---" + "|---:" * len(names) + "|"]

    def row(label, cell):
        rows.append(f"| {label} | " + " | ".join(cell(s[name]) for name in names) + " |")

    sec = lambda v: "–" if v is None else f"{v:.2f} s"  # noqa: E731
    pct = lambda v: "–" if v is None else f"{v:+.0%}"  # noqa: E731
    row("`mkdocs build`, no `hooks:` and no `custom_dir`", lambda x: sec(x["plain_nohooks"]))
    row("`mkdocs build` (real mkdocs.yml, with the hook) — **plain build**", lambda x: sec(x["plain"]))
    row("`python -m scripts build` (every check, PDFs from cache) — **full**", lambda x: sec(x["full"]))
    row("exit code of the full build", lambda x: str(x["full_exit"]))
    row("**checks overhead: (full − output stages) ÷ plain − 1** (target ≤ +15 %)", lambda x: f"**{pct(x['ratios']['checks_over_plain'])}**")
    row("**whole `make site` ÷ plain** (target ≤ 1.35×)", lambda x: f"**{x['ratios']['whole_over_plain']:.2f}×**")
    row("hook overhead: plain ÷ no-hooks − 1", lambda x: pct(x["ratios"]["hook_over_nohooks"]))
    row("full ÷ no-hooks − 1", lambda x: pct(x["ratios"]["full_over_nohooks"]))
    for stage in FULL_STAGES:
        row(f"&nbsp;&nbsp;inside full: {stage}" + (" (beside the build)" if stage in ("validate", "reading") else ""), lambda x, st=stage: sec(x["full_stages"].get(st)))
    for stage in OUTPUT_STAGES:
        row(f"&nbsp;&nbsp;inside full, output: {stage}", lambda x, st=stage: sec(x["full_stages"].get(st)))
    row("stage alone: validation", lambda x: sec(x["stage_validate"]))
    row("stage alone: reading level", lambda x: sec(x["stage_reading"]))
    row("stage alone: translation coverage", lambda x: sec(x["stage_translations"]))
    row("stage alone: link check (ours)", lambda x: sec(x["stage_links"]))
    row("stage alone: PDFs, empty cache (wall)", lambda x: sec(x["stage_pdfs"]) + f" ({x['pdfs']['count']} PDFs, {x['pdfs']['workers']} workers)")
    row("PDF render time each, median / max (target ≤ 1.5 s)", lambda x: f"{sec(x['pdfs']['per_pdf_median'])} / {sec(x['pdfs']['per_pdf_max'])}")
    row("LinkChecker 10.6.0 (one run)", lambda x: _lc(x))
    row("linkinator 6.3.0", lambda x: sec(x.get("linkinator")) + (f" ({x.get('linkinator_problems')} reported)" if x.get("linkinator_problems") else ""))
    row("**LinkChecker ÷ ours** (target ≥ 5×)", lambda x: _ratio(x, "linkchecker"))
    row("**linkinator ÷ ours** (target > 1×)", lambda x: _ratio(x, "linkinator"))
    row("search indexing (Pagefind), inside full", lambda x: sec(x["full_stages"].get("search")))
    row("first search: KB downloaded per language", lambda x: ", ".join(f"{k} {v}" for k, v in x["first_search_kb"].items()))
    row("**first search: largest share of a language's index downloaded** (target < 10 % at 1,000 × 6)", lambda x: "–" if x["first_search_share_max"] is None else f"**{x['first_search_share_max']:.1%}**")
    row("preview: first build (" + " + ".join(s[names[0]]["preview"]["languages"]) + ")", lambda x: sec(x["preview"]["first_build_median"]))
    row("**preview rebuild after one edit**, median / max (target ≤ 2 s)", lambda x: f"**{sec(x['preview']['rebuild_median'])}** / {sec(x['preview']['rebuild_max'])}")
    return "\n".join(rows)


def _label(results, name):
    p = results["projects"][name]
    return f"{name} ({p['markdown_files']} .md, {p['html_pages']} HTML)"


def _lc(x):
    if x.get("linkchecker_timed_out"):
        return f"> {x['linkchecker_timeout']:.0f} s (stopped)"
    return "–" if x.get("linkchecker") is None else f"{x['linkchecker']:.2f} s"


def _ratio(x, tool):
    r = x["ratios"]
    if r.get(f"{tool}_over_ours"):
        return f"**{r[f'{tool}_over_ours']:.1f}×**"
    if f"{tool}_over_ours_at_least" in r:
        return f"**> {r[f'{tool}_over_ours_at_least']:.0f}×**"
    return "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000, help="English topic pages in the synthetic corpus (default 1000; × 6 languages)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "build-bench", help="where the projects are written")
    parser.add_argument("--preview-lang", default="ar", help="the language the preview builds besides English (default ar)")
    parser.add_argument("--preview-rebuilds", type=int, default=2, help="edits and rebuilds per round")
    parser.add_argument("--linkchecker-timeout", type=float, default=300, help="LinkChecker is stopped after this many seconds (reported as a lower bound)")
    parser.add_argument("--timeout", type=float, default=900, help="time limit for linkinator")
    parser.add_argument("--no-baselines", action="store_true", help="skip LinkChecker and linkinator")
    parser.add_argument("--no-real", action="store_true", help="skip the real site")
    parser.add_argument("--no-synthetic", action="store_true", help="only the real site")
    parser.add_argument("--output", type=Path, help="JSON file (default benchmarks/results/build-DATE-PAGESx6.json)")
    # Internal: one measurement in a fresh process.
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--preview-worker", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--edit", help=argparse.SUPPRESS)
    parser.add_argument("--rebuilds", type=int, default=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        return _stage_worker(args.root, args.stage, args.site)
    if args.preview_worker:
        return _preview_worker(args.root, args.preview_worker, args.edit, args.rebuilds)

    if not args.no_baselines and not (HERE / "node_modules" / ".bin" / "linkinator").exists():
        raise SystemExit("linkinator is not installed: run  npm ci --prefix benchmarks  (or pass --no-baselines)")
    args.work.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if v is not None}, "projects": {}}
    print(f"machine: {results['machine']['cores']} cores, Python {results['machine']['python']}, load {load()}", flush=True)
    if not args.no_synthetic:
        project = corpus_project(args.work, args.pages, args.seed)
        name = f"synthetic {args.pages}×6"
        results["projects"][name] = measure(name, project, args, None)
    if not args.no_real:
        results["projects"]["real"] = measure("real", real_project(args.work), args, None)
    print("\n" + table(results))
    output = args.output or HERE / "results" / f"build-{dt.date.today().isoformat()}-{args.pages}x6.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {output}")


if __name__ == "__main__":
    main()
