"""axe-core (bundled with axe-playwright-python, works offline) finds no serious or critical
accessibility problem on the main kinds of page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from sitekit import Targets

AUDITED = ["home", "incident", "actor", "place", "source", "map", "timeline"]
BLOCKING = {"serious", "critical"}


def blocking_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as loaded, one line each."""
    result = Axe().run(page)
    violations = result.response["violations"]
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in violations
        if v["impact"] in BLOCKING
    ]
    return blocking


@pytest.mark.parametrize("kind", AUDITED)
def test_no_serious_accessibility_violations(page: Page, targets: Targets, kind: str) -> None:
    page.goto(targets[kind])
    page.wait_for_load_state("networkidle")
    blocking = blocking_violations(page)
    assert blocking == [], "\n".join(blocking)


@pytest.mark.parametrize("kind", ["incident", "map"])
def test_dark_scheme_has_no_serious_violations(page: Page, targets: Targets, kind: str) -> None:
    """Readers whose system prefers dark get the slate scheme; its contrast is checked too."""
    page.emulate_media(color_scheme="dark")
    page.goto(targets[kind])
    page.wait_for_load_state("networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    blocking = blocking_violations(page)
    assert blocking == [], "\n".join(blocking)
