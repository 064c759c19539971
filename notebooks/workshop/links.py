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

Addresses are checked strictly, so that Python and a browser agree on where a link goes:
no user name or password before the host (`https://hub.example.org@evil.example` goes to
evil.example in every browser), no backslash, no spaces, quotes, angle brackets or control
characters, and a host written in plain letters, digits, dots and dashes (or an IP address).
"""
from __future__ import annotations

import html
import ipaddress
import re
from urllib.parse import quote, urlencode, urlsplit

from . import language

__all__ = ["LinkError", "APPS", "nbgitpuller_link", "binder_link", "clone_folder", "link_form",
           "hub_address", "repository_address"]

# Where each interface opens a file or folder, relative to the learner's server.
APPS = {
    "lab": "lab/tree",    # JupyterLab
    "classic": "tree",    # the Notebook interface (classic Notebook and Notebook 7)
}

# Path parts that belong to one page of a hub rather than to the hub itself: a hub address
# copied from the browser often ends with one of them (/hub/login, /user/alice/lab, ...).
_HUB_PAGE_PARTS = {"hub", "user", "user-redirect", "lab", "tree", "notebooks", "doc", "edit",
                   "git-pull", "services", "login", "logout", "spawn", "home"}

# Characters a browser and Python treat differently, or that break out of HTML or a shell
# line when a link is pasted: never in an address. (Spaces and control characters too.)
_FORBIDDEN = set("\\\"'<>`{}|^")
# A host name: labels of letters, digits and inner dashes, separated by single dots.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST_NAME = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")
# WHATWG reads a host whose last label is a number (decimal or 0x...) as an IPv4 address
# (http://127.1 is 127.0.0.1); Python does not. Only the plain dotted form is accepted.
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")
_DEFAULT_PORTS = {"http": "80", "https": "443"}

MESSAGES = {
    "empty": {
        "en": "The {what} is empty. Give a web address such as {example}.",
        "zh-TW": "{what}是空的。請填入網址，例如 {example}。",
    },
    "not_text": {
        "en": "The {what} should be text such as {example}, not {value!r}.",
        "zh-TW": "{what}應該是文字，例如 {example}，而不是 {value!r}。",
    },
    "needs_scheme": {
        "en": "The {what} {value!r} is not a full web address: it needs https:// at the start, like 'https://{value}'.",
        "zh-TW": "{what} {value!r} 不是完整的網址：開頭要加上 https://，例如 'https://{value}'。",
    },
    "not_web": {
        "en": "The {what} {value!r} is not a web address. It should look like {example}.",
        "zh-TW": "{what} {value!r} 不是網址。它應該像這樣：{example}。",
    },
    "ssh": {
        "en": "The {what} {value!r} is an SSH address, which learners' servers cannot use. Use the "
              "https:// address of the repository, like {example}.",
        "zh-TW": "{what} {value!r} 是 SSH 位址，學員的伺服器無法使用。請改用儲存庫的 https:// 網址，例如 {example}。",
    },
    "bad_character": {
        "en": "The {what} {value!r} contains {character!r}, which no web address may contain here. "
              "Copy the address again from the browser's address bar.",
        "zh-TW": "{what} {value!r} 含有 {character!r}，網址裡不能有這個字元。請從瀏覽器的網址列重新複製網址。",
    },
    "user_info": {
        "en": "The {what} {value!r} has '@' before the host: a browser would go to {host!r}. Give the "
              "address without a user name or password, like {example}.",
        "zh-TW": "{what} {value!r} 在主機名稱前面有 '@'：瀏覽器會前往 {host!r}。"
                 "請給不含使用者名稱或密碼的網址，例如 {example}。",
    },
    "bad_host": {
        "en": "The {what} {value!r} has no usable host name. Write it with letters, digits, dots and "
              "dashes (or an IP address), like {example}.",
        "zh-TW": "{what} {value!r} 沒有可用的主機名稱。"
                 "主機名稱只能用英文字母、數字、點和連字號（或 IP 位址），例如 {example}。",
    },
    "bad_port": {
        "en": "The {what} {value!r} has a port that is not a number from 1 to 65535.",
        "zh-TW": "{what} {value!r} 的連接埠不是 1 到 65535 之間的數字。",
    },
    "hub_page": {
        "en": "The hub address {value!r} points to one page of the hub. Use the hub's own address, "
              "without the extra parts: {base!r}.",
        "zh-TW": "hub 網址 {value!r} 指向 hub 的某一頁。請用 hub 本身的網址，不要多餘的部分：{base!r}。",
    },
    "no_repository": {
        "en": "The repository address {value!r} names no repository. It should look like "
              "https://github.com/OWNER/REPOSITORY.",
        "zh-TW": "儲存庫網址 {value!r} 沒有指出儲存庫。它應該像這樣：https://github.com/OWNER/REPOSITORY。",
    },
    "repository_extra": {
        "en": "The repository address {value!r} has extra parts after '?' or '#'. Use the address of "
              "the repository alone.",
        "zh-TW": "儲存庫網址 {value!r} 在 '?' 或 '#' 後面還有東西。請只用儲存庫本身的網址。",
    },
    "repository_page": {
        "en": "{value!r} is a page inside a repository. Use the repository itself, {repo!r}{more}.",
        "zh-TW": "{value!r} 是儲存庫裡的一頁。請用儲存庫本身：{repo!r}{more}。",
    },
    "account_only": {
        "en": "{value!r} names a {service} account, not a repository. It should look like "
              "https://{host}/OWNER/REPOSITORY.",
        "zh-TW": "{value!r} 指的是 {service} 帳號，不是儲存庫。它應該像這樣：https://{host}/OWNER/REPOSITORY。",
    },
    "path_not_text": {
        "en": "The {what} should be text such as 'notebooks/lesson.ipynb', not {value!r}.",
        "zh-TW": "{what}應該是文字，例如 'notebooks/lesson.ipynb'，而不是 {value!r}。",
    },
    "path_backslash": {
        "en": "The {what} {value!r} uses '\\' between folders. Use '/' instead: {fixed!r}.",
        "zh-TW": "{what} {value!r} 用 '\\' 分隔資料夾。請改用 '/'：{fixed!r}。",
    },
    "path_query": {
        "en": "The {what} {value!r} contains '?' or '#', which end a web address early. Rename the file without them.",
        "zh-TW": "{what} {value!r} 含有 '?' 或 '#'，會讓網址提早結束。請把檔案改名，去掉這些字元。",
    },
    "path_control": {
        "en": "The {what} {value!r} contains a control character (such as a line break). Give the file's name alone.",
        "zh-TW": "{what} {value!r} 含有控制字元（例如換行）。請只給檔案名稱。",
    },
    "path_parent": {
        "en": "The {what} {value!r} contains '..', which would point outside the repository. Give the "
              "path from the repository's top folder, e.g. 'notebooks/lesson.ipynb'.",
        "zh-TW": "{what} {value!r} 含有 '..'，會指到儲存庫外面。"
                 "請從儲存庫最上層的資料夾寫起，例如 'notebooks/lesson.ipynb'。",
    },
    "branch_bad": {
        "en": "The branch {value!r} is not a branch name git accepts (no spaces, control characters or "
              "'..'). Most repositories use 'main'.",
        "zh-TW": "分支 {value!r} 不是 git 接受的分支名稱（不能有空白、控制字元或 '..'）。大多數儲存庫用 'main'。",
    },
    "unknown_app": {
        "en": "Unknown app {value!r}: choose 'lab' (JupyterLab) or 'classic' (the Notebook interface).",
        "zh-TW": "不認得的介面 {value!r}：請選 'lab'（JupyterLab）或 'classic'（Notebook 介面）。",
    },
    "hub": {"en": "hub address", "zh-TW": "hub 網址"},
    "repository": {"en": "repository address", "zh-TW": "儲存庫網址"},
    "path": {"en": "path", "zh-TW": "路徑"},
    "targetpath": {"en": "targetpath", "zh-TW": "targetpath（複製到的資料夾）"},
    "your_link": {"en": "Your link:", "zh-TW": "你的連結："},
    # the link form's labels
    "form_where": {"en": "Link for", "zh-TW": "連結要開在"},
    "form_my_hub": {"en": "my JupyterHub (nbgitpuller)", "zh-TW": "我的 JupyterHub（nbgitpuller）"},
    "form_hub": {"en": "Hub address", "zh-TW": "Hub 網址"},
    "form_repo": {"en": "Repository", "zh-TW": "儲存庫"},
    "form_branch": {"en": "Branch", "zh-TW": "分支"},
    "form_path": {"en": "File in the repo", "zh-TW": "儲存庫裡的檔案"},
    "form_app": {"en": "Open in", "zh-TW": "用什麼開啟"},
}


class LinkError(ValueError):
    """The input cannot make a working link; the message says what to change."""


def _say(key: str, **values) -> LinkError:
    return LinkError(language.text(MESSAGES, key, **values))


def _word(key: str) -> str:
    return language.text(MESSAGES, key)


def _is_control(character: str) -> bool:
    return ord(character) < 0x20 or 0x7f <= ord(character) <= 0x9f


def _web_address(url, what: str, example: str):
    """Split a web address after strict checks, or explain in one line why it is not one.

    Returns (scheme, host, port, path segments, query, fragment), host in lower case and
    port None when it is the scheme's default.
    """
    name = _word(what)
    if url is None or (isinstance(url, str) and not url.strip()):
        raise _say("empty", what=name, example=example)
    if not isinstance(url, str):
        raise _say("not_text", what=name, example=example, value=url)
    text = url.strip()
    if re.match(r"^[\w.-]+@[\w.-]+:", text):
        raise _say("ssh", what=name, value=text, example=example)
    if "://" not in text and "." not in text.split("/")[0]:
        raise _say("not_web", what=name, value=text, example=example)
    for character in text:
        if character in _FORBIDDEN or character.isspace() or _is_control(character):
            raise _say("bad_character", what=name, value=text, character=character)
    if "://" not in text:
        raise _say("needs_scheme", what=name, value=text)
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed '[' of an IPv6 address
        raise _say("bad_host", what=name, value=text, example=example) from None
    if parts.scheme not in ("http", "https") or not text.lower().startswith(parts.scheme + "://"):
        raise _say("not_web", what=name, value=text, example=example)
    netloc = parts.netloc
    if "@" in netloc:
        raise _say("user_info", what=name, value=text, example=example,
                   host=netloc.rsplit("@", 1)[1])
    host, port = _host_and_port(netloc, name, text, example)
    if port == _DEFAULT_PORTS[parts.scheme]:
        port = None
    segments = [s for s in parts.path.split("/") if s]
    return parts.scheme, host, port, segments, parts.query, parts.fragment


def _host_and_port(netloc: str, name: str, text: str, example: str):
    """'Hub.Example.org:8000' -> ('hub.example.org', '8000'); '[::1]' -> ('[::1]', None)."""
    if netloc.startswith("["):
        inside, _, rest = netloc[1:].partition("]")
        try:
            host = f"[{ipaddress.IPv6Address(inside).compressed}]"
        except ValueError:
            raise _say("bad_host", what=name, value=text, example=example) from None
        if rest and not rest.startswith(":"):
            raise _say("bad_host", what=name, value=text, example=example)
        port = rest[1:] if rest else None
    else:
        host, colon, port = netloc.partition(":")
        host = host.lower()
        port = port if colon else None
        if not _HOST_NAME.match(host) or not host.isascii():
            raise _say("bad_host", what=name, value=text, example=example)
        if _NUMERIC_LABEL.match(host.split(".")[-1]):
            try:  # only the plain dotted form, which every parser reads the same way
                if str(ipaddress.IPv4Address(host)) != host:
                    raise ValueError
            except ValueError:
                raise _say("bad_host", what=name, value=text, example=example) from None
    if port is not None and not (re.fullmatch(r"[0-9]{1,5}", port) and 0 < int(port) < 65536):
        raise _say("bad_port", what=name, value=text)
    return host, (str(int(port)) if port is not None else None)


def _origin(scheme: str, host: str, port) -> str:
    return f"{scheme}://{host}" + (f":{port}" if port else "")


# Characters allowed in a path segment of the hub's own address (RFC 3986 'pchar' without
# the quote, so nothing needs escaping inside HTML or a shell line).
_PATH_SEGMENT = re.compile(r"^[A-Za-z0-9._~!$&()*+,;=:@%-]+$")


def hub_address(hub_url) -> str:
    """The hub's own address, checked and tidied: 'https://hub.example.org' (no trailing slash)."""
    scheme, host, port, segments, query, fragment = _web_address(
        hub_url, "hub", "https://hub.example.org")
    page = next((i for i, s in enumerate(segments) if s in _HUB_PAGE_PARTS), None)
    base = _origin(scheme, host, port) + "".join("/" + s for s in segments[:page])
    if page is not None or query or fragment:
        raise _say("hub_page", value=hub_url.strip(), base=base)
    if not all(_PATH_SEGMENT.match(s) for s in segments):
        raise _say("not_web", what=_word("hub"), value=hub_url.strip(),
                   example="https://hub.example.org")
    return base


def _repo_parts(repo_url):
    """(scheme, host, port, segments) of a repository address, checked."""
    example = "https://github.com/OWNER/REPOSITORY"
    scheme, host, port, segments, query, fragment = _web_address(repo_url, "repository", example)
    value = repo_url.strip()
    if not segments or any(s in (".", "..") or "%2e" in s.lower() for s in segments):
        raise _say("no_repository", value=value)
    if query or fragment:
        raise _say("repository_extra", value=value)
    if host in ("github.com", "www.github.com") and len(segments) != 2:
        if len(segments) > 2:
            inside = len(segments) > 3 and segments[2] in ("tree", "blob")
            more = ""
            if inside:
                more += f", branch={segments[3]!r}"
                if len(segments) > 4:
                    more += f" and path={'/'.join(segments[4:])!r}"
            raise _say("repository_page", value=value, more=more,
                       repo=f"https://github.com/{segments[0]}/{segments[1]}")
        raise _say("account_only", value=value, service="GitHub", host="github.com")
    if host in ("gitlab.com", "www.gitlab.com"):
        if "-" in segments:  # https://gitlab.com/group/repo/-/tree/main/...
            at = segments.index("-")
            raise _say("repository_page", value=value, more="",
                       repo="https://gitlab.com/" + "/".join(segments[:at]))
        if len(segments) < 2:
            raise _say("account_only", value=value, service="GitLab", host="gitlab.com")
    return scheme, host, port, segments


def repository_address(repo_url) -> str:
    """The repository's address, checked and tidied (lower-case host, no trailing slash)."""
    scheme, host, port, segments = _repo_parts(repo_url)
    return _origin(scheme, host, port) + "/" + "/".join(segments)


def clone_folder(repo_url, targetpath: str | None = None) -> str:
    """The folder the repository lands in: targetpath, else the repository's name without .git."""
    if targetpath is not None and str(targetpath).strip():
        folder = _clean_path(targetpath, "targetpath")
        if folder:  # "." or "/" tidy to nothing: the default folder, not the home folder
            return folder
    segments = _repo_parts(repo_url)[3]
    name = segments[-1]
    return name[: -len(".git")] if name.endswith(".git") and len(name) > 4 else name


def _clean_path(path, what: str = "path") -> str:
    """A relative path inside the repository, with '/' between folders; checked."""
    name = _word(what)
    if not isinstance(path, str):
        raise _say("path_not_text", what=name, value=path)
    text = path.strip()
    if "\\" in text:
        raise _say("path_backslash", what=name, value=path, fixed=text.replace("\\", "/"))
    if any(c in text for c in "?#"):
        raise _say("path_query", what=name, value=path)
    if any(_is_control(c) for c in text):
        raise _say("path_control", what=name, value=path)
    segments = [s for s in text.split("/") if s not in ("", ".")]
    if ".." in segments:
        raise _say("path_parent", what=name, value=path)
    return "/".join(segments)


def _clean_branch(branch) -> str | None:
    """A branch, tag or commit as git allows it; None or '' means the default branch."""
    if branch is None:
        return None
    text = str(branch).strip()
    if not text:
        return None
    if (any(c.isspace() or _is_control(c) for c in text) or ".." in text
            or any(c in text for c in "~^:?*[\\")):
        raise _say("branch_bad", value=text)
    return text


def _app_prefix(app) -> str:
    key = str(app).strip().lower()
    if key not in APPS:
        raise _say("unknown_app", value=app)
    return APPS[key]


def nbgitpuller_link(hub_url, repo_url, branch="main", path=None, app="lab",
                     targetpath=None) -> str:
    """A link that copies `repo_url` into the learner's space on `hub_url` and opens `path`.

    branch: the branch to copy; None lets nbgitpuller use the repository's default branch.
    path: a file or folder inside the repository (None opens the repository's folder).
    app: "lab" (JupyterLab) or "classic" (the Notebook interface).
    targetpath: the folder to clone into (default: the repository's name without .git).
    """
    hub = hub_address(hub_url)
    prefix = _app_prefix(app)
    repo = repository_address(repo_url)
    ref = _clean_branch(branch)
    folder = clone_folder(repo, targetpath)
    inside = _clean_path(path) if path else ""
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
    scheme, host, port, segments = _repo_parts(repo_url)
    binder = hub_address(binderhub_url)
    prefix = _app_prefix(app)
    inside = _clean_path(path) if path else ""
    ref = quote(_clean_branch(branch) or "HEAD", safe="/")
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
        "where": widgets.Dropdown(options=[(_word("form_my_hub"), "hub"),
                                           ("mybinder.org (Binder)", "binder")],
                                  value="hub", description=_word("form_where"), style=style, layout=fit()),
        "hub": widgets.Text(value=hub_url, description=_word("form_hub"), style=style, layout=fit()),
        "repo": widgets.Text(value=repo_url, description=_word("form_repo"), style=style, layout=fit()),
        "branch": widgets.Text(value=branch, description=_word("form_branch"), style=style, layout=fit()),
        "path": widgets.Text(value=path, description=_word("form_path"), style=style, layout=fit()),
        "app": widgets.Dropdown(options=[("JupyterLab", "lab"), ("Classic Notebook", "classic")],
                                value=app, description=_word("form_app"), style=style, layout=fit()),
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
        result.value = (f'<p>{html.escape(_word("your_link"))}<br><a href="{safe}" target="_blank" '
                        f"rel=\"noopener\"><code style='word-break: break-all'>{safe}</code></a></p>")

    for field in fields.values():
        field.observe(show, names="value")
    show()
    return widgets.VBox([*fields.values(), result], layout=widgets.Layout(width="100%"))
