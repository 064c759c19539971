"""Build links that bring lessons to learners: nbgitpuller links for a JupyterHub, and Binder links.

    from workshop import links
    links.nbgitpuller_link("https://hub.example.org", "https://github.com/example-org/ice-workshop",
                           path="notebooks/01-intro.ipynb")
    links.binder_link("https://github.com/example-org/ice-workshop", "main", "notebooks/01-intro.ipynb")
    links.link_form()   # the same in a small form

An nbgitpuller link opens `<hub>/hub/user-redirect/git-pull?repo=...&branch=...&urlpath=...`.
The hub sends the learner to their own server, where nbgitpuller clones the repository into a
folder named after it (or updates the copy that is already there) and then opens `urlpath`.
The argument names (repo, branch, urlpath, targetpath) are the ones nbgitpuller's handlers
read. Mistakes in the input raise LinkError with a message that says how to fix them.
"""
from __future__ import annotations

import html
from urllib.parse import quote, urlencode, urlsplit

__all__ = ["LinkError", "APPS", "nbgitpuller_link", "binder_link", "clone_folder", "link_form"]

# Where each interface opens a file or folder, relative to the learner's server.
APPS = {
    "lab": "lab/tree",    # JupyterLab
    "classic": "tree",    # the Notebook interface (classic Notebook and Notebook 7)
}

# Path parts that belong to one page of a hub rather than to the hub itself: a hub address
# copied from the browser often ends with one of them (/hub/login, /user/alice/lab, ...).
_HUB_PAGE_PARTS = {"hub", "user", "user-redirect", "lab", "tree", "notebooks", "doc", "edit",
                   "git-pull", "services", "login", "logout", "spawn", "home"}


class LinkError(ValueError):
    """The input cannot make a working link; the message says what to change."""


def _web_address(url, what: str, example: str):
    """Split a web address, or explain why it is not one."""
    if not isinstance(url, str) or not url.strip():
        raise LinkError(f"The {what} is empty. Give a web address such as {example}.")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return parts
    if "://" not in url and "." in url.split("/")[0] and " " not in url:
        raise LinkError(f"The {what} {url!r} is not a full web address: it needs https:// "
                        f"at the start, like 'https://{url}'.")
    raise LinkError(f"The {what} {url!r} is not a web address. It should look like {example}.")


def _hub_base(hub_url) -> str:
    """The hub's own address without a trailing slash, e.g. https://hub.example.org."""
    parts = _web_address(hub_url, "hub address", "https://hub.example.org")
    segments = [s for s in parts.path.split("/") if s]
    page = next((i for i, s in enumerate(segments) if s in _HUB_PAGE_PARTS), None)
    base = f"{parts.scheme}://{parts.netloc}" + "".join("/" + s for s in segments[:page])
    if page is not None or parts.query or parts.fragment:
        raise LinkError(f"The hub address {hub_url.strip()!r} points to one page of the hub. "
                        f"Use the hub's own address, without the extra parts: {base!r}.")
    return base


def _repo_parts(repo_url):
    parts = _web_address(repo_url, "repository address", "https://github.com/OWNER/REPOSITORY")
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        raise LinkError(f"The repository address {repo_url.strip()!r} names no repository. It "
                        "should look like https://github.com/OWNER/REPOSITORY.")
    if parts.query or parts.fragment:
        raise LinkError(f"The repository address {repo_url.strip()!r} has extra parts after '?' "
                        "or '#'. Use the address of the repository alone.")
    if parts.netloc.lower() in ("github.com", "www.github.com") and len(segments) != 2:
        if len(segments) > 2:
            page = segments[4:] if len(segments) > 4 and segments[2] in ("tree", "blob") else []
            hint = f" and path={'/'.join(page)!r}" if page else ""
            branch = f", branch={segments[3]!r}" if len(segments) > 3 and segments[2] in ("tree", "blob") else ""
            raise LinkError(
                f"{repo_url.strip()!r} is a page inside a repository. Use the repository itself, "
                f"'https://github.com/{segments[0]}/{segments[1]}'{branch}{hint}.")
        raise LinkError(f"{repo_url.strip()!r} names a GitHub account, not a repository. It "
                        "should look like https://github.com/OWNER/REPOSITORY.")
    return parts, segments


def clone_folder(repo_url, targetpath: str | None = None) -> str:
    """The folder the repository lands in: targetpath, else the repository's name without .git."""
    if targetpath:
        return _clean_path(targetpath, "targetpath")
    _, segments = _repo_parts(repo_url)
    name = segments[-1]
    return name[: -len(".git")] if name.endswith(".git") and len(name) > 4 else name


def _clean_path(path, what: str = "path") -> str:
    """A relative path inside the repository, with '/' between folders; checked."""
    if not isinstance(path, str):
        raise LinkError(f"The {what} should be text such as 'notebooks/lesson.ipynb', not {path!r}.")
    text = path.strip()
    if "\\" in text:
        raise LinkError(f"The {what} {path!r} uses '\\' between folders. Use '/' instead: "
                        f"{text.replace(chr(92), '/')!r}.")
    if any(c in text for c in "?#"):
        raise LinkError(f"The {what} {path!r} contains '?' or '#', which end a web address early. "
                        "Rename the file without them.")
    segments = [s for s in text.split("/") if s not in ("", ".")]
    if ".." in segments:
        raise LinkError(f"The {what} {path!r} contains '..', which would point outside the "
                        "repository. Give the path from the repository's top folder, e.g. "
                        "'notebooks/lesson.ipynb'.")
    return "/".join(segments)


def _app_prefix(app) -> str:
    key = str(app).strip().lower()
    if key not in APPS:
        raise LinkError(f"Unknown app {app!r}: choose 'lab' (JupyterLab) or 'classic' "
                        "(the Notebook interface).")
    return APPS[key]


def nbgitpuller_link(hub_url, repo_url, branch="main", path=None, app="lab",
                     targetpath=None) -> str:
    """A link that copies `repo_url` into the learner's space on `hub_url` and opens `path`.

    branch: the branch to copy; None lets nbgitpuller use the repository's default branch.
    path: a file or folder inside the repository (None opens the repository's folder).
    app: "lab" (JupyterLab) or "classic" (the Notebook interface).
    targetpath: the folder to clone into (default: the repository's name without .git).
    """
    hub = _hub_base(hub_url)
    prefix = _app_prefix(app)
    _repo_parts(repo_url)
    repo = repo_url.strip()
    folder = clone_folder(repo, targetpath)
    inside = _clean_path(path) if path else ""
    query = {"repo": repo}
    if branch is not None and str(branch).strip():
        query["branch"] = str(branch).strip()
    query["urlpath"] = f"{prefix}/{folder}" + (f"/{inside}" if inside else "")
    # nbgitpuller (up to at least 1.3) names the folder after the address's last part and
    # keeps a '.git' ending, so say the folder explicitly whenever it differs from that.
    if folder != repo.rstrip("/").split("/")[-1]:
        query["targetpath"] = folder
    return f"{hub}/hub/user-redirect/git-pull?{urlencode(query)}"


def binder_link(repo_url, branch="main", path=None, app="lab") -> str:
    """A mybinder.org link that builds a GitHub repository's environment and opens `path`.

    branch: a branch, tag or commit; None means the repository's default branch (HEAD).
    """
    parts, segments = _repo_parts(repo_url)
    if parts.netloc.lower() not in ("github.com", "www.github.com"):
        raise LinkError(f"{repo_url.strip()!r} is not on GitHub. This helper only writes GitHub "
                        "links; for GitLab, Zenodo and other hosts use the form on mybinder.org.")
    owner, name = segments
    name = name[: -len(".git")] if name.endswith(".git") else name
    prefix = _app_prefix(app)
    inside = _clean_path(path) if path else ""
    ref = "HEAD" if branch is None or not str(branch).strip() else str(branch).strip()
    urlpath = f"{prefix}/{inside}" if inside else prefix.split("/")[0]
    return (f"https://mybinder.org/v2/gh/{owner}/{name}/{quote(ref, safe='/')}"
            f"?{urlencode({'urlpath': urlpath})}")


def link_form(hub_url="https://hub.example.org",
              repo_url="https://github.com/example-org/ice-workshop",
              branch="main", path="notebooks/05-jupyterlab-tour.ipynb", app="lab"):
    """A small form: fill in the boxes and the link appears underneath as you type."""
    import ipywidgets as widgets

    # Every box may shrink to the width of a phone (375 px) and grows to a readable width.
    def fit():
        return widgets.Layout(width="100%", max_width="42em")
    style = {"description_width": "8em"}
    fields = {
        "where": widgets.Dropdown(options=[("my JupyterHub (nbgitpuller)", "hub"),
                                           ("mybinder.org (Binder)", "binder")],
                                  value="hub", description="Link for", style=style, layout=fit()),
        "hub": widgets.Text(value=hub_url, description="Hub address", style=style, layout=fit()),
        "repo": widgets.Text(value=repo_url, description="Repository", style=style, layout=fit()),
        "branch": widgets.Text(value=branch, description="Branch", style=style, layout=fit()),
        "path": widgets.Text(value=path, description="File in the repo", style=style, layout=fit()),
        "app": widgets.Dropdown(options=[("JupyterLab", "lab"), ("Classic Notebook", "classic")],
                                value=app, description="Open in", style=style, layout=fit()),
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
        result.value = (f'<p>Your link:<br><a href="{safe}" target="_blank" rel="noopener">'
                        f"<code style='word-break: break-all'>{safe}</code></a></p>")

    for field in fields.values():
        field.observe(show, names="value")
    show()
    return widgets.VBox([*fields.values(), result], layout=widgets.Layout(width="100%"))
