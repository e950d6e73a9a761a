"""The MkDocs hook under ``mkdocs serve``: a reload with nothing new skips the generator."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from build_dossier import mkdocs_hook
from build_dossier.pipeline import BuildMemory, file_states
from build_dossier.slugs import slugify

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """A project with the seed articles, a copy of the templates, and a hook with no memory yet,
    running as under ``mkdocs serve``."""
    shutil.copytree(PROJECT / "seeds", tmp_path / "seeds")
    templates = tmp_path / "templates"
    shutil.copytree(mkdocs_hook.TEMPLATE_DIR, templates)
    monkeypatch.setattr(mkdocs_hook, "TEMPLATE_DIR", templates)
    monkeypatch.setattr(mkdocs_hook, "_last_build", {})
    monkeypatch.setattr(
        mkdocs_hook, "_serving", mkdocs_hook.Serving(memory=BuildMemory())
    )  # as under `mkdocs serve`
    monkeypatch.delenv("DOSSIER_SKIP_BUILD", raising=False)
    builds: list[int] = []
    real_build = mkdocs_hook.build
    monkeypatch.setattr(
        mkdocs_hook, "build", lambda settings, **options: builds.append(1) or real_build(settings, **options)
    )
    reloads: list[int] = []
    monkeypatch.setattr(mkdocs_hook, "reload_templates", lambda: reloads.append(1))
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), extra={}
    )
    return SimpleNamespace(root=tmp_path, config=config, builds=builds, reloads=reloads)


def test_a_reload_with_nothing_new_does_not_build(
    project: SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    mkdocs_hook.on_pre_build(project.config)
    docs = project.root / "docs"
    written = file_states(docs)
    assert len(written) > 20
    mkdocs_hook.on_pre_build(project.config)  # as after serve noticed the generator's own writes
    assert project.builds == [1]
    assert file_states(docs) == written
    assert "unchanged since the last build" in caplog.text


def test_an_edited_article_builds_again(project: SimpleNamespace) -> None:
    mkdocs_hook.on_pre_build(project.config)
    article = sorted((project.root / "seeds").glob("*.txt"))[0]
    page = project.root / "docs" / "sources" / f"{slugify(article.stem)}.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA Zembrolian envoy said nothing.\n")
    mkdocs_hook.on_pre_build(project.config)
    assert project.builds == [1, 1] and project.reloads == []
    assert "Zembrolian" in page.read_text(encoding="utf-8")


def test_a_deleted_generated_page_is_written_again(project: SimpleNamespace) -> None:
    mkdocs_hook.on_pre_build(project.config)
    page = next((project.root / "docs" / "incidents").glob("*.md"))
    text = page.read_bytes()
    page.unlink()
    mkdocs_hook.on_pre_build(project.config)
    assert project.builds == [1, 1]
    assert page.read_bytes() == text


def test_an_edited_template_is_compiled_again(project: SimpleNamespace) -> None:
    mkdocs_hook.on_pre_build(project.config)
    template = next((project.root / "templates").glob("*.j2"))
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    mkdocs_hook.on_pre_build(project.config)
    assert project.builds == [1, 1] and project.reloads == [1]


def test_the_hook_can_be_told_not_to_build(project: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_SKIP_BUILD", "1")
    mkdocs_hook.on_pre_build(project.config)
    assert project.builds == [] and not (project.root / "docs").exists()


def test_a_wrong_watcher_setting_is_a_one_line_error(project: SimpleNamespace) -> None:
    project.config.extra["dossier_watcher"] = "inotify"
    with pytest.raises(
        PluginError, match=r"^dossier: extra\.dossier_watcher must be native or polling, not 'inotify'$"
    ):
        mkdocs_hook.on_config(project.config)
    project.config.extra["dossier_watcher"] = "polling"
    assert mkdocs_hook.on_config(project.config) is project.config
