"""Publishing: the Pages workflow, `mkdocs gh-deploy`, and every link of the served site.

Issue "Published on GitHub Pages, exactly as users will see it". Everything runs offline: the
workflow is validated against the GitHub workflow schema that check-jsonschema ships, gh-deploy
pushes to a local bare repository, and linkchecker crawls the site served on 127.0.0.1.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from sitekit import PROJECT, build_site, make_project, mkdocs_env, serve

WORKFLOW = PROJECT / ".github" / "workflows" / "pages.yml"
PINNED = re.compile(r"^(actions/[a-z-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$")
OFFICIAL_ACTIONS = {
    "actions/checkout",
    "actions/setup-python",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
}
FIXED_TIME = "1700000000"
"""SOURCE_DATE_EPOCH for reproducible builds (the build date on the pages follows it)."""


def load_workflow() -> dict:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_matches_the_github_workflow_schema() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_uses_pinned_official_actions() -> None:
    lines = [
        line.split("uses:", 1)[1].strip()
        for line in WORKFLOW.read_text().splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]
    assert len(lines) == 5
    actions = set()
    for line in lines:
        match = PINNED.match(line)
        assert match, f"not pinned to a commit with its version in a comment: {line}"
        actions.add(match.group(1))
    assert actions == OFFICIAL_ACTIONS


def test_workflow_has_least_permissions_and_builds_from_seeds() -> None:
    workflow = load_workflow()
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert build["steps"][0]["with"]["persist-credentials"] is False
    # The project's own build script (setup, then `mkdocs build --strict`, which regenerates the
    # pages from seeds/), told its published address and a build date that follows the commit.
    build_step = next(step for step in build["steps"] if "scripts/build" in step.get("run", ""))
    assert build_step["run"].splitlines()[-1] == "bash scripts/build"
    assert "SOURCE_DATE_EPOCH" in build_step["run"]
    assert "steps.pages.outputs.base_url" in build_step["env"]["DOSSIER_SITE_URL"]
    assert build_step["env"]["DOSSIER_HTMLPROOFER"] == "true"
    assert "mkdocs build --strict" in (PROJECT / "scripts" / "build").read_text()
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    site_dir = re.search(r"^site_dir: (\S+)$", (PROJECT / "mkdocs.yml").read_text(), re.M)
    assert site_dir and upload["with"]["path"] == site_dir.group(1)
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["cancel-in-progress"] is False


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A copy of the project, as a git clone whose origin is a local bare repository."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("gh-deploy")
    remote = root / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=root)
    project = make_project(root / "project", PROJECT / "seeds")
    git("init", "-q", "-b", "main", cwd=project)
    git("config", "user.name", "Dossier Test", cwd=project)
    git("config", "user.email", "dossier@example.invalid", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "dossier", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    yield project, remote


def gh_deploy(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--site-dir", str(project.parent / "site")],
        cwd=project,
        env=mkdocs_env("https://example.github.io/incident-dossier/", SOURCE_DATE_EPOCH=FIXED_TIME),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_gh_deploy_publishes_the_site_and_a_redeploy_changes_nothing(
    deployed: tuple[Path, Path],
) -> None:
    project, remote = deployed
    gh_deploy(project)
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
    assert ".nojekyll" in files
    assert "index.html" in files and "404.html" in files
    assert "search/search_index.json" in files
    for section in ("incidents", "actors", "places", "sources"):
        assert any(re.fullmatch(rf"{section}/[^/]+/index\.html", f) for f in files), section
    assert any(f.startswith("data/") for f in files)

    gh_deploy(project)
    assert git("rev-list", "--count", "gh-pages", cwd=remote).strip() == "2"
    assert git("diff", "--name-only", "gh-pages~1", "gh-pages", cwd=remote) == ""


LINKCHECKER_CONFIG = """\
[checking]
# The test server answers with a LinkChecker header, which allows more than 10 requests a second.
maxrequestspersecond=1000

[AnchorCheck]
"""


def crawl(start_urls: list[str], config: Path) -> None:
    """linkchecker over the served site; any broken link, anchor or missing asset fails."""
    result = subprocess.run(
        ["linkchecker", "--no-status", "-f", str(config), *start_urls],
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(r"\b0 warnings found\. 0 errors found\.", report), report
    checked = re.search(r"(\d+) links in \d+ URLs checked", report)
    assert checked and int(checked.group(1)) > 50, report


@pytest.fixture(scope="module")
def linkchecker_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("linkchecker") is None:
        pytest.skip("linkchecker is not installed (apt-get install -y linkchecker)")
    config = tmp_path_factory.mktemp("linkchecker") / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    return config


@pytest.mark.parametrize("subpath", ["/incident-dossier/", "/"], ids=["project-page", "root"])
def test_every_link_anchor_and_asset_resolves(tmp_path: Path, linkchecker_config: Path, subpath: str) -> None:
    project = make_project(tmp_path / "project", PROJECT / "seeds")
    www = tmp_path / "www"
    with serve(www) as origin:
        url = origin + subpath
        build_site(www / subpath.strip("/"), url, project=project)
        crawl([url, url + "404.html"], linkchecker_config)
