"""The built website, opened in a real browser (Chromium) with no network.

Every request to anything but the local test server is blocked and recorded
(workshop_kit.sitebrowser), so a page that still needs a CDN fails here instead of showing
raw TeX or a blank map to a reader.
"""
import re

import pytest

from workshop_kit.repo import EDITIONS
from helpers.site_pages import PAGES
from workshop_kit.sitebrowser import WIDGET_VIEW

# What MathJax typesets: the elements Sphinx writes around each equation.
MATH_IN_HTML = re.compile(r"""<(?:span|div) class=["']math\b""")


@pytest.mark.parametrize("path", PAGES)
def test_page_needs_nothing_from_outside_and_logs_no_error(open_page, site_dir, path):
    page = open_page(path)
    page.settle()
    assert page.blocked == [], f"{path} tried to load from outside the site"
    # Also every 404: a file the page asks for (a MathJax font, say) missing from the site.
    assert page.errors == [], f"{path} logged errors in the browser console"
    images = page.page.eval_on_selector_all(
        "main img", "imgs => imgs.map(i => [i.getAttribute('alt') || '', i.naturalWidth, i.src])")
    for alt, width, src in images:
        assert alt.strip(), f"an image on {path} has no alt text: {src}"
        assert width > 0, f"an image on {path} did not load: {src}"

    # Every equation the HTML holds is typeset, and nothing else was taken for one.
    equations = len(MATH_IN_HTML.findall((site_dir / path).read_text(encoding="utf-8")))
    assert page.page.locator("mjx-container").count() == equations, f"equations typeset on {path}"
    assert page.page.locator("mjx-merror").count() == 0, f"MathJax could not read an equation on {path}"

    # Every widget stored in the page is drawn in place of its placeholder, and every map
    # shows its layers (the GeoJSON outlines and circles are SVG paths).
    views = page.page.eval_on_selector_all(
        WIDGET_VIEW, "ss => ss.map(s => !!s.previousElementSibling?.querySelector('.jupyter-widgets'))")
    assert all(views), f"{views.count(False)} of {len(views)} widgets on {path} were not drawn"
    maps = page.page.eval_on_selector_all(
        ".leaflet-container", "ms => ms.map(m => m.querySelectorAll('path.leaflet-interactive').length)")
    assert all(layers > 0 for layers in maps), f"a map on {path} has no layers drawn: {maps}"


def test_widget_pages_are_checked(site_dir):
    """The checks above mean something only if some pages do hold widgets and maps."""
    holding = [p for p in PAGES if "widget-view+json" in (site_dir / p).read_text(encoding="utf-8")]
    assert "notebooks/08-map-taiwan-earthquakes.html" in holding


def test_mathjax_extensions_kept_for_future_lessons_load(open_page):
    """The site ships only some MathJax extensions (workshop_kit/sphinx/offline_assets.py); the commands
    they bring still typeset with no network, and no file is missing."""
    page = open_page("notebooks/02-notebook-basics.html")
    page.settle()
    commands = [r"\cancel{x}", r"\boldsymbol{v}", r"\color{red}{T}", r"\ce{CO2 + H2O}",
                r"\dv{T}{t}", r"\ket{\psi}", r"a \coloneqq b", r"20\degree", r"\upmu"]
    errors = page.page.evaluate(
        "async tex => { const out = [];"
        " for (const t of tex) { const n = await MathJax.tex2chtmlPromise(t, {display: false});"
        "   if (n.querySelector('mjx-merror') || !n.querySelector('mjx-math')) out.push(t); }"
        " return out; }", commands)
    page.page.wait_for_load_state("networkidle")
    assert errors == [], "these commands did not typeset"
    assert page.errors == [] and page.blocked == []


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


MAP_PAGES = [f"{e.site_prefix}notebooks/08-map-taiwan-earthquakes.html" for e in EDITIONS
             if (e.lessons_dir / "08-map-taiwan-earthquakes.ipynb").is_file()]


@pytest.mark.parametrize("path", MAP_PAGES)
def test_map_draws_its_layers_and_the_slider_zooms_it(open_page, path):
    page = open_page(path).page
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


@pytest.mark.parametrize("edition, term, expected_page", [
    ("", "earthquakes", "08-map-taiwan-earthquakes"),
    ("", "熱傳導", "02-notebook-basics"),  # "heat conduction": found only if Chinese words are indexed
    ("", "傅立葉", "02-notebook-basics"),  # "Fourier": needs a dictionary of Traditional words
    ("zh-TW/", "傅立葉", "02-notebook-basics"),
    ("zh-TW/", "儲存格", "02-notebook-basics"),
    ("zh-TW/", "Markdown", "02-notebook-basics"),
])
def test_search_finds_english_and_chinese_terms(open_page, edition, term, expected_page):
    page = open_page(f"{edition}search.html?q={term}").page
    page.wait_for_selector("ul.search li a", timeout=15000)
    found = page.eval_on_selector_all("ul.search li a", "links => links.map(a => a.href)")
    assert any(expected_page in link for link in found), found
