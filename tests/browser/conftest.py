"""Browser tests: the built dossier in Debian's chromium, driven by Playwright.

The site is built once per session with ``mkdocs build --strict`` in a copy of the project (the
MkDocs hook regenerates the pages from ``seeds/`` there, never in this repository's ``docs/``)
into ``www/dossier/`` and served under ``/dossier/`` on 127.0.0.1, as
GitHub Pages serves a project page. Never run ``playwright install``: the tests use the system
chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page
from sitekit import PROJECT, Targets, build_site, make_project, serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",  # required when running as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Debian's chromium through Playwright")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options: the system chromium, no network side channels."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dossier built from ``seeds/``, served; yields its address ending in ``/dossier/``."""
    root = tmp_path_factory.mktemp("dossier")
    project = make_project(root / "project", PROJECT / "seeds")
    www = root / "www"
    with serve(www) as origin:
        url = f"{origin}/dossier/"
        build_site(www / "dossier", url, project=project)
        yield url


@pytest.fixture
def problems(page: Page) -> list[str]:
    """What went wrong while the test's pages loaded: console errors, uncaught exceptions,
    failed requests, and any request to a host other than 127.0.0.1."""
    found: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            found.append(f"console error: {message.text}")

    def on_request(request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:")) and host != "127.0.0.1":
            found.append(f"request to another host: {request.url}")

    def on_failed(request) -> None:
        # net::ERR_ABORTED is the page's own search worker, cancelled when the test navigates on.
        if request.failure != "net::ERR_ABORTED":
            found.append(f"request failed: {request.url} ({request.failure})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(f"uncaught error: {error}"))
    page.on("request", on_request)
    page.on("requestfailed", on_failed)
    page.on("response", lambda r: r.status >= 400 and found.append(f"HTTP {r.status}: {r.url}"))
    return found


@pytest.fixture(scope="session")
def targets(site: str, browser: Browser) -> Targets:
    return Targets(site, browser)
