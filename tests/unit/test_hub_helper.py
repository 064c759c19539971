"""workshop.hub asks the JupyterHub REST API who you are, and never fails with a traceback.

A tiny web server on 127.0.0.1 stands in for the hub here; a real hub is tested elsewhere.
"""
import contextlib
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_kit.process import free_port
from workshop import hub, language

TOKEN = "not-a-real-token-123"
USER = {
    "kind": "user",
    "name": "ada",
    "admin": True,
    "groups": [],
    "servers": {
        "": {"name": "", "ready": True, "started": "2024-03-05T09:14:27.123456Z", "url": "/user/ada/"},
        "big": {"name": "big", "ready": False, "started": None, "url": "/user/ada/big/"},
    },
    "scopes": ["read:users:name!user=ada"],
}


class FakeHub(BaseHTTPRequestHandler):
    """Answers GET /hub/api/user like JupyterHub, if the token is right; or, when `page` is
    set, answers every request with that (status, content type, body, extra headers)."""

    user = USER
    page = None
    seen_headers = []

    def do_GET(self):
        FakeHub.seen_headers.append(self.headers.get("Authorization"))
        if self.page:
            return self._send_raw(*self.page)
        if self.path == "/hub/api/moved/user":  # a redirect within the hub's own address
            return self._send_raw(302, "text/html", b"", [("Location", "/hub/api/user")])
        if self.path != "/hub/api/user":
            return self._send(404, {"status": 404, "message": "Not Found"})
        if self.headers.get("Authorization") != f"token {TOKEN}":
            return self._send(403, {"status": 403, "message": "Forbidden"})
        self._send(200, self.user)

    def _send(self, status, body):
        self._send_raw(status, "application/json", json.dumps(body).encode())

    def _send_raw(self, status, content_type, data, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # keep the test output quiet
        pass


@contextlib.contextmanager
def serving(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: any free port
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hub/api"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fake_hub():
    FakeHub.seen_headers = []
    FakeHub.page = None
    with serving(FakeHub) as api_url:
        yield api_url
    FakeHub.page = None


def hub_env(api_url, token=TOKEN):
    return {"JUPYTERHUB_API_URL": api_url, "JUPYTERHUB_API_TOKEN": token, "JUPYTERHUB_USER": "ada"}


def closed_port() -> int:
    """A port on which nothing listens: a free one, not taken."""
    return free_port()


# --- not on a hub ---------------------------------------------------------------------------

def test_off_a_hub_whoami_is_none_and_says_so_in_one_line(capsys):
    """Issue #21: off a hub, whoami() printed nothing at all, so a cell showed nothing."""
    assert hub.missing_variables({}) == list(hub.VARIABLES)
    assert not hub.on_a_hub({})
    assert hub.whoami(environ={}) is None
    said = capsys.readouterr().out
    assert said.count("\n") == 1 and said.startswith("This notebook is not running on a JupyterHub server")


def test_off_a_hub_the_report_explains_and_shows_an_example():
    text = hub.report(environ={})
    assert text.startswith("This notebook is not running on a JupyterHub server")
    assert "JUPYTERHUB_API_URL, JUPYTERHUB_API_TOKEN, JUPYTERHUB_USER are not set" in text
    assert "You are logged in as: ada" in text and "Hub administrator: no" in text
    assert "Traceback" not in text


def test_one_missing_variable_is_named():
    env = hub_env("http://127.0.0.1:1/hub/api")
    del env["JUPYTERHUB_API_TOKEN"]
    assert hub.whoami(environ=env) is None
    assert "the variable JUPYTERHUB_API_TOKEN is not set" in hub.report(environ=env)


def test_called_without_arguments_the_helpers_read_the_servers_environment(fake_hub, monkeypatch):
    """In a lesson, hub.whoami() and hub.report() take no arguments: they read the variables
    the hub gave the server. Set, the hub is asked; gone, they say so."""
    for name, value in hub_env(fake_hub).items():
        monkeypatch.setenv(name, value)
    assert hub.whoami()["name"] == "ada"
    assert hub.report().startswith("You are logged in as: ada")
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN")
    assert hub.whoami() is None
    assert "JUPYTERHUB_API_TOKEN is not set" in hub.report()


# --- a (fake) hub that answers ----------------------------------------------------------------

def test_whoami_parses_the_hub_answer(fake_hub):
    me = hub.whoami(environ=hub_env(fake_hub))
    assert me == {
        "name": "ada",
        "admin": True,
        "servers": {
            "": {"ready": True, "started": "2024-03-05T09:14:27.123456Z"},
            "big": {"ready": False, "started": None},
        },
    }
    assert FakeHub.seen_headers == [f"token {TOKEN}"]


def test_the_report_describes_the_user_and_servers(fake_hub):
    text = hub.report(environ=hub_env(fake_hub + "/"))  # a trailing slash is fine too
    assert text.splitlines() == [
        "You are logged in as: ada",
        "Hub administrator: yes",
        "Your servers:",
        "  - the default server: running, started 2024-03-05 09:14 UTC",
        "  - 'big': starting or stopping",
    ]
    assert TOKEN not in text


def test_a_token_that_may_not_see_servers(fake_hub, monkeypatch):
    # JupyterHub's default server token may read the user's name but not the servers.
    monkeypatch.setattr(FakeHub, "user", {"kind": "user", "name": "ada", "admin": False})
    me = hub.whoami(environ=hub_env(fake_hub))
    assert me == {"name": "ada", "admin": False, "servers": None}
    assert "may not list them" in hub.describe(me)


def test_a_wrong_token_gives_one_friendly_line(fake_hub, capsys):
    assert hub.whoami(environ=hub_env(fake_hub, token="wrong")) is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("Could not ask the hub: the hub answered HTTP 403")
    assert "revoked" in out and "wrong" not in out


# --- a hub that cannot be reached -------------------------------------------------------------

def test_a_closed_port_gives_one_line_not_a_traceback(capsys):
    env = hub_env(f"http://127.0.0.1:{closed_port()}/hub/api")
    assert hub.whoami(environ=env, timeout=2) is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    assert out.startswith("Could not ask the hub: could not reach the hub at http://127.0.0.1:")
    assert "Traceback" not in out

    text = hub.report(environ=env, timeout=2)
    assert "\n" not in text and text.startswith("Could not ask the hub:")


def test_a_nonsense_url_gives_one_line(capsys):
    env = hub_env("not a url")
    assert hub.whoami(environ=env) is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("Could not ask the hub:")


def test_a_hub_that_does_not_answer_in_time(capsys):
    with socket.socket() as silent:  # accepts connections, never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        env = hub_env(f"http://127.0.0.1:{silent.getsockname()[1]}/hub/api")
        assert hub.whoami(environ=env, timeout=0.2) is None
    out = capsys.readouterr().out
    assert out == "Could not ask the hub: the hub did not answer within 0.2 seconds.\n"


# --- server size ------------------------------------------------------------------------------

def test_server_size_off_a_hub_says_not_set_here():
    lines = hub.server_size(environ={}).splitlines()
    assert len(lines) == 4 and all(line.endswith(": not set here") for line in lines)


def test_server_size_reads_the_spawner_variables():
    env = {"CPU_LIMIT": "1.0", "MEM_LIMIT": str(2 * 1024**3), "MEM_GUARANTEE": str(512 * 1024**2)}
    assert hub.server_size(environ=env).splitlines() == [
        "CPU limit (most CPUs you may use): 1.0",
        "CPU guarantee (CPUs kept for you): not set here",
        "Memory limit (most memory you may use): 2.0 GB",
        "Memory guarantee (memory kept for you): 0.5 GB",
    ]


# --- one answer to "is this a hub?" ------------------------------------------------------------

@pytest.mark.parametrize("present", [(), ("JUPYTERHUB_API_URL",), hub.VARIABLES],
                         ids=["laptop", "only-the-api-url", "hub-server"])
def test_every_helper_agrees_whether_this_is_a_hub(monkeypatch, present):
    """preflight (lesson 00's table and advice) and hub (lesson 06's report) say the same."""
    from workshop import preflight
    for name in hub.VARIABLES:
        if name in present:
            monkeypatch.setenv(name, "http://127.0.0.1:9/hub/api" if name.endswith("URL") else "x")
        else:
            monkeypatch.delenv(name, raising=False)
    on_a_hub = present == hub.VARIABLES
    assert preflight.on_a_hub() is hub.on_a_hub() is on_a_hub
    assert preflight.where_am_i().startswith("You are on a JupyterHub") is on_a_hub
    assert ("not running on a JupyterHub" in hub.report(timeout=1)) is not on_a_hub


# --- a hub that answers oddly (issue #21) ------------------------------------------------------

class OtherHost(BaseHTTPRequestHandler):
    """Another server a redirect could point at: it only notes what it was sent."""

    seen_headers = []

    def do_GET(self):
        OtherHost.seen_headers.append(self.headers.get("Authorization"))
        FakeHub._send(self, 200, USER)

    def log_message(self, *args):
        pass


def test_a_redirect_to_another_host_never_gets_the_token(fake_hub, capsys):
    OtherHost.seen_headers = []
    with serving(OtherHost) as elsewhere:
        FakeHub.page = (302, "text/html", b"", [("Location", elsewhere + "/user")])
        assert hub.whoami(environ=hub_env(fake_hub)) is None
    assert OtherHost.seen_headers == []
    said = capsys.readouterr().out
    assert said.count("\n") == 1, said
    assert said.startswith("Could not ask the hub: the hub sent the question on to another address (http://127.0.0.1:")
    assert "the token was not sent there" in said


def test_a_redirect_within_the_hub_is_followed(fake_hub):
    assert hub.whoami(environ=hub_env(fake_hub + "/moved"))["name"] == "ada"
    assert FakeHub.seen_headers == [f"token {TOKEN}"] * 2


@pytest.mark.parametrize("status, content_type, body, expected", [
    (200, "text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>", "was not the JSON"),
    (502, "text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>", "HTTP 502"),
    (200, "application/json", b"[1, 2, 3]", "not the description of a user"),
    (200, "application/json", b"{\"name\": 42}", "not the description of a user"),
    (200, "application/json", b"[" * 100_000 + b"]" * 100_000, "was not the JSON"),
    (200, "application/json", b"\xff\xfe not text", "was not the JSON"),
])
def test_an_odd_answer_gets_one_line(fake_hub, status, content_type, body, expected):
    FakeHub.page = (status, content_type, body)
    said = hub.report(environ=hub_env(fake_hub))
    assert "\n" not in said and said.startswith("Could not ask the hub:") and expected in said, said


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
user_like = st.fixed_dictionaries({}, optional={
    "name": json_values | st.text(max_size=20), "admin": json_values,
    "servers": json_values | st.dictionaries(st.text(max_size=8), json_values | st.fixed_dictionaries(
        {}, optional={"ready": json_values, "started": json_values | st.text(max_size=30)}), max_size=3)})


def test_any_json_answer_gets_a_description_or_one_line(fake_hub):
    @given(user_like | json_values)
    def answer(user):
        FakeHub.page = (200, "application/json", json.dumps(user).encode())
        said = hub.report(environ=hub_env(fake_hub)).splitlines()
        if said[0].startswith("Could not ask the hub:"):
            assert len(said) == 1, said
        else:
            assert said[0] == "You are logged in as: " + " ".join(user["name"].split())
            servers = user.get("servers")
            names = {" ".join(name.split()) for name in servers} if isinstance(servers, dict) else ()
            assert len(said) == 3 + len(names), said
    answer()


def test_the_chinese_report_uses_full_width_colons_and_taiwans_name_for_utc():
    """Issue #25: 「預設伺服器: 執行中」 had a half-width colon, and UTC stayed English."""
    language.use("zh-TW")
    try:
        text = hub.report(environ={})
        size = hub.server_size({"CPU_LIMIT": "2"})
    finally:
        language.use("en")
    assert "JUPYTERHUB_API_URL、JUPYTERHUB_API_TOKEN、JUPYTERHUB_USER" in text
    assert "  - 預設伺服器：執行中，啟動於 2024-03-05 09:14（世界協調時間）" in text
    assert size.splitlines()[0] == "CPU 上限（你最多能用的 CPU）：2"
    assert ":" not in text.replace("09:14", "") and ": " not in size
