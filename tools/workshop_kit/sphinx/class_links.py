"""Sphinx extension: the class's links on the book's pages, made from _config.yml by the
workshop's own link builder (workshop.links), for any git host.

- Lesson pages get the Binder and JupyterHub launch buttons. The theme's own buttons are
  turned off: they stop the build for a repository that is not on GitHub, GitLab or
  Bitbucket ("Provider not recognized"), and write other links than the ones the lessons
  teach and the tests follow.
- `launch-on-binder`, a directive for the book's front page: a Binder link with its text.
- Until the class is set (workshop_kit.classconfig), the build says so once, and pages
  show none of these links rather than links to a placeholder.

`workshop_class(app)` gives the checked addresses to the other extensions (lesson_table).
"""
from __future__ import annotations

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from workshop.links import LinkError, binder_link, nbgitpuller_link

from ..classconfig import UNSET_HINT, ClassAddresses, from_config

LOGGER = logging.getLogger(__name__)
ICONS = {"Binder": "_static/images/logo_binder.svg",
         "JupyterHub": "_static/images/logo_jupyterhub.svg"}


def read_class(config) -> ClassAddresses:
    """The addresses as Jupyter Book hands _config.yml to the theme, checked."""
    options = config.html_theme_options  # _config.yml's sections, renamed by Jupyter Book
    addresses = from_config({"repository": {"url": options.get("repository_url"),
                                            "branch": options.get("repository_branch")},
                             "launch_buttons": options.get("launch_buttons")})
    if addresses.is_set:
        try:  # the same checks as workshop-set-class: a hand-edited _config.yml stops here
            binder_link(addresses.repo, addresses.branch,
                        binderhub_url=addresses.binderhub or "https://mybinder.org")
            if addresses.hub:
                nbgitpuller_link(addresses.hub, addresses.repo, addresses.branch)
        except LinkError as problem:
            raise ExtensionError(f"_config.yml: {problem}") from None
    return addresses


def take_over_from_the_theme(app, config):
    config.workshop_class = read_class(config)
    options = config.html_theme_options
    options.pop("repository_url", None)
    if isinstance(options.get("launch_buttons"), dict):
        options["launch_buttons"] = {**options["launch_buttons"], "binderhub_url": "",
                                     "jupyterhub_url": ""}
    if not config.workshop_class.is_set:
        LOGGER.info(f"[workshop] {UNSET_HINT}; until then pages have no launch buttons.")


def workshop_class(app) -> ClassAddresses:
    return app.config.workshop_class


def book_folder(config) -> str:
    """Where this book's sources sit in the repository (repository.path_to_book): "" for the
    English book, "zh-TW" for its edition, so links open that edition's lessons."""
    return str(config.html_theme_options.get("path_to_docs") or "").strip("/")


def lesson_links(addresses: ClassAddresses, path: str) -> dict[str, str]:
    """{"Binder": url, "JupyterHub": url} for the file `path` of the repository."""
    if not addresses.is_set:
        return {}
    found = {"Binder": binder_link(addresses.repo, addresses.branch, path=path,
                                   binderhub_url=addresses.binderhub or "https://mybinder.org")}
    if addresses.hub:
        found["JupyterHub"] = nbgitpuller_link(addresses.hub, addresses.repo, addresses.branch,
                                               path=path)
    return found


def add_launch_buttons(app, pagename, templatename, context, doctree):
    if "kernelspec" not in app.env.metadata.get(pagename, {}):
        return  # only lessons (notebooks) can be launched
    source = str(app.env.doc2path(pagename, base=False)).replace("\\", "/")
    book = book_folder(app.config)
    links = lesson_links(workshop_class(app), f"{book}/{source}" if book else source)
    if not links or "header_buttons" not in context:
        return
    context["header_buttons"].append({
        "type": "group", "tooltip": "Launch interactive content", "icon": "fas fa-rocket",
        "label": "launch-buttons",
        "buttons": [{"type": "link", "text": name, "tooltip": f"Launch on {name}",
                     "icon": ICONS[name], "url": url} for name, url in links.items()],
    })


class LaunchOnBinder(SphinxDirective):
    """A paragraph "**Launch on Binder**: <content>" with the class's Binder link; nothing
    while the class is not set. Option `label` for another language's words."""
    has_content = True
    option_spec = {"label": lambda text: text.strip()}

    def run(self):
        addresses = workshop_class(self.env.app)
        if not addresses.is_set:
            return []
        book = book_folder(self.config)  # an edition's front page opens its own lessons
        url = binder_link(addresses.repo, addresses.branch, app="lab",
                          path=f"{book}/notebooks" if book else None,
                          binderhub_url=addresses.binderhub or "https://mybinder.org")
        label = self.options.get("label", "Launch on Binder")
        text = " ".join(self.content).strip()
        source = f"**[{label}]({url})**" + (f": {text}" if text else "")
        container = nodes.container(classes=["launch-on-binder"])
        self.state.nested_parse([source], self.content_offset, container)
        return container.children


def setup(app):
    app.add_config_value("workshop_class", ClassAddresses(), "env")
    # After Jupyter Book and the theme have read _config.yml, before the theme uses it.
    app.connect("config-inited", take_over_from_the_theme, priority=900)
    app.connect("html-page-context", add_launch_buttons, priority=502)
    app.add_directive("launch-on-binder", LaunchOnBinder)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

