"""Every built zh-TW page in Taiwanese Chinese (issue #25): what a reader sees, outside code and
math, as text and as the title, aria-label, placeholder and alt attributes. Here: the frame,
the theme's and extensions' words, which come from the edition's own catalog,
zh-TW/locales/zh_TW/LC_MESSAGES/sphinx.po; the words are in tools/zh_tw_words.yml, the checks in
tests/helpers/taiwan_usage.py. check(page, in_frame=False) runs the same checks on the
lessons' own text."""
import pytest
from bs4 import BeautifulSoup, NavigableString
from helpers import taiwan_usage
from workshop_kit.repo import SITE_DIR

EDITION = SITE_DIR / "zh-TW"
PAGES = sorted(p for p in EDITION.rglob("*.html") if "_static" not in p.parts)
IDS = [p.relative_to(EDITION).as_posix() for p in PAGES]
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "caption",
          "figcaption", "title", "button", "label", "pre", "div", "nav", "a"}
NOT_TEXT = "script, style, code, kbd, .cell_input, div.highlight, .math, .headerlink"
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-bs-title")


def pieces(page) -> list[tuple[str, bool]]:
    """(text, in the frame?) for what a reader sees on a page, by the paragraph, cell, heading or
    attribute it is in; a cell's output line by line; code left out. The frame is what is outside
    the article, myst-nb's 顯示程式碼 in it, and the attributes but alt text: there English is
    wrong even with no Chinese around."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = [(str(tag[a]), a != "alt") for tag in soup.find_all(True) for a in ATTRIBUTES if tag.has_attr(a)]
    for table in soup.find_all("table"):  # a column headed English or 不用 (the glossary's) lists words
        heads = [th.get_text(strip=True) for th in table.find_all("th")]
        for row in table.find_all("tr"):
            for head, cell in zip(heads, row.find_all(["th", "td"])):
                if head in ("English", "不用"):
                    cell.clear()
    for element in soup.select(NOT_TEXT):
        if not element.find_parent(class_="cell_output"):
            element.replace_with("▯")
    blocks = {}
    for text in soup.find_all(string=lambda s: type(s) is NavigableString):  # no comments
        block = next((b for b in text.parents if b.name in BLOCKS), None)
        blocks.setdefault(id(block), (block, []))[1].append(str(text))
    for block, texts in blocks.values():
        text = "\u2060".join(texts)  # a word joiner where markup was: a space there is the markup's
        frame = block is None or block.find_parent("article") is None or block.find_parent("summary") is not None
        found += [(line.strip(), frame) for line in text.splitlines()] if block is not None and block.name == "pre" \
            else [(" ".join(text.split()), frame)]
    return [(text, frame) for text, frame in found if text]


def said(page, found):
    return f"{page.relative_to(SITE_DIR)}:\n" + "\n".join(f"{problem}   in: {piece[:100]}" for problem, piece in found)


def check(page, in_frame: bool):
    texts = [text for text, frame in pieces(page) if frame == in_frame and (frame or taiwan_usage.chinese(text))]
    explained = taiwan_usage.explained_interface(texts)
    return [(problem, text) for text in texts for problem in
            taiwan_usage.mainland(text) + taiwan_usage.english(text, explained) + taiwan_usage.punctuation(text)]


def test_every_page_is_checked(site_dir):
    assert {"search.html", "book/intro.html", "book/glossary.html", "notebooks/00-welcome.html"} <= set(IDS)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_the_frame_is_taiwanese_chinese(site_dir, page):
    """No Simplified or English words of the theme (跳转至主要内容, Toggle primary sidebar, ...)."""
    found = check(page, in_frame=True)
    assert not found, said(page, found)


def test_the_copy_button_speaks_taiwanese_chinese(open_page):
    """sphinx-copybutton writes its words with JavaScript, in English for zh-TW pages; the
    edition's book/assets/copybutton-zh-TW.js gives it Chinese ones."""
    page = open_page("zh-TW/notebooks/02-notebook-basics.html").page
    button = page.locator("button.copybtn").first
    assert button.get_attribute("data-tooltip") == "複製"
    assert button.locator("svg title").text_content() == "複製到剪貼簿"

