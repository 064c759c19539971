"""Test harness for a real JupyterHub on 127.0.0.1, started from hub/jupyterhub_config.py.

Used by the hub tests, the screenshot command and the class benchmark (bench/hub_burst.py):

- GitHost: serves bare git repositories over HTTP the way a git host does (git's own smart
  HTTP backend), so links point at an http:// repository like a GitHub one.
- Hub: the workshop hub with test-only settings layered on: try-out login, home folders in
  a temporary folder, free ports, an API token for the tests.
- Student: what a student's browser does, with requests: log in through the form, open an
  nbgitpuller link, follow it until nbgitpuller has finished.
- StudentServer: a student's files and kernels through their server's REST API, as
  JupyterLab uses them (open, save, delete, rename, run code in a kernel).

The fixtures below (one hub per test module, one git host per session) reach the tests
through tests/conftest.py's `pytest_plugins`.
"""
from __future__ import annotations

import html
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

import psutil
import pytest
import requests
import websocket

from .repo import HUB_CONFIG, ROOT

ENV_BIN = Path(sys.executable).parent
PASSWORD = "workshop-tryout-" + secrets.token_hex(4)
# What the tests' own service may do: add users, start their servers, make tokens for them.
SERVICE_SCOPES = ["admin:users", "admin:servers", "tokens", "access:servers",
                  "list:users", "read:users"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, timeout: float, what: str, interval: float = 0.25):
    """Call check() until it returns something truthy; fail with `what` after timeout s."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}")
        time.sleep(interval)


def git(*args, cwd=None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def commit_all(repo: Path, message: str):
    git("add", "-A", cwd=repo)
    git("-c", "user.name=Teacher", "-c", "user.email=teacher@example.org",
        "commit", "-q", "-m", message, cwd=repo)


# --- a git host on loopback --------------------------------------------------------------

class _GitHTTPHandler(BaseHTTPRequestHandler):
    """Hands each request to `git http-backend` (CGI), as a git web host does."""

    def __init__(self, root, *args, **kwargs):
        self.root = root
        super().__init__(*args, **kwargs)

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            body = self._read_chunked()
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_PROJECT_ROOT": str(self.root), "GIT_HTTP_EXPORT_ALL": "1",
            "REQUEST_METHOD": self.command, "PATH_INFO": unquote(path), "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)), "REMOTE_ADDR": "127.0.0.1",
            "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
            "HTTP_GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
        }
        out = subprocess.run(["git", "http-backend"], input=body, env=env,
                             capture_output=True).stdout
        blank = re.search(rb"\r?\n\r?\n", out)  # CGI: headers, a blank line, the body
        head, payload = (out[:blank.start()], out[blank.end():]) if blank else (out, b"")
        status, headers = 200, []
        for line in head.decode("latin-1").splitlines():
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_POST = do_GET

    def _read_chunked(self) -> bytes:
        body = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0], 16)
            if size == 0:
                self.rfile.readline()
                return body
            body += self.rfile.read(size)
            self.rfile.readline()

    def log_message(self, *args):
        pass


class GitHost:
    """Bare repositories in `root`, cloneable at http://127.0.0.1:PORT/NAME.git."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_GitHTTPHandler, self.root))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{name}"

    def add_bare_clone(self, source: Path, name: str) -> str:
        """Publish the committed state of the repository `source` as NAME; returns its URL."""
        git("clone", "-q", "--bare", str(source), str(self.root / name))
        return self.url(name)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# --- the hub ------------------------------------------------------------------------------

TEST_CONFIG = """\
# Test-only settings, layered on the workshop hub's own configuration file.
c = get_config()
load_subconfig({main!r})

c.JupyterHub.bind_url = "http://127.0.0.1:{proxy_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.JupyterHub.db_url = "sqlite:///" + {state!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {state!r} + "/cookie_secret"
c.ConfigurableHTTPProxy.pid_file = {state!r} + "/proxy.pid"
c.JupyterHub.services = [{{"name": "workshop-tests", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "workshop-tests", "scopes": {scopes!r},
                             "services": ["workshop-tests"]}}]
"""


class Hub:
    """The workshop hub, running in its own folder with test-only settings."""

    def __init__(self, workdir: Path, password: str = PASSWORD):
        self.workdir = Path(workdir)
        self.homes = self.workdir / "homes"
        self.password = password
        self.token = secrets.token_hex(32)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_path = self.workdir / "jupyterhub.log"

    def start(self, timeout: float = 90):
        state = self.workdir / "state"
        state.mkdir(parents=True, exist_ok=True)
        self.homes.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "jupyterhub_test_config.py"
        config.write_text(TEST_CONFIG.format(
            main=str(HUB_CONFIG), proxy_port=self.port, proxy_api_port=free_port(),
            hub_port=free_port(), homes=str(self.homes), state=str(state), token=self.token,
            scopes=SERVICE_SCOPES))
        env = {**os.environ, "PATH": f"{ENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
               "WORKSHOP_HUB_TRYOUT": "1", "WORKSHOP_HUB_PASSWORD": self.password,
               # the hub's state in the test's folder; root (as CI runs) allowed for tests only
               "WORKSHOP_HUB_STATE_DIR": str(state),
               "WORKSHOP_HUB_ALLOW_ROOT": "1" if os.geteuid() == 0 else "0"}
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [str(ENV_BIN / "jupyterhub"), "-f", str(config)], cwd=state, env=env,
                stdout=log, stderr=subprocess.STDOUT)

        def answering():
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited early:\n{self.log_tail()}")
            try:  # through the proxy, so both are up
                return requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200
            except requests.ConnectionError:
                return False
        try:
            wait_until(answering, timeout, "the hub to answer")
        except TimeoutError:
            self.stop()
            raise
        return self

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        """SIGTERM stops the proxy and the servers too; kill whatever it left behind."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            started = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            started = []
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for child in started:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass

    def processes(self) -> list:
        """The hub and its proxy (not the students' servers)."""
        hub = psutil.Process(self.process.pid)
        proxy = [p for p in hub.children(recursive=True)
                 if "configurable-http-proxy" in " ".join(p.cmdline())]
        return [hub, *proxy]

    # REST API, as the tests' service
    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 30)
        response = requests.request(method, f"{self.url}/hub/api{path}",
                                    headers={"Authorization": f"token {self.token}"}, **kwargs)
        response.raise_for_status()
        return response

    def user_token(self, name: str) -> str:
        """A token for an existing user (log in first): what the student's own server accepts."""
        return self.api("POST", f"/users/{name}/tokens",
                        json={"note": "workshop tests", "expires_in": 3600}).json()["token"]

    def home(self, name: str) -> Path:
        return self.homes / name


# --- a student, doing what the browser does -----------------------------------------------

class Student:
    """Logs in through the hub's form and follows nbgitpuller links, like a browser."""

    def __init__(self, hub: Hub, name: str):
        self.hub, self.name = hub, name
        self.session = requests.Session()

    def login(self):
        page = self.session.get(f"{self.hub.url}/hub/login", timeout=30)
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
        answer = self.session.post(
            f"{self.hub.url}/hub/login", timeout=60,
            data={"username": self.name, "password": self.hub.password, "_xsrf": html.unescape(xsrf)})
        if "/hub/login" in answer.url:
            raise AssertionError(f"login as {self.name} failed: {answer.status_code} {answer.url}")
        return self

    def click(self, link: str, timeout: float = 180) -> dict:
        """Open an nbgitpuller link and run the pull its page starts; returns what happened.

        The page nbgitpuller serves names the pull in data-* attributes; its script reads
        the event stream git-pull/api with them and then goes to data-path. Same here.
        """
        began = time.monotonic()
        deadline = began + timeout
        while True:  # the hub starts the server; a browser waits on the spawn-pending page
            page = self.session.get(link, timeout=60)
            page.raise_for_status()
            if "/git-pull" in urlsplit(page.url).path and 'data-repo="' in page.text:
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}'s server did not start: {page.url}")
            time.sleep(0.5)
        server_ready = time.monotonic()
        data = {key: unquote(html.unescape(value)) for key, value in
                re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        query = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"]}
        for optional in ("depth", "branch", "backup"):
            if optional in data:
                query[optional] = data[optional]
        events = []
        stream_url = f"{self.hub.url}{data['base-url']}git-pull/api?{urlencode(query)}"
        with self.session.get(stream_url, stream=True,
                              timeout=max(5.0, deadline - time.monotonic())) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    events.append(json.loads(line[len("data:"):]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        phase = events[-1].get("phase") if events else None
        return {"phase": phase, "events": events, "opens": data["base-url"] + data["path"],
                "output": "\n".join(str(e.get("output", "")) for e in events),
                "seconds_until_server": server_ready - began,
                "seconds_pulling": time.monotonic() - server_ready}


# --- a student's files and kernels, through their server's REST API ---------------------

class StudentServer:
    """A student's running server, reached with a token as JupyterLab reaches it."""

    def __init__(self, hub: Hub, name: str):
        self.url = f"{hub.url}/user/{name}/api"
        self.headers = {"Authorization": f"token {hub.user_token(name)}"}

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 60)
        response = requests.request(method, f"{self.url}{path}", headers=self.headers, **kwargs)
        response.raise_for_status()
        return response

    # JupyterLab's file operations: open, save, new file, delete, rename
    def notebook(self, path: str) -> dict:
        return self.request("GET", f"/contents/{path}").json()["content"]

    def save_notebook(self, path: str, notebook: dict):
        self.request("PUT", f"/contents/{path}", json={"type": "notebook", "content": notebook})

    def save_text(self, path: str, text: str):
        self.request("PUT", f"/contents/{path}",
                     json={"type": "file", "format": "text", "content": text})

    def new_folder(self, path: str):
        self.request("PUT", f"/contents/{path}", json={"type": "directory"})

    def delete(self, path: str):
        self.request("DELETE", f"/contents/{path}")

    def rename(self, path: str, new_path: str):
        self.request("PATCH", f"/contents/{path}", json={"path": new_path})

    def kernel_for(self, path: str, kernel: str = "python3") -> "Kernel":
        return Kernel(self, path, kernel)


class Kernel:
    """A kernel started for a notebook as JupyterLab starts one: a session, so the kernel
    works in the notebook's folder; code is sent over the kernel's websocket."""

    def __init__(self, server: StudentServer, path: str, kernel: str, timeout: float = 120):
        self.server, self.path, self.kernel, self.timeout = server, path, kernel, timeout

    def __enter__(self):
        session = self.server.request("POST", "/sessions", json={
            "path": self.path, "name": Path(self.path).name, "type": "notebook",
            "kernel": {"name": self.kernel}}).json()
        self.session_id = session["id"]
        ws_url = self.server.url.replace("http://", "ws://", 1)
        self.channel = websocket.create_connection(
            f"{ws_url}/kernels/{session['kernel']['id']}/channels", timeout=self.timeout,
            header=[f"{key}: {value}" for key, value in self.server.headers.items()])
        return self

    def __exit__(self, *exc):
        self.channel.close()
        self.server.request("DELETE", f"/sessions/{self.session_id}")

    def run(self, code: str) -> dict:
        return _execute(self.channel, code, self.timeout)


def _execute(channel, code: str, timeout: float) -> dict:
    msg_id = uuid.uuid4().hex
    channel.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "tests",
                   "session": uuid.uuid4().hex, "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": False},
    }))
    text, error, replied, idle = [], None, False, False
    deadline = time.monotonic() + timeout
    while not (replied and idle):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the kernel did not finish {code[:60]!r}")
        message = json.loads(channel.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if kind == "stream":
            text.append(content["text"])
        elif kind in ("execute_result", "display_data"):
            text.append(content["data"].get("text/plain", "") + "\n")
        elif kind == "error":
            error = content["ename"]
        elif kind == "execute_reply":
            replied = True
        elif kind == "status" and content["execution_state"] == "idle":
            idle = True
    return {"code": code, "text": "".join(text), "error": error}


# --- fixtures -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """One workshop hub per test module; it stops (with its servers) when the module ends."""
    running = Hub(tmp_path_factory.mktemp("hub")).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def git_host(tmp_path_factory):
    host = GitHost(tmp_path_factory.mktemp("git-host"))
    try:
        yield host
    finally:
        host.close()


@pytest.fixture(scope="session")
def workshop_repo(git_host) -> str:
    """This checkout's committed state, published on the loopback git host."""
    return git_host.add_bare_clone(ROOT, "jupyterhub-workshop.git")


def tree_text(folder: Path) -> str:
    """All text in the files under `folder` (not .git), for 'is this still somewhere?'."""
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(folder).parts:
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def copy_committed(paths, dest: Path):
    """Copy files as this checkout's last commit has them (other work in progress aside)."""
    for path in paths:
        target = dest / Path(path).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(subprocess.run(["git", "show", f"HEAD:{path}"], cwd=ROOT, check=True,
                                          capture_output=True).stdout)
