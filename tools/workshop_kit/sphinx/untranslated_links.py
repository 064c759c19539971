"""Sphinx extension: in a translated edition, a link to a page it does not have goes to the English page.

A translated page links to the lessons as the English one does (`../notebooks/03-....ipynb`).
While a lesson is not translated yet, and for the pages that stay English (the maintainers'
page), such a link leads to the English page instead of breaking the build. The English
edition itself is never changed: a broken link there still fails the build.
"""
from __future__ import annotations

import posixpath

from docutils import nodes
from myst_parser.mdit_to_docutils.base import default_slugify
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..repo import ENGLISH
from ..translation.pages import headings
from .language_switch import edition_built, has_page


def english_anchor(english, docname: str, slug: str) -> str:
    """The id the English page gives the heading a link names by its slug (#a-researchers-day
    is the section id "a-researcher-s-day"): MyST finds it in its own build; here the English
    page is in the other build, so its headings are read from the source."""
    source = next(english.root / f"{docname}{s}" for s in (".md", ".ipynb")
                  if (english.root / f"{docname}{s}").is_file())
    for heading in headings(source):
        if default_slugify(heading) == slug:
            return nodes.make_id(heading)
    return slug  # the link check (tests/site/test_site_links.py) reports an anchor that is not there


class LinkUntranslatedPagesToEnglish(SphinxPostTransform):
    default_priority = 5  # before myst-parser resolves (and warns about) links to documents

    def run(self, **kwargs):
        here = edition_built(self.app)
        if here == ENGLISH:
            return
        english = ENGLISH.at(here.base)
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst":
                continue
            target = self.linked_document(node)
            if target is None or target in self.env.all_docs or not has_page(english, target):
                continue
            page = f"{here.site_prefix}{self.env.docname}.html"
            href = posixpath.relpath(f"{ENGLISH.site_prefix}{target}.html", posixpath.dirname(page))
            if node.get("reftargetid"):
                href += f"#{english_anchor(english, target, node['reftargetid'])}"
            link = nodes.reference("", "", refuri=href, internal=False,
                                   classes=["workshop-english-page"])
            link += node.children
            node.replace_self(link)


    def linked_document(self, node) -> str | None:
        """The document a Markdown link names: myst-parser makes a file it does not find
        into a plain target such as '../notebooks/03-kernels-python.ipynb'."""
        if node.get("refdomain") == "doc":
            return node["reftarget"]
        path, _, anchor = node["reftarget"].partition("#")
        stem, suffix = posixpath.splitext(path)
        if suffix not in (".md", ".ipynb") or "://" in path:
            return None
        if anchor:
            node["reftargetid"] = anchor
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.env.docname), stem))


def reread_when_pages_come_or_go(app, env, added, changed, removed):
    """A link's kind (to a page of this edition, or to the English one) is fixed when the page
    that holds it is read; when a translation arrives, every page is read again."""
    pages = sorted(env.found_docs)
    if getattr(env, "workshop_pages", None) == pages:
        return []
    env.workshop_pages = pages
    return sorted(env.found_docs - added - changed)


def setup(app):
    app.add_post_transform(LinkUntranslatedPagesToEnglish)
    app.connect("env-get-outdated", reread_when_pages_come_or_go)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
