"""A self-check's one line reads whole on a phone (issue #24): the line is long, and on the
website it ran off the side of its output box, to be read by scrolling the box sideways.
book/assets/workshop.css wraps the lines of printed output inside their box.

The built site's copy of workshop.css is the one of its last build: this test serves the
current book/assets/workshop.css in its place, so a change to the style is tested on the
built pages without rebuilding the site.
"""
import pytest

from workshop_kit.repo import ROOT
from helpers.site_pages import PAGES

PHONE = {"width": 375, "height": 812}
LESSON_PAGES = [page for page in PAGES if page.split("/")[-2] == "notebooks"]
# Each self-check line on the page, and how much of it is hidden past its box's right edge.
SELF_CHECK_LINES = """() => [...document.querySelectorAll('.cell_output .output.stream pre')]
  .filter(pre => /^(\u2705|\u274c)/.test(pre.textContent.trim()))
  .map(pre => ({line: pre.textContent.trim().slice(0, 40), hidden: pre.scrollWidth - pre.clientWidth}))"""


@pytest.fixture(scope="module")
def phone(browser, site_url):
    css = (ROOT / "book" / "assets" / "workshop.css").read_text(encoding="utf-8")

    def route(route):
        url = route.request.url.split("?")[0]
        if url.endswith("/_static/workshop.css"):
            route.fulfill(body=css, content_type="text/css")
        elif url.startswith(site_url):
            route.continue_()
        else:
            route.abort()

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    context.route("**/*", route)
    yield context
    context.close()


@pytest.mark.parametrize("path", LESSON_PAGES)
def test_a_self_check_line_wraps_inside_its_box_on_a_phone(phone, site_url, path):
    page = phone.new_page()
    try:
        page.goto(site_url + path, wait_until="networkidle")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        lines = page.evaluate(SELF_CHECK_LINES)
    finally:
        page.close()
    assert lines, f"{path} shows no self-check line"
    assert [line for line in lines if line["hidden"] > 1] == [], f"{path}: lines run off their box"
