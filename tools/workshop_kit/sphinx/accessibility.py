"""Sphinx extension: accessibility fixes to HTML that the theme and myst-nb write.

Both are WCAG 2.5.3 (label in name): a control's accessible name must contain the text it
shows. tests/site/test_site_a11y.py runs axe-core on every page.
"""
from __future__ import annotations

import re

import jinja2


def colour_mode_button_without_icon_titles(app):
    """The theme's colour-mode button is named "Color mode", but its icon has a title
    ("Light"), read as visible text the name leaves out. Use the theme's own template
    without those titles; the button's tooltip still says "Color mode"."""
    templates = app.builder.templates
    if not hasattr(templates, "loaders"):
        return  # not an HTML builder with Sphinx's Jinja loader
    source, _, _ = templates.get_source(templates.environment, "theme-switcher.html")
    fixed = re.sub(r'\s+title="[^"]*"', "", source)
    templates.loaders.insert(0, jinja2.DictLoader({"theme-switcher.html": fixed}))


def hidden_code_summary_named_by_its_text(app):
    """myst-nb names the summary of a hidden code cell "Toggle hidden content", so a screen
    reader never hears the words shown ("Show code cell source"). Drop that name."""
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput, visit_HideCellInput

    def visit(self, node):
        start = len(self.body)
        visit_HideCellInput(self, node)
        self.body[start:] = [s.replace(' aria-label="Toggle hidden content"', "") for s in self.body[start:]]

    app.add_node(HideCodeCellNode, override=True, html=(visit, depart_HideCellInput))


def setup(app):
    app.connect("builder-inited", colour_mode_button_without_icon_titles)
    app.connect("builder-inited", hidden_code_summary_named_by_its_text)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
