"""Sphinx extension: every page links to the same page in the other edition (English, 中文).

The editions are the ones workshop_kit.repo lists; the one being built is the one whose
folder is the book's source folder. The link sits in the page's header, before the theme's
buttons, and says in the other language where it goes. A page the other edition does not
have (a lesson not translated yet, the maintainers' page) links to that edition's home page.
Each page also names its other-language versions for search engines (<link rel=alternate>).
"""
from __future__ import annotations

import functools
import posixpath
from pathlib import Path

from ..repo import EDITIONS, ENGLISH, TRANSLATIONS, Edition

TEMPLATES = Path(__file__).with_name("html-templates")  # not a Python package name
STATIC = Path(__file__).with_name("html-static")
# How each edition names itself to a reader of the other one, and says where the link goes.
LABELS = {
    "en": {"label": "English", "title": "This page in English",
           "home_title": "Not in English: the English edition's home page"},
    "zh-TW": {"label": "中文", "title": "這一頁的中文版",
              "home_title": "這一頁還沒有中文版：中文版首頁"},
}
GENERATED_PAGES = {"search", "genindex"}  # every edition's build makes these


def edition_built(app) -> Edition:
    """The edition whose folder is the book's source folder, in whichever copy of the
    workshop is being built (this checkout, or the benchmark's copy of the last commit)."""
    return edition_in(Path(app.srcdir).resolve())


@functools.lru_cache  # asked for every page; the answer is fixed for a source folder
def edition_in(source: Path) -> Edition:
    for edition in TRANSLATIONS + [ENGLISH]:  # a translation's folder sits inside English's
        base = source.parent if edition.folder else source
        if (not edition.folder or source.name == edition.folder) and (base / "_config.yml").is_file():
            return edition.at(base)
    raise RuntimeError(f"{source} is not the source folder of an edition in workshop_kit.repo")


def other_editions(here: Edition) -> list[Edition]:
    return [e.at(here.base) for e in EDITIONS if e != here]


def has_page(edition: Edition, pagename: str) -> bool:
    return pagename in GENERATED_PAGES or any(
        (edition.root / f"{pagename}{suffix}").is_file() for suffix in (".md", ".ipynb"))


def link_between(here: Edition, pagename: str, there: Edition, root_doc: str) -> dict:
    """The href from `pagename` in `here` to the same page (or the home page) in `there`."""
    found = has_page(there, pagename)
    target = f"{there.site_prefix}{pagename if found else root_doc}.html"
    page = f"{here.site_prefix}{pagename}.html"
    words = LABELS[there.language]
    return {"language": there.language, "label": words["label"],
            "title": words["title"] if found else words["home_title"],
            "href": posixpath.relpath(target, posixpath.dirname(page) or ".")}


def pages_of_other_editions(app) -> list[str]:
    """Every page the other editions have: when one is added, every page's switch changes."""
    here = edition_built(app)
    return sorted(f"{e.folder or 'en'}:{p.relative_to(e.root).as_posix()}"
                  for e in other_editions(here) for p in e.lessons() + e.pages())


def configure(app, config):
    config.templates_path.append(str(TEMPLATES))
    config.html_static_path.append(str(STATIC))
    # An HTML setting (rebuild "html"), so a new translation rewrites the pages that link to it.
    config.workshop_other_edition_pages = pages_of_other_editions(app)
    options = config.html_theme_options
    options["article_header_end"] = ["language-switch.html", "article-header-buttons.html"]


def add_switch(app, pagename, templatename, context, doctree):
    here = edition_built(app)
    others = [link_between(here, pagename, there, app.config.root_doc)
              for there in other_editions(here)]
    context["workshop_other_editions"] = others
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<link rel="alternate" hreflang="{o["language"]}" href="{o["href"]}">' for o in others)


def setup(app):
    app.add_config_value("workshop_other_edition_pages", [], "html")
    app.connect("config-inited", configure)
    app.add_css_file("language-switch.css")
    # Before the theme, which drops a header template that renders empty without our links.
    app.connect("html-page-context", add_switch, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
