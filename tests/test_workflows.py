"""The GitHub Actions workflows: valid, pinned, least privilege, bounded in time.

Three checks, each shown to fail on a deliberately bad fixture in
tests/fixtures/workflows/ (named after its fault):

- check-jsonschema against its vendored copy of SchemaStore's workflow schema
  (structure: a job without runs-on, a misspelt key);
- zizmor, offline (security: template injection, unpinned actions, permissions);
- our own rules: every action pinned to a full commit SHA with a "# vX.Y.Z"
  comment, a top-level permissions block, timeout-minutes on every job.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.sites import FIXTURES, REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
BAD = FIXTURES / "workflows"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def schema_check(paths: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True, text=True,
    )


def zizmor(paths: list[Path]) -> list[dict]:
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", "--format", "json", *map(str, paths)], capture_output=True, text=True)
    assert result.stdout.strip(), result.stderr
    return json.loads(result.stdout)


def rule_problems(path: Path) -> list[str]:
    """Our rules, as 'file:line: what is wrong; how to fix it'."""
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    where = path.name
    problems = []
    if "permissions" not in data:
        problems.append(f"{where}: no top-level permissions; add 'permissions: contents: read' and widen it per job where needed")
    for name, job in (data.get("jobs") or {}).items():
        if "uses" not in job and "timeout-minutes" not in job:  # a reusable-workflow call cannot set one
            problems.append(f"{where}: job '{name}' has no timeout-minutes; add one (a hung job otherwise runs for 6 hours)")
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^\s*(?:-\s*)?uses:\s*(.+?)\s*$", line)
        if not match or match.group(1).startswith("./"):
            continue
        if not PINNED.match(match.group(1)):
            problems.append(
                f"{where}:{number}: '{match.group(1)}' is not pinned; write owner/action@<full 40-character commit SHA> # vX.Y.Z"
            )
    return problems


def test_there_are_workflows_for_pull_requests_deploy_and_weekly_links():
    assert {path.name for path in WORKFLOWS} >= {"pr.yml", "deploy.yml", "links-weekly.yml"}


def test_workflows_match_the_schema():
    result = schema_check(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_have_no_zizmor_findings():
    findings = zizmor(WORKFLOWS)
    assert [(f["ident"], f["desc"]) for f in findings] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_follows_our_rules(path):
    assert rule_problems(path) == []


def test_only_the_deploy_job_may_write_to_pages():
    for path in WORKFLOWS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["permissions"] == {"contents": "read"}, path.name
        for name, job in data["jobs"].items():
            if "pages" in (job.get("permissions") or {}):
                assert (path.name, name, job["permissions"]) == ("deploy.yml", "deploy", {"pages": "write", "id-token": "write"})


def test_schema_check_catches_a_broken_job():
    result = schema_check([BAD / "schema-error.yml"])
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


def test_zizmor_catches_template_injection_and_unpinned_actions():
    found = {(Path(f["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"]).name, f["ident"]) for f in zizmor([BAD / "template-injection.yml", BAD / "unpinned-action.yml"])}
    assert ("template-injection.yml", "template-injection") in found
    assert ("unpinned-action.yml", "unpinned-uses") in found


@pytest.mark.parametrize(
    "name, expected",
    [
        ("unpinned-action.yml", "unpinned-action.yml:11: 'actions/checkout@v4' is not pinned; write owner/action@<full 40-character commit SHA> # vX.Y.Z"),
        ("sha-without-version-comment.yml", "sha-without-version-comment.yml:11: 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683' is not pinned"),
        ("no-top-level-permissions.yml", "no-top-level-permissions.yml: no top-level permissions; add 'permissions: contents: read'"),
        ("no-timeout.yml", "no-timeout.yml: job 'build' has no timeout-minutes"),
    ],
)
def test_our_rules_catch(name, expected):
    problems = rule_problems(BAD / name)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_issue_forms_and_their_config_match_the_schema():
    forms = sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    names = {path.name for path in forms}
    assert names >= {"factual-correction.yml", "translation.yml", "new-topic.yml", "config.yml"}
    for schema, paths in (("vendor.github-issue-forms", [p for p in forms if p.name != "config.yml"]), ("vendor.github-issue-config", [p for p in forms if p.name == "config.yml"])):
        result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, paths)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
