"""``mkdocs serve`` as an editor runs it: an edit shows, built by the quick path, overviews after."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from sitekit import PROJECT, make_project, mkdocs_env

from build_dossier import preview
from build_dossier.bench import fetch, free_port
from build_dossier.slugs import slugify

DEADLINE = 300.0
"""Seconds to wait for each step: a slow machine must not fail the test (speed is the bench's)."""


def _page(url: str) -> str:
    return (fetch(url) or ("", ""))[0]


def _wait(condition: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}; server log:\n{log.read_text(encoding='utf-8')[-3000:]}")
        time.sleep(0.2)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """The repository's seeds in a project of their own under ``mkdocs serve --dirty``, with
    Pagefind as its search (the switch at 0 pages) but no index made; yields (project, address, log)."""
    project = make_project(tmp_path / "project", PROJECT / "seeds")
    port = free_port()
    log = tmp_path / "serve.log"
    env = mkdocs_env(
        f"http://127.0.0.1:{port}/",
        DOSSIER_SEARCH_SWITCH="0",
        DOSSIER_SKIP_PAGEFIND="1",
        DOSSIER_HTMLPROOFER="false",
    )
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            address = f"http://127.0.0.1:{port}/"
            _wait(lambda: "Incident dossier" in _page(address), "mkdocs serve never served the site", log)
            yield project, address, log
        finally:
            server.terminate()
            server.wait(timeout=60)


def test_an_edited_article_shows_from_the_quick_path_and_the_overviews_follow(
    served: tuple[Path, str, Path],
) -> None:
    project, address, log = served
    article = sorted((project / "seeds").glob("*.txt"))[1]
    source_page = f"{address}sources/{slugify(article.stem)}/"
    assert "Qorvathi" not in _page(source_page)
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nA spokesman for the Qorvathi Relief Front said nothing more.\n")
    _wait(lambda: "Qorvathi" in _page(source_page), "the edit never showed on its article's page", log)
    # The actor index is an overview: put off by the first reload, written by the next.
    _wait(lambda: "Qorvathi" in _page(f"{address}actors/"), "the actor index never listed the new name", log)
    text = log.read_text(encoding="utf-8")
    assert "the rest next" in text, text[-3000:]
    assert text.count("Building documentation") == 1, text[-3000:]  # the first build only


def test_a_new_hand_written_page_is_built_by_mkdocs_as_a_whole(served: tuple[Path, str, Path]) -> None:
    project, address, log = served
    (project / "docs" / "methods.md").write_text("# Methods\n\nHow we read the articles.\n", encoding="utf-8")
    _wait(lambda: "How we read the articles" in _page(f"{address}methods/"), "the new page never showed", log)
    assert log.read_text(encoding="utf-8").count("Building documentation") == 2


def test_the_native_watcher_wakes_the_server_on_a_write_and_not_on_a_read(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text("# A page\n", encoding="utf-8")
    server = LiveReloadServer(lambda: None, "127.0.0.1", free_port(), str(tmp_path / "site"))
    server.watch(str(page.parent))
    assert preview.watch_natively(server)
    assert type(server.observer).__name__ == "_ChangeObserver"
    server.observer.start()
    try:

        def woken(within: float) -> bool:
            with server._rebuild_cond:
                return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=within)

        time.sleep(0.2)
        assert page.read_text(encoding="utf-8") == "# A page\n"  # MkDocs reads every page it builds
        assert not woken(1.0)
        page.write_text("# A page, edited\n", encoding="utf-8")
        assert woken(5.0)
    finally:
        server.observer.stop()
        server.observer.join()
