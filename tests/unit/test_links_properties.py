"""The link builder never crashes and never makes a link that goes somewhere else.

Property-based (hypothesis): addresses are assembled from the pieces that confuse URL
parsers (user names before '@', backslashes, numeric hosts, brackets, percent signs,
control characters). Whatever the builder accepts, Python's parser and the WHATWG URL
Standard (what browsers do; `ada_url`, the parser Node.js uses) must read the same host,
in the teacher's address and in the finished link. Whatever it refuses, it refuses with one
line (LinkError), in English and in Traditional Chinese.
"""
from urllib.parse import unquote, urlsplit

import ada_url
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tornado.httputil import parse_qs_bytes

from workshop import language, links
from workshop.links import LinkError

REPO = "https://github.com/example-org/ice-workshop"
HUB = "https://hub.example.org"

PIECES = ["hub.example.org", "evil.example", "example.org", "@", "\\", "/", "//", ":", ":8000",
          ":443", ":99999", "[::1]", "[", "]", "127.1", "0x7f.1", "127.0.0.1", "1.2.3.4.5",
          "%2e", "%40", ".", "..", "#", "?", "&", "=", " ", "\t", "\n", "\r", "\x00", "\x7f",
          '"', "'", "<", ">", "`", "user:pass@", "xn--bcher-kva.example", "bücher", "ß",
          "ＡＢＣ", "hub", "-", "_", "~", "HUB.EXAMPLE.ORG", "jupyter", "hub/login"]
SCHEMES = ["https://", "http://", "HTTPS://", "https:/", "https:", "https:\\\\", "ftp://",
           "javascript:", "", " https://"]

addresses = st.builds(lambda scheme, parts: scheme + "".join(parts),
                      st.sampled_from(SCHEMES),
                      st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=8))
anything = st.one_of(st.none(), st.integers(), st.floats(), st.binary(max_size=8),
                     st.lists(st.integers(), max_size=2), st.text(max_size=12), addresses)
FAST = settings(suppress_health_check=[HealthCheck.too_slow])


def python_host(url: str) -> str:
    host = urlsplit(url).hostname
    return f"[{host}]" if host and ":" in host else host


def whatwg_host(url: str) -> str:
    return ada_url.URL(url).hostname


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    language.use("en")


@FAST
@given(addresses)
@example("https://hub.example.org@evil.example")
@example("https://evil.example\\@hub.example.org")
@example("http://127.1:8000")
@example("https://hub.example.org/\"><script>")
@example("https://HUB.example.org:443/jupyter/")
def test_an_accepted_hub_address_means_the_same_host_to_python_and_browsers(hub):
    try:
        link = links.nbgitpuller_link(hub, REPO, path="notebooks/00-welcome.ipynb")
    except LinkError as problem:
        assert "\n" not in str(problem)
        return
    typed = hub.strip()
    assert whatwg_host(typed) == python_host(typed), "the teacher's address is ambiguous"
    assert whatwg_host(link) == python_host(link) == python_host(typed)
    assert not any(c in link for c in "\"'<>`\\ \t\r\n\x00")
    assert ada_url.URL(link).pathname.endswith("/hub/user-redirect/git-pull")


@FAST
@given(addresses)
@example("https://github.com@evil.example/x/y")
@example("https://user:token@gitlab.com/group/lessons")
def test_an_accepted_repository_address_means_the_same_host_to_python_and_browsers(repo):
    try:
        link = links.nbgitpuller_link(HUB, repo)
    except LinkError as problem:
        assert "\n" not in str(problem)
        return
    sent = argument(link, "repo")
    assert whatwg_host(sent) == python_host(sent) == python_host(repo.strip())
    assert "@" not in urlsplit(sent).netloc


def argument(link: str, name: str):
    """What nbgitpuller (Tornado's get_argument) reads for `name`, or None."""
    values = parse_qs_bytes(urlsplit(link).query, keep_blank_values=True).get(name)
    return values[-1].decode("utf-8").strip() if values else None


@FAST
@given(branch=anything, path=anything, targetpath=st.none() | anything)
@example(branch="main&urlpath=../../etc", path="a.ipynb#x", targetpath=None)
@example(branch="x", path="a&repo=https://evil.example/x.ipynb", targetpath="b=c&d")
def test_no_value_can_escape_its_own_argument(branch, path, targetpath):
    try:
        link = links.nbgitpuller_link(HUB, REPO, branch=branch, path=path, targetpath=targetpath)
    except LinkError as problem:
        assert "\n" not in str(problem)
        return
    query = parse_qs_bytes(urlsplit(link).query, keep_blank_values=True)
    assert set(query) <= {"repo", "branch", "urlpath", "targetpath"}
    assert all(len(values) == 1 for values in query.values()), "an argument appears twice"
    assert argument(link, "repo") == REPO
    browser = {k: v for k, v in ada_url.URLSearchParams(ada_url.URL(link).search).items()}
    assert set(browser) == set(query), "a browser reads other arguments than nbgitpuller"
    folder = argument(link, "targetpath") or "ice-workshop"
    assert argument(link, "urlpath").startswith(f"lab/tree/{folder}")
    if isinstance(path, str) and path.strip():
        assert argument(link, "urlpath").endswith(links._clean_path(path).strip())


@FAST
@given(owner=st.text(min_size=1, max_size=10), name=st.text(min_size=1, max_size=10),
       branch=st.none() | st.text(max_size=10))
@example(owner="a b", name="c?d", branch="main")
@example(owner="..", name="%2e", branch="x#y")
def test_binder_links_encode_owner_repository_and_branch(owner, name, branch):
    repo = f"https://github.com/{owner}/{name}"
    try:
        link = links.binder_link(repo, branch, "notebooks/00-welcome.ipynb")
    except LinkError as problem:
        assert "\n" not in str(problem)
        return
    assert whatwg_host(link) == python_host(link) == "mybinder.org"
    parts = urlsplit(link).path.split("/")
    assert parts[:3] == ["", "v2", "gh"]
    segments = [s for s in urlsplit(repo.strip()).path.split("/") if s]
    expected_name = segments[1][:-4] if segments[1].endswith(".git") and len(segments[1]) > 4 else segments[1]
    assert [unquote(parts[3]), unquote(parts[4])] == [segments[0], expected_name]
    assert set(parse_qs_bytes(urlsplit(link).query)) == {"urlpath"}


@FAST
@given(anything, anything)
def test_any_python_object_gets_one_line_in_both_languages(hub, repo):
    for lang in ("en", "zh-TW"):
        language.use(lang)
        for make in (lambda: links.nbgitpuller_link(hub, repo),
                     lambda: links.binder_link(repo, hub),
                     lambda: links.nbgitpuller_link(HUB, REPO, path=hub, app=repo)):
            try:
                make()
            except LinkError as problem:
                assert str(problem) and "\n" not in str(problem)


def test_the_refusals_are_in_traditional_chinese_when_the_lesson_is():
    language.use("zh-TW")
    with pytest.raises(LinkError, match="瀏覽器會前往 'evil.example'"):
        links.nbgitpuller_link("https://hub.example.org@evil.example", REPO)
    with pytest.raises(LinkError, match="含有 '\\\\\\\\'"):
        links.nbgitpuller_link("https://evil.example\\@hub.example.org", REPO)
    language.use("en")
    with pytest.raises(LinkError, match="a browser would go to 'evil.example'"):
        links.nbgitpuller_link("https://hub.example.org@evil.example", REPO)


PATH_PIECES = ["..", ".", "/", "\\", "%2e", "%2E", "%2e%2e", ".%2e", "%252e", "%2f", "%2F", "%5c",
               "%255c", "%00", "%0a", "%", "%2", "%%", "%25", "%3f", "%23", "a", "notebooks", "x.ipynb"]
paths = st.lists(st.sampled_from(PATH_PIECES), min_size=1, max_size=8).map("".join)


@FAST
@given(paths)
@example("%2e%2e/%2e%2e/etc/passwd")
@example("%252e%252e/x")
@example("..%5c..%5cx")
def test_an_accepted_path_opens_inside_the_copy_however_it_is_encoded(path):
    """Issue #21: '..' was refused but '%2e%2e', which a browser reads as '..', was not."""
    try:
        link = links.nbgitpuller_link(HUB, REPO, path=path)
    except LinkError as problem:
        assert "\n" not in str(problem)
        return
    # nbgitpuller decodes urlpath once and sends the browser there, under the learner's server;
    # the browser resolves '..' and '%2e%2e'; JupyterLab decodes the rest into a file path.
    opened = ada_url.URL("https://hub.example.org/user/ada/" + argument(link, "urlpath")).pathname
    assert opened.startswith("/user/ada/lab/tree/ice-workshop"), opened
    file_path = unquote(opened)
    assert "/../" not in file_path + "/" and "\\" not in file_path, file_path
