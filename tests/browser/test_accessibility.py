"""axe-core (bundled with axe-playwright-python, works offline) finds no serious or critical
accessibility problem on the main kinds of page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from sitekit import Targets

AUDITED = ["home", "incident", "actor", "place", "source", "map", "timeline"]
BLOCKING = {"serious", "critical"}


@pytest.mark.parametrize("kind", AUDITED)
def test_no_serious_accessibility_violations(page: Page, targets: Targets, kind: str) -> None:
    page.goto(targets[kind])
    page.wait_for_load_state("networkidle")
    result = Axe().run(page)
    violations = result.response["violations"]
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in violations
        if v["impact"] in BLOCKING
    ]
    assert blocking == [], "\n".join(blocking)
