"""Full-text search finds pages by their names and by the aliases the articles use."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def search(page: Page, site: str, query: str) -> list[tuple[str, str]]:
    """Type ``query`` into Material's search box; (title, address) of every result."""
    page.goto(site)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # fill() sends no key events, and Material searches on keyup
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ matching|No matching"))
    results = page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => [a.querySelector('h1, h2') ? "
        "a.querySelector('h1, h2').textContent.trim() : a.textContent.trim(), a.href])"
    )
    return [(title, href) for title, href in results]


def test_radisson_finds_the_radisson_incident(page: Page, site: str, problems: list[str]) -> None:
    results = search(page, site, "Radisson")
    incidents = [(t, h) for t, h in results if "/dossier/incidents/" in h and "Radisson" in t]
    assert incidents, results
    page.goto(incidents[0][1])
    expect(page.locator("article h1")).to_contain_text("Radisson")
    expect(page.locator("article")).to_contain_text("Bamako")
    assert problems == []


def test_peacekeeping_alias_finds_minusma(page: Page, site: str, problems: list[str]) -> None:
    for alias in ("peacekeeping", "UN mission"):
        results = search(page, site, alias)
        actors = [h for t, h in results if "/dossier/actors/" in h and "MINUSMA" in t]
        assert actors, (alias, results)
    assert problems == []


def test_byblos_finds_the_sevare_incident(page: Page, site: str, problems: list[str]) -> None:
    results = search(page, site, "Byblos")
    incidents = [h for t, h in results if "/dossier/incidents/" in h]
    assert incidents, results
    page.goto(incidents[0])
    heading = page.locator("article h1").inner_text()
    text = page.locator("article").inner_text()
    assert "Byblos" in heading or "Byblos" in text, heading
    assert re.search(r"S[eé]var[eé]", text), heading
    assert problems == []
