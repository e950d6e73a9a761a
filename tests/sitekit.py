"""Build the dossier site and serve it on 127.0.0.1, the way GitHub Pages serves a project page.

Shared by the browser tests, the publishing tests and the site configuration tests. The server is
Python's own static file server (``http.server``) with one addition: a ``LinkChecker`` response
header, which lets linkchecker go faster than its polite default rate.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PROJECT = Path(__file__).resolve().parents[1]
"""The repository: mkdocs.yml, docs/, seeds/, build_dossier/."""

SCREENSHOTS = PROJECT / "artifacts" / "screenshots"
"""Screenshots for a human to look at (and for CI to keep); ignored by git."""


class _StaticFiles(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a crawl makes hundreds of requests."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1; yields ``http://127.0.0.1:PORT``."""
    handler = functools.partial(_StaticFiles, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def mkdocs_env(site_url: str, **extra: str) -> dict[str, str]:
    """Environment for MkDocs: the address the site is served at, links inside raw HTML checked
    too (htmlproofer, opt-in in mkdocs.yml), no MkDocs 2 banner."""
    return {
        **os.environ,
        "DOSSIER_SITE_URL": site_url,
        "DOSSIER_HTMLPROOFER": "true",
        "NO_MKDOCS_2_WARNING": "1",
        **extra,
    }


def run_mkdocs(args: list[str], project: Path, site_url: str, **env: str) -> str:
    """Run ``python -m mkdocs ARGS`` in ``project`` (so the hooks import ``build_dossier`` from
    it); fails with MkDocs's own output, returns it otherwise."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        env=mkdocs_env(site_url, **env),
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs {' '.join(args)} failed:\n{output}"
    return output


def build_site(site_dir: Path, site_url: str, project: Path = PROJECT, **env: str) -> str:
    """``mkdocs build --strict`` of ``project`` into ``site_dir``; returns MkDocs's output."""
    return run_mkdocs(["build", "--strict", "--site-dir", str(site_dir)], project, site_url, **env)


def make_project(root: Path, seeds: Path | Mapping[str, str]) -> Path:
    """A separate dossier project in ``root`` with its own articles and this repository's site.

    ``seeds`` is a folder to copy or a mapping of file name to text. The configuration, theme
    overrides, hand-written pages and the package are shared with the repository; ``docs/``
    starts without generated pages, which the build writes from the seeds.
    """
    from build_dossier.settings import GENERATED_DIRS, GENERATED_PAGES, MANIFEST_NAME

    generated = {*GENERATED_DIRS, *GENERATED_PAGES, MANIFEST_NAME}
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    (root / "build_dossier").symlink_to(PROJECT / "build_dossier", target_is_directory=True)
    docs = root / "docs"
    docs.mkdir()
    for entry in sorted((PROJECT / "docs").iterdir()):
        if entry.name in generated:
            continue
        if entry.is_dir():
            shutil.copytree(entry, docs / entry.name)
        else:
            shutil.copy2(entry, docs / entry.name)
    if isinstance(seeds, Path):
        shutil.copytree(seeds, root / "seeds")
    else:
        (root / "seeds").mkdir()
        for name, text in sorted(seeds.items()):
            (root / "seeds" / name).write_text(text, encoding="utf-8")
    return root


def index_links(page: Page, index_url: str) -> dict[str, str]:
    """Link text -> absolute address of every link in the content of an index page."""
    page.goto(index_url)
    pairs = page.locator("article.md-content__inner a[href]:not(.headerlink)").evaluate_all(
        "links => links.map(a => [a.textContent.trim(), a.href])"
    )
    return {text: href for text, href in pairs if text}


def first_link(page: Page, index_url: str, pattern: str) -> str:
    """The first page below an index page (``…/incidents/`` -> ``…/incidents/NAME/``) whose link
    text on that index page matches ``pattern``: tests find their pages the way a reader does,
    not by generated file names."""
    links = index_links(page, index_url)
    matches = [
        href
        for text, href in links.items()
        if href.startswith(index_url) and href != index_url and re.search(pattern, text, re.I)
    ]
    assert matches, f"no link matching {pattern!r} on {index_url}: {sorted(links.items())}"
    return matches[0]


FOUND_FROM_INDEX = {
    "incident": ("incidents/", r"Radisson"),
    "actor": ("actors/", r"MINUSMA"),
    "place": ("places/", r"Bamako"),
    "source": ("sources/", r"."),
}
"""Pages found by following an index page's links: (index page, pattern of the link text)."""

FIXED_PAGES = {
    "home": "",
    "incidents": "incidents/",
    "timeline": "timeline/",
    "map": "map/",
    "network": "network/",
    "conflicts": "conflicts/",
}


class Targets:
    """One page of each kind, looked up on first use, so a missing kind fails only its tests."""

    def __init__(self, site: str, browser: Browser) -> None:
        self.site, self.browser, self.found = site, browser, {}

    def __getitem__(self, kind: str) -> str:
        if kind in FIXED_PAGES:
            return self.site + FIXED_PAGES[kind]
        if kind not in self.found:
            index, pattern = FOUND_FROM_INDEX[kind]
            context = self.browser.new_context()
            try:
                self.found[kind] = first_link(context.new_page(), self.site + index, pattern)
            finally:
                context.close()
        return self.found[kind]
