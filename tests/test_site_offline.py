"""The built website, opened in a real browser (Debian's Chromium) with no network.

Every request to anything but the local test server is blocked and recorded, so a page
that still needs a CDN fails here instead of showing raw TeX or a blank map to a reader.
"""
import functools
import re
import http.server
import threading

import pytest
from playwright.sync_api import sync_playwright

from conftest import LESSONS, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
# Every page of the book: the narrative pages and one page per lesson.
PAGES = [f"book/{page.stem}.html" for page in sorted((ROOT / "book").glob("*.md"))] + [
    f"notebooks/{lesson.stem}.html" for lesson in LESSONS
]


@pytest.fixture(scope="module")
def site_url(site_dir):
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class OfflinePage:
    """A page whose requests outside the site are blocked, with what it tried and logged."""

    def __init__(self, browser, site_url, path):
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.blocked, self.errors = [], []
        self.context.route("**/*", self._only_the_site(site_url))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))
        self.page.goto(site_url + path, wait_until="networkidle")

    def _only_the_site(self, site_url):
        def handle(route):
            if route.request.url.startswith(site_url):
                route.continue_()
            else:
                self.blocked.append(route.request.url)
                route.abort()
        return handle


@pytest.fixture
def open_page(browser, site_url):
    opened = []

    def open_(path):
        opened.append(OfflinePage(browser, site_url, path))
        return opened[-1]

    yield open_
    for page in opened:
        page.context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_needs_nothing_from_outside_and_logs_no_error(open_page, path):
    page = open_page(path)
    # Let late work finish: MathJax, widgets, and the fonts they ask for.
    page.page.wait_for_timeout(1000)
    page.page.evaluate("() => document.fonts.ready.then(() => true)")
    page.page.wait_for_load_state("networkidle")
    assert page.blocked == [], f"{path} tried to load from outside the site"
    assert page.errors == [], f"{path} logged errors in the browser console"
    images = page.page.eval_on_selector_all(
        "main img", "imgs => imgs.map(i => [i.getAttribute('alt') || '', i.naturalWidth, i.src])")
    for alt, width, src in images:
        assert alt.strip(), f"an image on {path} has no alt text: {src}"
        assert width > 0, f"an image on {path} did not load: {src}"


def test_math_is_typeset_beside_chinese_text(open_page):
    page = open_page("notebooks/02-notebook-basics.html").page
    page.wait_for_selector("mjx-container", timeout=15000)
    equations = page.locator("mjx-container")
    assert equations.count() >= 8  # Fourier's law, its symbols, and the Chinese sentence
    assert page.locator("mjx-container[display=true]").count() >= 1
    assert "傅立葉熱傳導定律" in page.inner_text("main")
    # No TeX left unrendered in the page's text.
    assert "\\frac" not in page.inner_text("main")


def test_python_and_r_figures_are_shown_with_alt_text(open_page):
    for path, alt_words in [
        ("notebooks/03-kernels-python.html", "Mauna Loa"),
        ("notebooks/03-kernels-r.html", "drawn by R"),
    ]:
        page = open_page(path).page
        figures = page.locator(f"img[alt*='{alt_words}']")
        assert figures.count() >= 1, f"no figure with alt text about {alt_words!r} on {path}"
        width = figures.first.evaluate("img => img.complete ? img.naturalWidth : 0")
        assert width > 100, f"the figure on {path} did not load"


def test_map_draws_its_layers_and_the_slider_zooms_it(open_page):
    page = open_page("notebooks/08-map-taiwan-earthquakes.html").page
    page.wait_for_selector(".leaflet-container path.leaflet-interactive", state="attached", timeout=20000)
    shapes = page.locator(".leaflet-container path.leaflet-interactive")
    # 20 earthquakes + 2 cities as circles, plus the outlines of Taiwan and its neighbours.
    assert shapes.count() >= 24
    assert page.locator(".leaflet-control-layers").count() == 1

    def quake_spread():
        """How far apart the earthquake circles are on screen: doubles with each zoom step."""
        return page.evaluate(
            "() => { const xs = [...document.querySelectorAll('.leaflet-container path[fill=crimson]')]"
            ".map(p => { const b = p.getBoundingClientRect(); return b.x + b.width / 2; });"
            " return Math.max(...xs) - Math.min(...xs); }"
        )

    before = quake_spread()
    slider = page.locator(".widget-slider .noUi-handle, .widget-slider input").first
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(1000)
    assert quake_spread() == pytest.approx(2 * before, rel=0.05), "the Zoom slider did not zoom the map in one step"


def test_no_page_refers_to_scripts_styles_or_fonts_elsewhere(site_dir):
    """A static check of every built page, including ones the browser tests do not open."""
    outside = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""")
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= len(PAGES)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not outside.search(text), f"{page.relative_to(site_dir)} loads {outside.search(text).group(0)}"
        assert "unpkg.com" not in text and "cdn.jsdelivr" not in text and "cdnjs" not in text


@pytest.mark.parametrize("term, expected_page", [
    ("earthquakes", "08-map-taiwan-earthquakes"),
    ("熱傳導", "02-notebook-basics"),  # "heat conduction": found only if Chinese words are indexed
])
def test_search_finds_english_and_chinese_terms(open_page, term, expected_page):
    page = open_page(f"search.html?q={term}").page
    page.wait_for_selector("ul.search li a", timeout=15000)
    found = page.eval_on_selector_all("ul.search li a", "links => links.map(a => a.href)")
    assert any(expected_page in link for link in found), found
