"""Check and tidy each part of a link: the hub's address, the repository's, the folder it is
cloned into, the file to open, the branch and the interface (workshop.links joins them)."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from .link_messages import problem, word
from .web_address import fully_decoded, is_control, origin, split_address

# Where each interface opens a file or folder, relative to the learner's server.
APPS = {
    "lab": "lab/tree",    # JupyterLab
    "classic": "tree",    # the Notebook interface (classic Notebook and Notebook 7)
}

# Path parts that belong to one page of a hub rather than to the hub itself: a hub address
# copied from the browser often ends with one of them (/hub/login, /user/alice/lab, ...).
_HUB_PAGE_PARTS = {"hub", "user", "user-redirect", "lab", "tree", "notebooks", "doc", "edit",
                   "git-pull", "services", "login", "logout", "spawn", "home"}


# Characters allowed in a path segment of the hub's own address (RFC 3986 'pchar' without
# the quote, so nothing needs escaping inside HTML or a shell line).
_PATH_SEGMENT = re.compile(r"^[A-Za-z0-9._~!$&()*+,;=:@%-]+$")


def hub_address(hub_url) -> str:
    """The hub's own address, checked and tidied: 'https://hub.example.org' (no trailing slash)."""
    scheme, host, port, segments, query, fragment = split_address(
        hub_url, "hub", "https://hub.example.org")
    page = next((i for i, s in enumerate(segments) if s in _HUB_PAGE_PARTS), None)
    base = origin(scheme, host, port) + "".join("/" + s for s in segments[:page])
    if page is not None or query or fragment:
        raise problem("hub_page", value=hub_url.strip(), base=base)
    if not all(_PATH_SEGMENT.match(s) and fully_decoded(s) not in (".", "..") and
               not any(c in fully_decoded(s) for c in "/\\") for s in segments):
        raise problem("not_web", what=word("hub"), value=hub_url.strip(),
                      example="https://hub.example.org")
    return base


def repo_parts(repo_url):
    """(scheme, host, port, segments) of a repository address, checked."""
    example = "https://github.com/OWNER/REPOSITORY"
    scheme, host, port, segments, query, fragment = split_address(repo_url, "repository", example)
    value = repo_url.strip()
    if not segments or any(fully_decoded(s) in (".", "..") or "%2e" in s.lower() for s in segments):
        raise problem("no_repository", value=value)
    if query or fragment:
        raise problem("repository_extra", value=value)
    if host in ("github.com", "www.github.com") and len(segments) != 2:
        if len(segments) > 2:
            inside = len(segments) > 3 and segments[2] in ("tree", "blob")
            more = ""
            if inside:
                more += word("page_branch", branch=segments[3])
                if len(segments) > 4:
                    more += word("page_path", path="/".join(segments[4:]))
            raise problem("repository_page", value=value, more=more,
                          repo=f"https://github.com/{segments[0]}/{segments[1]}")
        raise problem("account_only", value=value, service="GitHub", host="github.com")
    if host in ("gitlab.com", "www.gitlab.com"):
        if "-" in segments:  # https://gitlab.com/group/repo/-/tree/main/...
            at = segments.index("-")
            raise problem("repository_page", value=value, more="",
                          repo="https://gitlab.com/" + "/".join(segments[:at]))
        if len(segments) < 2:
            raise problem("account_only", value=value, service="GitLab", host="gitlab.com")
    return scheme, host, port, segments


def repository_address(repo_url) -> str:
    """The repository's address, checked and tidied (lower-case host, no trailing slash)."""
    scheme, host, port, segments = repo_parts(repo_url)
    return origin(scheme, host, port) + "/" + "/".join(segments)


def clone_folder(repo_url, targetpath: str | None = None) -> str:
    """The folder the repository lands in: targetpath, else the repository's name without .git."""
    if targetpath is not None and str(targetpath).strip():
        folder = clean_path(targetpath, "targetpath")
        if folder:  # "." or "/" tidy to nothing: the default folder, not the home folder
            return folder
    segments = repo_parts(repo_url)[3]
    name = segments[-1]
    return name[: -len(".git")] if name.endswith(".git") and len(name) > 4 else name


def clean_path(path, what: str = "path") -> str:
    """A relative path inside the repository, with '/' between folders; checked."""
    name = word(what)
    if not isinstance(path, str):
        raise problem("path_not_text", what=name, value=path)
    text = fully_decoded(path.strip())  # the path is used decoded, and encoded once in the link
    if "\\" in text:
        raise problem("path_backslash", what=name, value=path, fixed=text.replace("\\", "/"))
    if any(c in text for c in "?#"):
        raise problem("path_query", what=name, value=path)
    if any(is_control(c) for c in text):
        raise problem("path_control", what=name, value=path)
    segments = [s for s in text.split("/") if s not in ("", ".")]
    if ".." in segments:
        raise problem("path_parent", what=name, value=path)
    return "/".join(segments)


# The workshop's lessons, by their path in its repository, as the copy this helper came with
# knows them: its manifest of published paths and the lessons beside it. A link to a lesson
# that is not there opens an error page on every learner's screen, so such a path is refused.
_NOTEBOOKS = Path(__file__).resolve().parent.parent
_PUBLISHED = _NOTEBOOKS / "published-paths.txt"


def workshop_lessons() -> list[str]:
    """Every lesson path of this workshop's repository, e.g. 'notebooks/00-welcome.ipynb'."""
    known = {f"{_NOTEBOOKS.name}/{lesson.name}" for lesson in _NOTEBOOKS.glob("*.ipynb")}
    if _PUBLISHED.is_file():
        for line in _PUBLISHED.read_text(encoding="utf-8").splitlines():
            known.update(p.strip() for p in line.split("#")[0].split("->") if p.strip())
    return sorted(known)


def clean_lesson_path(path) -> str:
    """clean_path, and refused when it almost names one of the workshop's lessons: without
    its folder, without '.ipynb', or misspelt (the message gives the lesson's real path)."""
    inside = clean_path(path)
    lessons = workshop_lessons()
    if not inside or inside in lessons:
        return inside
    guess = inside if inside.endswith(".ipynb") else inside + ".ipynb"
    name = guess.rsplit("/", 1)[-1]
    right = ([p for p in lessons if p == guess] or [p for p in lessons if p.rsplit("/", 1)[-1] == name]
             or difflib.get_close_matches(guess, lessons, n=1, cutoff=0.9))
    if right:
        raise problem("path_not_lesson", value=path, right=right[0])
    return inside


def clean_branch(branch) -> str | None:
    """A branch, tag or commit as git allows it; None or '' means the default branch."""
    if branch is None:
        return None
    text = str(branch).strip()
    if not text:
        return None
    if (any(c.isspace() or is_control(c) for c in text) or ".." in fully_decoded(text)
            or any(c in text for c in "~^:?*[\\")):
        raise problem("branch_bad", value=text)
    return text


def app_prefix(app) -> str:
    """Where the interface `app` ('lab' or 'classic') opens files: its part of the link."""
    key = str(app).strip().lower()
    if key not in APPS:
        raise problem("unknown_app", value=app)
    return APPS[key]

