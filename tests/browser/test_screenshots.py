"""Screenshots of the main pages at desktop and phone widths, for a person to look at.

They are written to ``artifacts/screenshots/`` (ignored by git, kept by CI). The test checks
what can be checked without eyes: nothing overflows the page sideways on a phone, and every
screenshot is a real image of some size.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from sitekit import SCREENSHOTS, Targets

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = ["home", "incident", "actor", "place", "source", "map", "timeline", "network", "conflicts"]


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_screenshot(browser: Browser, targets: Targets, viewport: str, kind: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = VIEWPORTS[viewport]
    context = browser.new_context(viewport=size, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(targets[kind])
        page.wait_for_load_state("networkidle")
        path = SCREENSHOTS / f"{kind}-{viewport}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000, path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= size["width"], f"{kind} is {width}px wide at {viewport} width"
    finally:
        context.close()
