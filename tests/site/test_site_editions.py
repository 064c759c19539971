"""One site, both editions: English at _build/html/, zh-TW at _build/html/zh-TW/.

- Every page says its language (<html lang="en"> or "zh-TW").
- Every page links to the same page in the other language (or to that edition's home page
  when it has no such page yet), and the link leads to a page that exists.
- Searching the zh-TW site for any term of its glossary finds every page that uses it (in
  Chromium, with Sphinx's own search code; the browser fixtures come from
  workshop_kit.sitebrowser).
"""
import posixpath
from html import unescape
from html.parser import HTMLParser

import pytest

from workshop_kit import glossary
from workshop_kit.repo import EDITIONS, TRADITIONAL_CHINESE
from workshop_kit.sphinx.language_switch import has_page

HOME = "book/intro"


class Page(HTMLParser):
    """A built page's language, its language switch links, and the text of its article (without
    the words of a folded cell's toggle, <summary>, which are the frame's, not the page's)."""

    def __init__(self, html: str):
        super().__init__()
        self.lang, self.switches, self._depth, self._summary, self.text = None, [], 0, 0, []
        self.feed(html)
        self.text = unescape(" ".join(self.text))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and "workshop-language-switch" in attrs.get("class", ""):
            self.switches.append((attrs.get("hreflang"), attrs.get("href")))
        if tag == "article" or self._depth:
            self._depth += 1
        self._summary += tag == "summary"

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
        self._summary -= tag == "summary" and self._summary > 0

    def handle_data(self, data):
        if self._depth and not self._summary:
            self.text.append(data)


def edition_pages(site_dir, edition):
    """(page name without .html, path) of every page the edition's build wrote (not
    index.html, which only sends the browser on to the home page)."""
    top = site_dir / edition.folder if edition.folder else site_dir
    others = {e.folder for e in EDITIONS if e.folder and e != edition}
    pages = []
    for path in sorted(top.rglob("*.html")):
        parts = path.relative_to(top).parts
        if parts[0] in others or "_static" in parts or parts == ("index.html",):
            continue
        pages.append((path.relative_to(top).with_suffix("").as_posix(), path))
    return pages


@pytest.mark.parametrize("edition", EDITIONS, ids=str)
def test_every_page_says_its_language(site_dir, edition):
    pages = edition_pages(site_dir, edition)
    assert len(pages) >= 5
    wrong = {name: Page(path.read_text(encoding="utf-8")).lang for name, path in pages
             if Page(path.read_text(encoding="utf-8")).lang != edition.language}
    assert wrong == {}


@pytest.mark.parametrize("edition", EDITIONS, ids=str)
def test_every_page_links_to_itself_in_the_other_language(site_dir, edition):
    problems = []
    for name, path in edition_pages(site_dir, edition):
        switches = dict(Page(path.read_text(encoding="utf-8")).switches)
        for other in EDITIONS:
            if other == edition:
                continue
            href = switches.get(other.language)
            if href is None:
                problems.append(f"{name}: no link to {other}")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path.relative_to(site_dir).as_posix()), href))
            expected = f"{other.site_prefix}{name if has_page(other, name) else HOME}.html"
            if target != expected or not (site_dir / target).is_file():
                problems.append(f"{name}: links to {target}, not {expected}")
    assert problems == []


def test_the_switch_on_a_translated_lesson_leads_to_the_english_lesson_and_back(site_dir):
    """The check above bites on the pages that matter most: a lesson in both languages."""
    zh = Page((site_dir / "zh-TW/notebooks/02-notebook-basics.html").read_text(encoding="utf-8"))
    en = Page((site_dir / "notebooks/02-notebook-basics.html").read_text(encoding="utf-8"))
    assert zh.switches == [("en", "../../notebooks/02-notebook-basics.html")]
    assert en.switches == [("zh-TW", "../zh-TW/notebooks/02-notebook-basics.html")]


def pages_using(site_dir, word):
    """The zh-TW pages whose article text contains `word`."""
    return sorted(name for name, path in edition_pages(site_dir, TRADITIONAL_CHINESE)
                  if name not in ("search", "genindex")
                  and word in Page(path.read_text(encoding="utf-8")).text)


SEARCH = """words => words.map(word => {
  const [query, terms, excluded, highlight, objects] = Search._parseQuery(word);
  return Search._performSearch(query, terms, excluded, highlight, objects).map(r => r[0]);
})"""


def search(open_page, words):
    page = open_page("zh-TW/search.html").page
    # Sphinx's `Search` is a top-level const of searchtools.js, not a property of window.
    page.wait_for_function("() => typeof Search !== 'undefined' && Search.hasIndex()", timeout=15000)
    return dict(zip(words, page.evaluate(SEARCH, words)))


def test_every_glossary_term_finds_the_pages_that_use_it(open_page, site_dir):
    words = glossary.search_words()
    assert "傅立葉" in words and "儲存格" in words
    found = search(open_page, words)
    missed = {}
    for word in words:
        using = pages_using(site_dir, word)
        assert "book/glossary" in using, f"{word} is not on the glossary page's text"
        lost = sorted(set(using) - set(found[word]))
        if lost:
            missed[word] = lost
    assert missed == {}, "searching these terms misses pages that use them"


def test_search_misses_a_word_that_jiebas_dictionary_splits(open_page, site_dir):
    """The check above can fail: a phrase no dictionary holds as one word ("熱傳導定律",
    Fourier's law of heat conduction, which the lesson writes) is on the page but not found."""
    assert "notebooks/02-notebook-basics" in pages_using(site_dir, "傅立葉熱傳導定律")
    assert search(open_page, ["傅立葉熱傳導定律"])["傅立葉熱傳導定律"] == []
