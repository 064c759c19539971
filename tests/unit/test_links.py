"""The link builder of lesson 07: links that nbgitpuller and mybinder.org read as intended.

The round-trip tests read a generated link back the way nbgitpuller's handlers do
(nbgitpuller/handlers.py: UIHandler reads repo, branch, urlpath/urlPath and
targetpath/targetPath with Tornado's get_argument; SyncHandler clones into targetpath),
so a link that passes here opens the file that nbgitpuller actually cloned.
"""
from urllib.parse import urlsplit

import pytest
from tornado.httputil import parse_qs_bytes

from workshop import links
from workshop.links import LinkError

HUB = "https://hub.example.org"
REPO = "https://github.com/example-org/ice-workshop"


def argument(link: str, name: str, default=None):
    """What nbgitpuller's self.get_argument(name, default) returns for this link.

    Tornado parses the query with parse_qs_bytes, decodes UTF-8, strips spaces and returns
    the last value given.
    """
    values = parse_qs_bytes(urlsplit(link).query, keep_blank_values=True).get(name)
    return values[-1].decode("utf-8").strip() if values else default


def as_nbgitpuller_reads_it(link: str) -> dict:
    """The values nbgitpuller's UIHandler works with (names as in handlers.py)."""
    repo = argument(link, "repo")
    return {
        "repo": repo,
        "branch": argument(link, "branch", None),
        "urlpath": argument(link, "urlpath", None) or argument(link, "urlPath", None),
        # the folder the repository is cloned into (UIHandler passes it on to SyncHandler)
        "targetpath": argument(link, "targetpath", None)
        or argument(link, "targetPath", repo.rstrip("/").split("/")[-1]),
    }


def test_round_trip_to_a_notebook_in_jupyterlab():
    link = links.nbgitpuller_link(HUB, REPO, branch="main", path="notebooks/05-jupyterlab-tour.ipynb")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.org", "/hub/user-redirect/git-pull")
    assert as_nbgitpuller_reads_it(link) == {
        "repo": REPO,
        "branch": "main",
        "urlpath": "lab/tree/ice-workshop/notebooks/05-jupyterlab-tour.ipynb",
        "targetpath": "ice-workshop",
    }
    assert "targetpath" not in parts.query  # the default folder name is already right


def test_round_trip_classic_notebook_and_default_branch():
    link = links.nbgitpuller_link(HUB + "/", REPO, branch=None, app="classic")
    read = as_nbgitpuller_reads_it(link)
    assert read["branch"] is None  # nbgitpuller then asks the repository for its default branch
    assert read["urlpath"] == "tree/ice-workshop"
    assert link.startswith(HUB + "/hub/user-redirect/git-pull?")


def test_urlpath_starts_with_the_folder_nbgitpuller_clones_into():
    for repo in (REPO, REPO + "/", REPO + ".git", "https://gitlab.com/group/sub/lessons.git"):
        read = as_nbgitpuller_reads_it(links.nbgitpuller_link(HUB, repo, path="a.ipynb"))
        assert read["urlpath"] == f"lab/tree/{read['targetpath']}/a.ipynb"
        assert not read["targetpath"].endswith(".git")


def test_a_repository_ending_in_git_gets_an_explicit_folder():
    link = links.nbgitpuller_link(HUB, REPO + ".git", path="notebooks/x.ipynb")
    read = as_nbgitpuller_reads_it(link)
    assert read["repo"] == REPO + ".git"
    assert read["targetpath"] == "ice-workshop"
    assert read["urlpath"] == "lab/tree/ice-workshop/notebooks/x.ipynb"


def test_targetpath_is_passed_on():
    read = as_nbgitpuller_reads_it(links.nbgitpuller_link(HUB, REPO, path="x.ipynb", targetpath="course/ice"))
    assert (read["targetpath"], read["urlpath"]) == ("course/ice", "lab/tree/course/ice/x.ipynb")


def test_spaces_chinese_and_special_characters_survive_the_round_trip():
    path = "課程 lessons/冰層 & 海冰.ipynb"
    link = links.nbgitpuller_link(HUB, REPO, branch="feature/new-lesson", path=path)
    assert " " not in link
    # the '&' in the file name is encoded, so it does not start a fourth argument
    assert set(parse_qs_bytes(urlsplit(link).query)) == {"repo", "branch", "urlpath"}
    read = as_nbgitpuller_reads_it(link)
    assert read["urlpath"] == f"lab/tree/ice-workshop/{path}"
    assert read["branch"] == "feature/new-lesson"


def test_hub_under_a_path_prefix_is_kept():
    link = links.nbgitpuller_link("https://example.org/jupyter/", REPO)
    assert link.startswith("https://example.org/jupyter/hub/user-redirect/git-pull?")


def test_leading_slash_and_dot_segments_in_the_path_are_tidied():
    read = as_nbgitpuller_reads_it(links.nbgitpuller_link(HUB, REPO, path="/notebooks/./a.ipynb"))
    assert read["urlpath"] == "lab/tree/ice-workshop/notebooks/a.ipynb"


@pytest.mark.parametrize("repo", [REPO, REPO + ".git", REPO + "/"])
def test_binder_link(repo):
    link = links.binder_link(repo, "main", "notebooks/07-getting-content.ipynb")
    parts = urlsplit(link)
    assert (parts.netloc, parts.path) == ("mybinder.org", "/v2/gh/example-org/ice-workshop/main")
    assert argument(link, "urlpath") == "lab/tree/notebooks/07-getting-content.ipynb"


def test_binder_link_defaults():
    assert links.binder_link(REPO, None) == "https://mybinder.org/v2/gh/example-org/ice-workshop/HEAD?urlpath=lab"
    assert argument(links.binder_link(REPO, "v1.0", "a.ipynb", app="classic"), "urlpath") == "tree/a.ipynb"


@pytest.mark.parametrize("hub, words", [
    ("hub.example.org", "needs https:// at the start, like 'https://hub.example.org'"),
    ("not a url", "is not a web address"),
    ("", "is empty"),
    ("ftp://hub.example.org", "is not a web address"),
    ("https://hub.example.org/hub/login", "Use the hub's own address, without the extra parts: 'https://hub.example.org'"),
    ("https://hub.example.org/user/alice/lab", "without the extra parts: 'https://hub.example.org'"),
    ("https://hub.example.org/user/alice/lab/tree/x.ipynb", "'https://hub.example.org'"),
    ("https://example.org/jupyter/hub/home", "'https://example.org/jupyter'"),
    ("https://hub.example.org/?next=%2Fhub%2Fhome", "'https://hub.example.org'"),
])
def test_bad_hub_addresses_are_explained(hub, words):
    with pytest.raises(LinkError) as problem:
        links.nbgitpuller_link(hub, REPO)
    assert words in str(problem.value)


@pytest.mark.parametrize("repo, words", [
    ("example-org/ice-workshop", "is not a web address"),
    ("https://github.com/example-org", "names a GitHub account, not a repository"),
    ("https://github.com/example-org/ice-workshop/blob/main/notebooks/a.ipynb",
     "Use the repository itself, 'https://github.com/example-org/ice-workshop', "
     "branch='main' and path='notebooks/a.ipynb'"),
    ("https://github.com/example-org/ice-workshop/tree/dev",
     "'https://github.com/example-org/ice-workshop', branch='dev'"),
])
def test_bad_repository_addresses_are_explained(repo, words):
    with pytest.raises(LinkError) as problem:
        links.nbgitpuller_link(HUB, repo)
    assert words in str(problem.value)


def test_unknown_app_is_explained():
    with pytest.raises(LinkError, match=r"Unknown app 'rstudio': choose 'lab' \(JupyterLab\) or 'classic'"):
        links.nbgitpuller_link(HUB, REPO, app="rstudio")
    with pytest.raises(LinkError, match="Unknown app"):
        links.binder_link(REPO, "main", app="vscode")


@pytest.mark.parametrize("path", ["../secrets.txt", "notebooks/../../x.ipynb", "a/.."])
def test_a_path_leaving_the_repository_is_refused(path):
    with pytest.raises(LinkError, match=r"contains '\.\.', which would point outside the repository"):
        links.nbgitpuller_link(HUB, REPO, path=path)
    with pytest.raises(LinkError, match=r"'\.\.'"):
        links.binder_link(REPO, "main", path)


@pytest.mark.parametrize("path, words", [
    ("notebooks\\a.ipynb", "Use '/' instead: 'notebooks/a.ipynb'"),
    ("a.ipynb#top", "contains '?' or '#'"),
])
def test_other_bad_paths_are_explained(path, words):
    with pytest.raises(LinkError) as problem:
        links.nbgitpuller_link(HUB, REPO, path=path)
    assert words in str(problem.value)


@pytest.mark.parametrize("repo, spec", [
    ("https://gitlab.com/group/lessons", "/v2/gl/group%2Flessons/main"),
    ("https://gitlab.com/group/sub/lessons.git", "/v2/gl/group%2Fsub%2Flessons/main"),
    ("https://codeberg.org/teacher/lessons", "/v2/git/https%3A%2F%2Fcodeberg.org%2Fteacher%2Flessons/main"),
    ("https://git.uni.example/teacher/lessons.git",
     "/v2/git/https%3A%2F%2Fgit.uni.example%2Fteacher%2Flessons.git/main"),
])
def test_binder_links_for_gitlab_and_any_other_git_host(repo, spec):
    """mybinder.org's forms: gl/ with the project path encoded, git/ with the whole address."""
    link = links.binder_link(repo, "main", "notebooks/a.ipynb")
    assert urlsplit(link).path == spec
    assert argument(link, "urlpath") == "lab/tree/notebooks/a.ipynb"


@pytest.mark.parametrize("repo, words", [
    ("git@github.com:example-org/ice-workshop.git", "is an SSH address"),
    ("https://gitlab.com/group/lessons/-/tree/main", "Use the repository itself, 'https://gitlab.com/group/lessons'"),
    ("https://gitlab.com/group", "names a GitLab account"),
    ("https://teacher:secret@github.com/example-org/ice-workshop", "without a user name or password"),
])
def test_more_repository_mistakes_are_explained(repo, words):
    with pytest.raises(LinkError) as problem:
        links.binder_link(repo, "main")
    assert words in str(problem.value)


def test_link_errors_are_value_errors():
    assert issubclass(LinkError, ValueError)


def test_the_form_shows_the_link_and_updates_as_you_type():
    form = links.link_form(hub_url=HUB, repo_url=REPO, branch="main", path="a.ipynb")
    *fields, result = form.children
    assert "hub/user-redirect/git-pull?repo=" in result.value
    assert argument(result.value.split('href="')[1].split('"')[0].replace("&amp;", "&"),
                    "urlpath") == "lab/tree/ice-workshop/a.ipynb"
    hub_box = next(f for f in fields if f.description == "Hub address")
    hub_box.value = "https://hub.example.org/hub/login"
    assert "⚠️" in result.value and "https://hub.example.org" in result.value
    hub_box.value = HUB
    where = next(f for f in fields if f.description == "Link for")
    where.value = "binder"
    assert "mybinder.org/v2/gh/example-org/ice-workshop/main" in result.value
    assert hub_box.disabled


def test_the_form_speaks_the_lessons_language(monkeypatch):
    """In the Chinese lesson every box is labelled in Chinese, and the link still works."""
    from workshop import language
    monkeypatch.setattr(language, "_current", language.current())
    language.use("zh-TW")
    try:
        form = links.link_form(hub_url=HUB, repo_url=REPO, branch="main", path="a.ipynb")
    finally:
        language.use("en")
    *fields, result = form.children
    assert [f.description for f in fields] == ["連結要開在", "Hub 網址", "儲存庫", "分支",
                                               "儲存庫裡的檔案", "用什麼開啟"]
    assert "你的連結" in result.value and "git-pull?repo=" in result.value


@pytest.mark.parametrize("path", ["%2e%2e/secrets.txt", "notebooks/%2E%2e/%2e%2e/x", "%252e%252e/x",
                                  ".%2e/x", "..%2fx", "a%5c..%5cb", "%00.ipynb"])
def test_a_percent_encoded_way_out_is_refused_like_the_plain_one(path):
    """Issue #21: '..' was refused, '%2e%2e' (which a browser reads as '..') was not."""
    with pytest.raises(LinkError) as refused:
        links.nbgitpuller_link(HUB, REPO, path=path)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("hub", ["https://hub.example.org/%2e%2e/jupyter", "https://hub.example.org/a%2fb"])
def test_a_hub_address_with_an_encoded_way_out_is_refused(hub):
    with pytest.raises(LinkError, match="is not a web address"):
        links.hub_address(hub)


def test_a_path_with_encoded_characters_is_sent_decoded_and_encoded_once():
    link = links.nbgitpuller_link(HUB, REPO, path="notebooks/a%20b.ipynb")
    assert link.endswith("urlpath=lab%2Ftree%2Fice-workshop%2Fnotebooks%2Fa%20b.ipynb")


@pytest.mark.parametrize("path, right", [
    ("07-getting-content.ipynb", "notebooks/07-getting-content.ipynb"),     # folder left out
    ("notebooks/07-getting-content", "notebooks/07-getting-content.ipynb"),  # .ipynb left out
    ("notebooks/07-getting-contnet.ipynb", "notebooks/07-getting-content.ipynb"),  # a typo
    ("zh-TW/notebooks/07-getting-content", "zh-TW/notebooks/07-getting-content.ipynb"),
])
def test_a_lesson_path_that_is_not_in_the_workshop_is_refused_with_the_right_one(path, right):
    """Lesson 07 says the helper refuses to build a broken link: one line, naming the real path."""
    for build in (lambda: links.nbgitpuller_link(HUB, REPO, path=path),
                  lambda: links.binder_link(REPO, path=path)):
        with pytest.raises(LinkError) as refused:
            build()
        message = str(refused.value)
        assert f"Did you mean {right!r}?" in message and "\n" not in message


@pytest.mark.parametrize("path", ["notebooks/07-getting-content.ipynb", "notebooks/01-intro.ipynb",
                                  "notebooks", "data/sea_ice.csv"])
def test_real_lessons_and_paths_that_name_no_lesson_still_make_links(path):
    """Only a near miss of one of the workshop's lessons is refused: another repository's files
    (the helper builds links for any repository) are the teacher's to name."""
    assert links.nbgitpuller_link(HUB, REPO, path=path).endswith(path.replace("/", "%2F"))


def test_a_chinese_link_error_ends_in_chinese(monkeypatch):
    """Issue #25: a repository page's advice ended in English (", branch='main' and path=...")."""
    from workshop import language
    monkeypatch.setattr(language, "_current", language.current())
    language.use("zh-TW")
    try:
        with pytest.raises(LinkError) as problem:
            links.nbgitpuller_link(HUB, "https://github.com/a/b/tree/main/notebooks/x.ipynb")
        form = links.link_form(hub_url=HUB, repo_url=REPO, branch="main", path="a.ipynb")
    finally:
        language.use("en")
    assert str(problem.value).endswith("請用儲存庫本身：'https://github.com/a/b'，分支填 'main'，"
                                       "儲存庫裡的檔案填 'notebooks/x.ipynb'。")
    app = form.children[5]
    assert app.options[1][0] == "Classic Notebook（傳統的 Notebook 介面）"
