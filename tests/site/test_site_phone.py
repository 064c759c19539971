"""Every page of the website reads on a phone: 375 px wide, in Chromium, with no network.

Nothing may make the page wider than the screen (a long web address in the text, a form, a
map): the reader would have to scroll sideways to read each line. Code blocks and wide
tables may scroll inside their own box, as they do on any screen. A lesson's Time and
Prerequisites lines must stay two lines, not run together into one paragraph.
"""
import functools
import http.server
import threading

import pytest
from playwright.sync_api import sync_playwright

from workshop_kit.browser import launch_chromium
from workshop_kit.repo import LESSONS, ROOT

PHONE = {"width": 375, "height": 812}
PAGES = [f"book/{page.stem}.html" for page in sorted((ROOT / "book").glob("*.md"))] + [
    f"notebooks/{lesson.stem}.html" for lesson in LESSONS
]
# For the failure message: the innermost elements that reach past the right edge, leaving
# out code and tables, which scroll in their own boxes.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  // how far an element or the text in it reaches (text may spill out of its box)
  const out = e => Math.max(e.getBoundingClientRect().right,
                            e.getBoundingClientRect().left + e.scrollWidth) > width + 1;
  return [...document.querySelectorAll('main *')]
    .filter(e => out(e) && ![...e.children].some(out) && !e.closest('pre, table, .highlight'))
    .map(e => `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 40)}"`)
    .slice(0, 5);
}"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def phone(site_dir):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                      device_scale_factor=2)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                      else route.abort())
        page = context.new_page()

        def open_(path):
            page.goto(url + path, wait_until="networkidle")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            return page

        yield open_
        browser.close()
    server.shutdown()


@pytest.mark.parametrize("path", PAGES)
def test_page_reads_on_a_phone_without_sideways_scrolling(phone, path):
    page = phone(path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (
        f"{path} is {width} px wide on a {PHONE['width']} px phone; sticking out: "
        f"{page.evaluate(STICKING_OUT)}")
    widgets = page.eval_on_selector_all(
        "main .jupyter-widgets", "ws => ws.map(w => Math.round(w.getBoundingClientRect().right))")
    assert all(right <= PHONE["width"] for right in widgets), f"a widget on {path} is wider than the phone"


@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith("notebooks/")])
def test_time_and_prerequisites_are_two_lines(phone, path):
    page = phone(path)
    blocks = page.eval_on_selector_all(
        "main p", "ps => ps.map(p => p.innerText).filter(t => t.includes('Time:') || t.includes('Prerequisites:'))")
    assert len(blocks) == 2 and not any("Time:" in b and "Prerequisites:" in b for b in blocks), blocks


def test_the_phone_check_sees_a_page_that_is_too_wide(phone):
    """The check bites: a long unbreakable line added to a page makes it too wide."""
    page = phone("notebooks/07-getting-content.html")
    page.evaluate("() => { const p = document.createElement('p'); p.textContent = 'x'.repeat(200);"
                  " p.style.whiteSpace = 'nowrap'; document.querySelector('main section').append(p); }")
    assert page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]
    assert any("xxxx" in found for found in page.evaluate(STICKING_OUT))
