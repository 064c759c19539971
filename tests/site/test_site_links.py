"""Every internal link and anchor in the built website leads somewhere.

Each page's href and src values are resolved the way a browser would: a missing file or a
#fragment that names no id on its page fails. Links to other sites are never fetched (the
tests have no network); they are listed in _build/external-links.json for review.
"""
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from workshop_kit.repo import SITE_DIR

EXTERNAL_LIST = SITE_DIR.parent / "external-links.json"
NOT_FILES = ("mailto:", "tel:", "javascript:", "data:")


class PageLinks(HTMLParser):
    """The ids a page defines, and the URLs it links to or loads."""

    def __init__(self):
        super().__init__()
        self.ids, self.urls = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            elif name in ("href", "src") and value is not None and tag != "base":
                self.urls.append(value.strip())


def site_pages(site: Path) -> list[Path]:
    # _static holds theme templates (webpack-macros.html), not pages.
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts)


def check_links(site: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(broken links as 'page -> link: why', {external URL: [pages using it]})."""
    parsed = {}

    def links_of(page: Path) -> PageLinks:
        if page not in parsed:
            parsed[page] = PageLinks()
            parsed[page].feed(page.read_text(encoding="utf-8"))
        return parsed[page]

    broken, external = [], {}
    for page in site_pages(site):
        name = page.relative_to(site).as_posix()
        for url in links_of(page).urls:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                external.setdefault(url, []).append(name)
                continue
            if url.startswith(NOT_FILES) or parts.scheme:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(site.resolve()) or not target.is_file():
                broken.append(f"{name} -> {url}: no such file")
            elif parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in links_of(target).ids:
                    broken.append(f"{name} -> {url}: no id {parts.fragment!r} on that page")
    return broken, external


def test_every_internal_link_and_anchor_resolves(site_dir):
    broken, external = check_links(site_dir)
    EXTERNAL_LIST.write_text(json.dumps(external, indent=1, sort_keys=True) + "\n")
    assert len(site_pages(site_dir)) >= 16  # the book, the lessons, search and index pages
    assert broken == []


def test_no_link_has_its_ampersands_escaped_twice(site_dir):
    """A query link written in Markdown, [open](https://hub/...?repo=...&branch=main), comes
    out of myst-parser 3 as href="...&amp;amp;branch=..." (MyST-Parser issue 760), so the
    browser sends "amp;branch" and nbgitpuller ignores the branch and the file to open."""
    _, external = check_links(site_dir)
    twice = {url: pages for url, pages in external.items() if "&amp;" in url}
    assert twice == {}


def test_the_check_finds_a_broken_link_and_a_broken_anchor(site_dir, tmp_path):
    """On a copy of the site (never the real one): a link to a missing page, and a link to a
    heading that is not there, are both reported."""
    copy = tmp_path / "html"
    shutil.copytree(site_dir, copy)
    page = copy / "book" / "intro.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(
        "</main>",
        '<a href="../notebooks/99-missing.html">gone</a>'
        '<a href="../notebooks/02-notebook-basics.html#no-such-heading">nowhere</a></main>', 1),
        encoding="utf-8")
    broken, _ = check_links(copy)
    assert broken == [
        "book/intro.html -> ../notebooks/99-missing.html: no such file",
        "book/intro.html -> ../notebooks/02-notebook-basics.html#no-such-heading: "
        "no id 'no-such-heading' on that page",
    ]
