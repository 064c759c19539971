"""The workshop hub (hub/jupyterhub_config.py) with test-only settings layered on: try-out
login, home folders in a temporary folder, free ports on 127.0.0.1, an API token for tests."""
from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

import psutil
import requests

from ..process import ENV_BIN, ServerProcess, environment, free_port
from ..repo import HUB_CONFIG

PASSWORD = "workshop-tryout-" + secrets.token_hex(4)
# What the tests' own service may do: add users, start their servers, make tokens for them,
# and stop the hub with everything it runs (JupyterHub's own shutdown).
SERVICE_SCOPES = ["admin:users", "admin:servers", "tokens", "access:servers",
                  "list:users", "read:users", "shutdown"]

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
c.JupyterHub.services.append({{"name": "workshop-tests", "api_token": {token!r}}})  # beside the hub's own
c.JupyterHub.load_roles.append({{"name": "workshop-tests", "scopes": {scopes!r},
                                "services": ["workshop-tests"]}})
"""


class Hub:
    """The workshop hub, running in its own folder with test-only settings."""

    def __init__(self, workdir: Path, password: str = PASSWORD, wrapper: tuple = ()):
        self.workdir = Path(workdir)
        self.wrapper = list(wrapper)  # a command the hub runs under, e.g. unshare
        self.homes = self.workdir / "homes"
        self.password = password
        self.token = secrets.token_hex(32)
        self.port, self.proxy_api_port, self.hub_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.workdir / "jupyterhub.log"
        self.server: ServerProcess | None = None

    @property
    def process(self):
        """The hub's process (a subprocess.Popen), once started."""
        return self.server.process if self.server else None

    def start(self, timeout: float = 90):
        state = self.workdir / "state"
        state.mkdir(parents=True, exist_ok=True)
        self.homes.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "jupyterhub_test_config.py"
        config.write_text(TEST_CONFIG.format(
            main=str(HUB_CONFIG), proxy_port=self.port, proxy_api_port=self.proxy_api_port,
            hub_port=self.hub_port, homes=str(self.homes), state=str(state), token=self.token,
            scopes=SERVICE_SCOPES))
        # The hub's state in the test's folder; root (as CI runs) allowed for tests only.
        env = environment(WORKSHOP_HUB_TRYOUT="1", WORKSHOP_HUB_PASSWORD=self.password,
                          WORKSHOP_HUB_STATE_DIR=str(state),
                          WORKSHOP_HUB_ALLOW_ROOT="1" if os.geteuid() == 0 else "0")
        self.server = ServerProcess([*self.wrapper, str(ENV_BIN / "jupyterhub"), "-f", str(config)],
                                    log=self.log_path, cwd=state, env=env)

        def answering():  # through the proxy, so both are up
            try:
                return requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200
            except requests.ConnectionError:
                return False
        self.server.start(answering, timeout, "the hub to answer")
        return self

    def log_tail(self, lines: int = 60) -> str:
        return self.server.log_tail(lines) if self.server else "(the hub was not started)"

    def stop(self):
        """Stop everything: the hub, its proxy and every student's server.

        Stopping the hub alone (SIGTERM, as a restart does) leaves the proxy and the servers
        running, so this asks for JupyterHub's own full shutdown first; whatever is left
        after that, even from an earlier run of this hub, is stopped too."""
        if self.server and self.server.running():
            try:
                self.api("POST", "/shutdown", json={"servers": True, "proxy": True})
            except requests.RequestException:
                pass  # (the proxy, stopping too, may cut the hub's answer short)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        if self.server:
            self.server.stop()
        left = self.left_running()
        for process in left:
            process.terminate()
        for process in psutil.wait_procs(left, timeout=10)[1]:
            process.kill()

    def left_running(self) -> list:
        """This hub's proxy, servers and kernels, whether or not the hub still runs: found
        by the hub's own ports (in the proxy's command, in the servers' environment)."""
        proxy_api = f"--api-port {self.proxy_api_port}"
        hub_api = f"http://127.0.0.1:{self.hub_port}/hub/api"
        found = []
        for process in psutil.process_iter(["cmdline"]):
            try:
                if proxy_api in " ".join(process.info["cmdline"] or []) \
                        or process.environ().get("JUPYTERHUB_API_URL", "").rstrip("/") == hub_api:
                    found.append(process)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return found

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
