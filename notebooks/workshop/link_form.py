"""The link form of lesson 07 and the book: fill in the boxes, and the link appears as you type."""
from __future__ import annotations

import html

from .link_messages import LinkError, word


def link_form(hub_url="https://hub.example.org",
              repo_url="https://github.com/example-org/ice-workshop",
              branch="main", path="notebooks/05-jupyterlab-tour.ipynb", app="lab"):
    """A small form: fill in the boxes and the link appears underneath as you type."""
    import ipywidgets as widgets

    from .links import binder_link, nbgitpuller_link  # here: workshop.links imports this module

    # Every box may shrink to the width of a phone (375 px) and grows to a readable width.
    def fit():
        return widgets.Layout(width="100%", max_width="42em")
    style = {"description_width": "8em"}
    fields = {
        "where": widgets.Dropdown(options=[(word("form_my_hub"), "hub"),
                                           ("mybinder.org (Binder)", "binder")],
                                  value="hub", description=word("form_where"), style=style, layout=fit()),
        "hub": widgets.Text(value=hub_url, description=word("form_hub"), style=style, layout=fit()),
        "repo": widgets.Text(value=repo_url, description=word("form_repo"), style=style, layout=fit()),
        "branch": widgets.Text(value=branch, description=word("form_branch"), style=style, layout=fit()),
        "path": widgets.Text(value=path, description=word("form_path"), style=style, layout=fit()),
        "app": widgets.Dropdown(options=[("JupyterLab", "lab"), (word("form_classic"), "classic")],
                                value=app, description=word("form_app"), style=style, layout=fit()),
    }
    result = widgets.HTML()

    def show(_change=None):
        v = {key: field.value for key, field in fields.items()}
        fields["hub"].disabled = v["where"] == "binder"
        try:
            if v["where"] == "binder":
                link = binder_link(v["repo"], v["branch"] or None, v["path"] or None, v["app"])
            else:
                link = nbgitpuller_link(v["hub"], v["repo"], v["branch"] or None,
                                        v["path"] or None, v["app"])
        except LinkError as problem:
            result.value = f"<p>⚠️ {html.escape(str(problem))}</p>"
            return
        safe = html.escape(link)
        result.value = (f'<p>{html.escape(word("your_link"))}<br><a href="{safe}" target="_blank" '
                        f"rel=\"noopener\"><code style='word-break: break-all'>{safe}</code></a></p>")

    for field in fields.values():
        field.observe(show, names="value")
    show()
    return widgets.VBox([*fields.values(), result], layout=widgets.Layout(width="100%"))
