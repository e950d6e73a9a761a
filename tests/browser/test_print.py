"""An incident page prints as a briefing: the content only, nothing cut off at the side."""

from __future__ import annotations

from playwright.sync_api import Page
from sitekit import Targets

SCREEN_ONLY = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]
"""The site's chrome, which has no place on paper."""


def test_incident_page_prints_its_content_only(page: Page, targets: Targets) -> None:
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(targets["incident"])
    page.emulate_media(media="print")
    shown = [selector for selector in SCREEN_ONLY if page.locator(selector).first.is_visible()]
    assert shown == []
    assert page.locator("article h1").is_visible()
    assert page.locator(".dossier-infobox").is_visible()
    assert page.locator("article table").count() >= 2  # the infobox and "What the sources say"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 794, f"the printed page is {width}px wide"
    headline_colour = page.locator("article h1").evaluate("h => getComputedStyle(h).color")
    assert headline_colour == "rgb(0, 0, 0)"
    assert len(page.pdf(format="A4")) > 10_000
