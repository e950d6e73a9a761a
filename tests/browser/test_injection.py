"""Article text is untrusted: hostile text shows as the literal text, never as markup or code.

A separate dossier is built from one article full of markup, script, template and Markdown
syntax, through the real pipeline and ``mkdocs build --strict``; every page of it is then opened
in the browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page
from sitekit import build_site, first_link, make_project, serve

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "<!-- c -->",
    "| a | b |",
    "`rm -rf`",
    "---",
    "title: pwned",
]
"""Each must appear on the source page exactly as written."""

ARTICLE = """Gunmen storm <script>alert(1)</script> hotel in Tarvel

TARVEL (AFP) - Gunmen stormed the Ostrander Hotel in the town of Tarvel on Friday, killing at \
least 12 people, a police source said. Witnesses wrote <img src=x onerror=alert(1)> on a wall.

A statement posted online read [click](javascript:alert(1)) and {{ 7*7 }} and {% raw %} and \
<!-- c --> before it was taken down, the police source said.

A banner on the wall of the hotel read
---
title: pwned
---
in red paint, the police source said.

Police said two or three attackers held 30 guests, and a sign read | a | b | while a note said \
`rm -rf` in the lobby.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("hostile")
    project = make_project(root / "project", {"hostile_article.txt": ARTICLE})
    www = root / "www"
    with serve(www) as origin:
        url = f"{origin}/dossier/"
        build_site(www / "dossier", url, project=project)
        yield url, www / "dossier"


def pages_of(site_dir: Path, url: str) -> list[str]:
    """The address of every HTML page of the built site (``url`` ends in ``/``)."""
    return sorted(
        url + path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for path in site_dir.rglob("*.html")
    )


def test_nothing_from_the_article_runs_or_becomes_markup(
    page: Page, hostile_site: tuple[str, Path], problems: list[str]
) -> None:
    url, site_dir = hostile_site
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    addresses = pages_of(site_dir, url)
    assert len(addresses) > 5, addresses
    injected = []
    for address in addresses:
        page.goto(address)
        page.wait_for_load_state("networkidle")
        found = page.evaluate(
            """() => {
                const bad = [];
                for (const el of document.querySelectorAll('*')) {
                    for (const attr of el.attributes) {
                        if (attr.name.startsWith('on')) bad.push(el.tagName + '[' + attr.name + ']');
                        if (/^\\s*javascript:/i.test(attr.value) && attr.name !== 'data-md-component')
                            bad.push(el.tagName + '[' + attr.name + '=' + attr.value + ']');
                    }
                }
                for (const img of document.querySelectorAll('img')) {
                    if (img.getAttribute('src') === 'x') bad.push('img[src=x]');
                }
                for (const script of document.querySelectorAll('script')) {
                    if (script.textContent.includes('alert(')) bad.push('script with alert()');
                }
                for (const heading of document.querySelectorAll('article h1, article h2, article hr')) {
                    if (heading.tagName === 'HR' || /banner|pwned/.test(heading.textContent))
                        bad.push(heading.tagName + ' from --- lines');
                }
                for (const code of document.querySelectorAll('article code')) {
                    if (code.textContent.includes('rm -rf')) bad.push('code from backticks');
                }
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
                while (walker.nextNode()) {
                    if (walker.currentNode.textContent.trim() === 'c') bad.push('<!-- c --> comment');
                }
                return bad;
            }"""
        )
        injected += [f"{address}: {item}" for item in found]
    assert dialogs == []
    assert injected == []
    assert problems == []


def test_the_article_text_shows_literally(page: Page, hostile_site: tuple[str, Path]) -> None:
    url, _ = hostile_site
    page.goto(first_link(page, url + "sources/", r"Tarvel"))
    text = page.locator("article").inner_text()
    missing = [snippet for snippet in HOSTILE if snippet not in text]
    assert missing == [], missing
    assert "49" not in text  # {{ 7*7 }} was never evaluated as a template
