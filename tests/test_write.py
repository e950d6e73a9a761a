"""The writer: only changed files, never an editor's page, nothing half-written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from build_dossier.errors import WriteError
from build_dossier.settings import MANIFEST_NAME
from build_dossier.write import apply_plan, plan_site


def write(pages: dict[str, str], docs: Path):
    return apply_plan(plan_site(pages, docs), docs)


def test_first_write_creates_pages_and_manifest(tmp_path: Path) -> None:
    report = write({"index.md": "# Home\n", "incidents/a.md": "# A\n"}, tmp_path)
    assert report.written == ("incidents/a.md", "index.md")
    assert (tmp_path / "incidents/a.md").read_text() == "# A\n"
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert sorted(manifest) == ["incidents/a.md", "index.md"]
    assert (tmp_path / "incidents/a.md").stat().st_mode & 0o777 == 0o644


def test_second_identical_write_touches_nothing(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "incidents/a.md": "# A\n"}
    write(pages, tmp_path)
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    report = write(pages, tmp_path)
    assert report.written == () and report.removed == () and report.unchanged == 2
    assert stamps == {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}


def test_changed_page_is_rewritten_and_stale_page_removed(tmp_path: Path) -> None:
    write({"index.md": "old\n", "actors/x.md": "x\n"}, tmp_path)
    report = write({"index.md": "new\n"}, tmp_path)
    assert report.written == ("index.md",)
    assert report.removed == ("actors/x.md",)
    assert (tmp_path / "index.md").read_text() == "new\n"
    assert not (tmp_path / "actors").exists()


def test_hand_written_page_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("my own home page\n")
    report = write({"index.md": "generated\n"}, tmp_path)
    assert (tmp_path / "index.md").read_text() == "my own home page\n"
    assert report.written == ()
    assert len(report.warnings) == 1 and "written by hand" in report.warnings[0]


def test_edited_generated_page_is_reported_not_replaced(tmp_path: Path) -> None:
    write({"places/p.md": "generated v1\n"}, tmp_path)
    (tmp_path / "places/p.md").write_text("edited by an editor\n")
    report = write({"places/p.md": "generated v2\n"}, tmp_path)
    assert (tmp_path / "places/p.md").read_text() == "edited by an editor\n"
    assert "edited by hand" in report.warnings[0]
    # Still reported on the next build: the manifest keeps the generator's last hash.
    assert "edited by hand" in write({"places/p.md": "generated v2\n"}, tmp_path).warnings[0]


def test_edited_page_whose_source_is_gone_is_kept(tmp_path: Path) -> None:
    write({"sources/s.md": "generated\n"}, tmp_path)
    (tmp_path / "sources/s.md").write_text("annotated by hand\n")
    report = write({}, tmp_path)
    assert report.removed == ()
    assert (tmp_path / "sources/s.md").read_text() == "annotated by hand\n"


@pytest.mark.parametrize(
    "path",
    [
        "about.md",
        "../escape.md",
        "incidents/../../x.md",
        "/etc/passwd",
        "stylesheets/a.css",
        "incidents/",
        "incidents//x.md",
        "incidents/./x.md",
        "incidents\\x.md",
    ],
)
def test_paths_outside_the_generated_area_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(WriteError, match="not inside the generated part"):
        plan_site({path: "x"}, tmp_path)


def test_failed_write_leaves_previous_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write({"index.md": "v1\n", "incidents/a.md": "a1\n"}, tmp_path)
    plan = plan_site({"index.md": "v2\n", "incidents/a.md": "a2\n"}, tmp_path)
    calls = []

    def failing_stage(target: str, content: bytes, folders: set[str]) -> str:
        calls.append(target)
        if len(calls) == 2:
            raise OSError("disk full")
        return original_stage(target, content, folders)

    import build_dossier.write as write_module

    original_stage = write_module._stage
    monkeypatch.setattr(write_module, "_stage", failing_stage)
    with pytest.raises(WriteError, match="nothing was changed"):
        apply_plan(plan, tmp_path)
    assert (tmp_path / "index.md").read_text() == "v1\n"
    assert (tmp_path / "incidents/a.md").read_text() == "a1\n"
    assert sorted(p.name for p in tmp_path.rglob("*.tmp")) == []


def test_failure_inside_a_page_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write({"index.md": "v1\n"}, tmp_path)
    plan = plan_site({"index.md": "v2\n", "incidents/a.md": "a2\n"}, tmp_path)
    calls = []
    real_fchmod = os.fchmod

    def fchmod_failing_on_second_page(handle: int, mode: int) -> None:
        calls.append(handle)
        if len(calls) == 2:
            raise OSError("disk full")
        real_fchmod(handle, mode)

    monkeypatch.setattr(os, "fchmod", fchmod_failing_on_second_page)
    with pytest.raises(WriteError, match="nothing was changed"):
        apply_plan(plan, tmp_path)
    assert len(calls) == 2
    assert (tmp_path / "index.md").read_text() == "v1\n"
    assert not (tmp_path / "incidents/a.md").exists()
    assert sorted(p.name for p in tmp_path.rglob("*.tmp")) == []


def test_unreadable_manifest_is_an_error(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    with pytest.raises(WriteError, match=MANIFEST_NAME):
        plan_site({"index.md": "x"}, tmp_path)
