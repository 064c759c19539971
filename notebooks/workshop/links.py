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
read. Mistakes in the input raise LinkError with a message that says how to fix them, in the
lesson's language (workshop.language).

Addresses are checked strictly, so that Python and a browser agree on where a link goes
(workshop.web_address says how). The parts of a link are checked in workshop.link_parts,
the messages are in workshop.link_messages and the form is workshop.link_form: all of their
public names are here too, as they always were.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

from .link_form import link_form
from .link_messages import MESSAGES, LinkError  # noqa: F401 (MESSAGES: kept where code found it)
from .link_parts import (APPS, app_prefix, clean_branch, clean_lesson_path, clean_path, clone_folder,
                         hub_address, repo_parts, repository_address)

__all__ = ["LinkError", "APPS", "nbgitpuller_link", "binder_link", "clone_folder", "link_form",
           "hub_address", "repository_address"]

_clean_path = clean_path  # its name before the split, which tests still use


def nbgitpuller_link(hub_url, repo_url, branch="main", path=None, app="lab",
                     targetpath=None) -> str:
    """A link that copies `repo_url` into the learner's space on `hub_url` and opens `path`.

    branch: the branch to copy; None lets nbgitpuller use the repository's default branch.
    path: a file or folder inside the repository (None opens the repository's folder); a
    path that almost names one of this workshop's lessons is refused with its real path.
    app: "lab" (JupyterLab) or "classic" (the Notebook interface).
    targetpath: the folder to clone into (default: the repository's name without .git).
    """
    hub = hub_address(hub_url)
    prefix = app_prefix(app)
    repo = repository_address(repo_url)
    ref = clean_branch(branch)
    folder = clone_folder(repo, targetpath)
    inside = clean_lesson_path(path) if path else ""
    query = {"repo": repo}
    if ref:
        query["branch"] = ref
    query["urlpath"] = f"{prefix}/{folder}" + (f"/{inside}" if inside else "")
    # nbgitpuller (up to at least 1.3) names the folder after the address's last part and
    # keeps a '.git' ending, so say the folder explicitly whenever it differs from that.
    if folder != repo.rstrip("/").split("/")[-1]:
        query["targetpath"] = folder
    # Every value is percent-encoded as a whole ('&', '=', '#' included): none can end its
    # own value or start another argument.
    return f"{hub}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote, safe='')}"


def binder_link(repo_url, branch="main", path=None, app="lab",
                binderhub_url="https://mybinder.org") -> str:
    """A Binder link that builds a repository's environment and opens `path`.

    GitHub repositories use mybinder.org's `v2/gh/OWNER/NAME/REF` form, GitLab ones
    `v2/gl/GROUP%2FNAME/REF`, and any other git host `v2/git/ENCODED-ADDRESS/REF`.
    branch: a branch, tag or commit; None means the repository's default branch (HEAD).
    """
    scheme, host, port, segments = repo_parts(repo_url)
    binder = hub_address(binderhub_url)
    prefix = app_prefix(app)
    inside = clean_lesson_path(path) if path else ""
    ref = quote(clean_branch(branch) or "HEAD", safe="/")
    names = list(segments)
    if names[-1].endswith(".git") and len(names[-1]) > 4:
        names[-1] = names[-1][: -len(".git")]
    if host in ("github.com", "www.github.com"):
        owner, name = (quote(n, safe="") for n in names)
        spec = f"gh/{owner}/{name}/{ref}"
    elif host in ("gitlab.com", "www.gitlab.com"):
        spec = f"gl/{quote('/'.join(names), safe='')}/{ref}"
    else:
        spec = f"git/{quote(repository_address(repo_url), safe='')}/{ref}"
    urlpath = f"{prefix}/{inside}" if inside else prefix.split("/")[0]
    return f"{binder}/v2/{spec}?{urlencode({'urlpath': urlpath}, quote_via=quote, safe='')}"
