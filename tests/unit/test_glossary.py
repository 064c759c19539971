"""The zh-TW glossary (zh-TW/book/glossary.md) is true to what learners see and what the edition writes.

- Every JupyterLab word it cites is what the installed zh-TW language pack shows, and every
  word it says the pack leaves in English has no translation there (a new pack that
  translates it fails here, so the glossary and the lessons get updated).
- No zh-TW page uses a word the glossary rules out (数据, 服务器, 单元格, ...).
Searching for every glossary term is tested on the built site (tests/site/test_site_editions.py).
"""
import importlib.util
import json
import re
from pathlib import Path

import nbformat
import pytest

from workshop_kit import glossary
from workshop_kit.repo import TRADITIONAL_CHINESE

PACK = "jupyterlab_language_pack_zh_TW"


def pack_translations() -> dict[str, str]:
    """The installed pack's JupyterLab messages: 'context\\x04English' or 'English' -> Chinese."""
    spec = importlib.util.find_spec(PACK)
    assert spec is not None, "jupyterlab-language-pack-zh-TW is not installed (environment.yml lists it)"
    messages = Path(spec.submodule_search_locations[0]) / "locale" / "zh_TW" / "LC_MESSAGES" / "jupyterlab.json"
    found = json.loads(messages.read_text(encoding="utf-8"))
    return {key: value[0] for key, value in found.items() if key and value and value[0]}


def ui_problems(entries, pack) -> list[str]:
    """How the glossary's UI words disagree with the language pack; empty when they agree."""
    problems = []
    for entry in entries:
        key = f"{entry.context}\x04{entry.english}" if entry.context else entry.english
        shown = pack.get(key)
        if entry.chinese and shown != entry.chinese[0]:
            problems.append(f"{entry.english!r}: the glossary says {entry.chinese[0]!r}, "
                            f"the pack shows {shown!r}")
        if not entry.chinese and shown is not None:
            problems.append(f"{entry.english!r}: the glossary says it stays English, the pack "
                            f"now shows {shown!r}")
    return problems


UI = [entry for entry in glossary.entries() if entry.is_ui]


def test_the_glossary_cites_jupyterlab_words():
    asked = {"File", "Kernel", "Change Kernel…", "Run All Cells", "New Launcher",
             "Create New View for Output", "Hub Control Panel", "Language", "Theme", "Settings"}
    assert asked <= {entry.english for entry in UI}


def test_every_ui_word_is_what_the_installed_pack_shows():
    assert ui_problems(UI, pack_translations()) == []


def test_a_wrong_ui_word_is_caught():
    pack = pack_translations()
    wrong = [glossary.Entry("JupyterLab", "Run All Cells", ("執行全部儲存格",)),
             glossary.Entry("JupyterLab", "Run", (), context=""),  # translated without a context
             glossary.Entry("JupyterLab", "Language", ("語言",), context="")]  # only under "menu"
    assert len(ui_problems(wrong, pack)) == 3


def page_text(page: Path) -> str:
    """What a reader reads on a page: Markdown, and the strings and comments of code."""
    if page.suffix != ".ipynb":
        return page.read_text(encoding="utf-8")
    return "\n".join(cell.source for cell in nbformat.read(page, as_version=4).cells)


PAGES = [p for p in TRADITIONAL_CHINESE.lessons() + TRADITIONAL_CHINESE.pages() if p != glossary.GLOSSARY]


def avoided_words_in(text: str) -> list[str]:
    return sorted({word for entry in glossary.entries() for word in entry.avoided if word in text})


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_use_the_words_the_glossary_chose(page):
    assert avoided_words_in(page_text(page)) == []


def test_an_avoided_word_is_caught():
    assert avoided_words_in("把数据存到服务器上的文件夹") == ["数据", "文件夹", "服务器"]
    assert all(re.search(r"[\u4e00-\u9fff]", w) for e in glossary.entries() for w in e.avoided)
