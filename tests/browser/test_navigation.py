"""Cross-links work in a real browser, and every kind of page loads cleanly."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sitekit import Targets

PAGE_KINDS = [
    "home",
    "incidents",
    "incident",
    "actor",
    "place",
    "source",
    "timeline",
    "map",
    "network",
    "conflicts",
]


def heading(page: Page) -> str:
    """The page's title as shown, without the permalink sign after it."""
    return page.locator("article h1").evaluate(
        "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()"
    )


def test_incident_to_actor_and_back(page: Page, targets: Targets, problems: list[str]) -> None:
    page.goto(targets["incident"])
    title = heading(page)
    actor_link = page.locator("article a[href*='/actors/']").first
    actor_name = actor_link.inner_text()
    actor_link.click()
    expect(page).to_have_url(re.compile(r"/dossier/actors/[^/]+/"))
    assert heading(page) == actor_name
    back = page.locator("article a[href*='/incidents/']", has_text=title).first
    expect(back).to_be_visible()
    back.click()
    assert heading(page) == title
    assert page.url.split("#")[0] == targets["incident"]
    assert problems == []


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_loads_without_errors(page: Page, targets: Targets, kind: str, problems: list[str]) -> None:
    response = page.goto(targets[kind])
    assert response is not None and response.ok
    page.wait_for_load_state("networkidle")
    expect(page.locator("article h1")).not_to_be_empty()
    assert problems == []


def test_navigation_tabs_reach_every_section(page: Page, site: str, problems: list[str]) -> None:
    page.goto(site)
    hrefs = page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all(
        "links => links.map(a => a.href)"
    )
    sections = sorted({h.split("#")[0] for h in hrefs})
    assert len(sections) >= 11, sections
    for href in sections:
        response = page.goto(href)
        assert response is not None and response.ok, href
    assert problems == []
