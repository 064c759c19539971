"""Accessibility of every built page, checked by axe-core (from npm) in Debian's Chromium.

axe runs on each page after MathJax, the widgets and the map have drawn, with its default
rules (WCAG 2.0-2.2 A and AA and best practices). A serious or critical violation fails the
test; every result of this run, minor ones too, is written to _build/axe-results.json for
review (only the pages this run checked: nothing is kept from an earlier run).
"""
import json

import pytest

from workshop_kit.repo import ROOT, SITE_DIR
from helpers.site_pages import PAGES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RESULTS = SITE_DIR.parent / "axe-results.json"
BLOCKING = {"serious", "critical"}
# The search page is checked with results on it.
A11Y_PAGES = PAGES + ["search.html?q=earthquakes", "zh-TW/search.html?q=儲存格"]


def axe_violations(page):
    """[{id, impact, nodes: [css selectors]}] for the page as it is now."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (tools/setup_and_build.sh does).")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v =>"
        " ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))")


@pytest.fixture(scope="module")
def results():
    """Collects this run's violations, page by page, and writes them once all are checked."""
    found = {}
    yield found
    RESULTS.write_text(json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


@pytest.mark.parametrize("path", A11Y_PAGES)
def test_page_has_no_serious_accessibility_violation(open_page, results, path):
    page = open_page(path)
    page.settle()
    if path.startswith("search.html"):
        page.page.wait_for_selector("ul.search li a", timeout=15000)
    violations = axe_violations(page.page)
    results[path] = violations
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], f"axe found serious or critical violations on {path}"


def test_axe_reports_a_violation_when_there_is_one(open_page):
    """The check above can fail: a button with no name and an image with no alt text,
    added to a real page, are reported as critical."""
    page = open_page("notebooks/00-welcome.html")
    page.settle()
    page.page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML('afterbegin',"
        " '<button id=nameless></button><img id=no-alt src=\"../_static/file.png\">')")
    found = {v["id"]: v for v in axe_violations(page.page)}
    assert found["button-name"]["impact"] == "critical"
    assert found["image-alt"]["impact"] == "critical"
