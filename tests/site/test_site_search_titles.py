"""The search page shows page titles and headings as text, never as HTML that runs.

Sphinx 7's search page writes each result's title with innerHTML. A small site with the
workshop's search extension, one page whose heading holds an <img onerror=...>, is built
here and searched in Chromium (the site tier's browser, no network).
"""
import html
import json

import pytest
from sphinx.application import Sphinx

from workshop_kit.sphinx.search_words import as_text

TITLE = 'Ice <img src="missing.png" onerror="window.ran = true">'


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    """Overrides the built website: this module's own two-page site."""
    source = tmp_path_factory.mktemp("search-site")
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "workshop_kit.sphinx.search_words"]\nhtml_theme = "basic"\n')
    (source / "index.md").write_text("# Workshop\n\n```{toctree}\nlesson\n```\n")
    (source / "lesson.md").write_text(f"# {TITLE}\n\n## Sea <b>ice</b> & snow\n\nGlacier thickness.\n")
    out = source / "_build"
    for _ in range(2):  # the second build reads the first one's index back: nothing doubles
        Sphinx(str(source), str(source), str(out), str(out / ".doctrees"), "html",
               status=None, warning=None, freshenv=False).build(force_all=True)
    return out


def test_a_title_holding_html_is_shown_as_text_in_the_results(open_page):
    page = open_page("search.html?q=glacier").page
    page.wait_for_selector("ul.search li a", timeout=20000)
    assert page.eval_on_selector_all("ul.search li a", "links => links.map(a => a.textContent)") == [TITLE]
    assert page.evaluate("() => window.ran") is None, "the title's HTML ran on the search page"
    assert page.query_selector("ul.search img") is None


def test_every_title_in_the_index_is_escaped_text_once(site_dir):
    index = json.loads((site_dir / "searchindex.js").read_text()[len("Search.setIndex("):-1])
    assert html.escape(TITLE, quote=False) in index["titles"]
    assert "Sea &lt;b&gt;ice&lt;/b&gt; &amp; snow" in index["alltitles"]


@pytest.mark.parametrize("title, shown", [
    ("a < b & c", "a &lt; b &amp; c"),
    ("a &lt; b", "a &lt; b"),                 # escaped once already (an earlier build's index)
    ('<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;'),
])
def test_a_title_is_escaped_once(title, shown):
    assert as_text(title) == shown == as_text(shown)
