"""How much processor time one student's server spends starting, and on what.

    .venv/bin/python -m workshop_bench.server_start [--repeat 5] [--imports]

When thirty students log in at once, thirty `jupyterhub-singleuser` processes start on the
same few processors, so each one's start-up CPU time decides how long the class waits. This
starts the real single-user server (the hub config's command and arguments, every server
extension the environment enables) against a small stand-in for the hub's API on 127.0.0.1,
waits until it answers HTTP, and reads its CPU time (user + system, with any children).
`--imports` also runs it once with `-X importtime` and lists the packages whose import
took longest. Writes bench/results/server_start.json.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock

import jupyterhub
import psutil
import requests
from jupyter_core.paths import jupyter_config_path
from jupyter_server.extension.config import ExtensionConfigManager

from workshop_kit.process import ENV_BIN, ServerProcess, free_port, wait_until
from workshop_kit.repo import HUB_CONFIG, RESULTS_DIR

from .measure import summary, tree_cpu_seconds

IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


# --- a stand-in for the hub's API on 127.0.0.1: what a single-user server asks its hub while
# starting (the version check) is all it answers

class HubAPI(BaseHTTPRequestHandler):
    """Answers every request with the hub's version, as JupyterHub's API does."""

    def _answer(self):
        body = json.dumps({"version": jupyterhub.__version__}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-JupyterHub-Version", jupyterhub.__version__)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self._answer()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def log_message(self, *args):
        pass


@contextmanager
def stand_in_hub():
    """The stand-in, answering in a background thread while the block runs; yields its URL."""
    hub = ThreadingHTTPServer(("127.0.0.1", 0), HubAPI)
    threading.Thread(target=hub.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{hub.server_address[1]}"
    finally:
        hub.shutdown()


# --- one student's server, started as the hub starts it, timed until it answers HTTP

def server_command() -> tuple[list[str], dict]:
    """The single-user command, arguments and environment the hub config gives a student's server.

    Read from hub/jupyterhub_config.py itself (try-out mode) with traitlets' own loader, as
    JupyterHub reads it, so the benchmark follows the file.
    """
    from traitlets.config.loader import PyFileConfigLoader

    env = {"WORKSHOP_HUB_TRYOUT": "1", "WORKSHOP_HUB_PASSWORD": "not-used-here",
           # try-out mode refuses root unless told; CI runs as root
           "WORKSHOP_HUB_ALLOW_ROOT": "1" if os.geteuid() == 0 else "0"}
    with mock.patch.dict(os.environ, env):  # the file reads them; this process's own come back after
        config = PyFileConfigLoader(HUB_CONFIG.name, path=str(HUB_CONFIG.parent)).load_config()
    spawner = config.Spawner
    cmd = list(spawner.cmd) if "cmd" in spawner else [str(ENV_BIN / "jupyterhub-singleuser")]
    args = spawner.args.get_value([]) if hasattr(spawner.args, "get_value") else list(spawner.get("args", []))
    return cmd + list(args), dict(spawner.get("environment", {}))


def start_once(hub_url: str, home: Path, extra_env: dict | None = None) -> dict:
    """Start one server; its wall and CPU seconds until it answers HTTP, and its stderr."""
    port = free_port()
    command, spawner_env = server_command()
    env = {**os.environ, **spawner_env, **(extra_env or {}),
           "HOME": str(home), "JUPYTERHUB_API_TOKEN": "benchmark-token",
           "JUPYTERHUB_API_URL": f"{hub_url}/hub/api", "JUPYTERHUB_CLIENT_ID": "jupyterhub-user-ada",
           "JUPYTERHUB_USER": "ada", "JUPYTERHUB_SERVER_NAME": "", "JUPYTERHUB_BASE_URL": "/",
           "JUPYTERHUB_SERVICE_PREFIX": "/user/ada/", "JUPYTERHUB_OAUTH_CALLBACK_URL": "/user/ada/oauth_callback",
           "JUPYTERHUB_SERVICE_URL": f"http://127.0.0.1:{port}/user/ada/", "JUPYTERHUB_HOST": ""}
    server = ServerProcess(command, log=home / "server.log", cwd=home, env=env, grace=20)
    began = time.perf_counter()
    server.start()  # waited for below, timed, at shorter intervals than ServerProcess's own
    watched = psutil.Process(server.pid)

    def answering() -> bool:
        if not server.running():
            raise RuntimeError(f"the server exited:\n{server.log_tail()}")
        try:
            requests.get(f"http://127.0.0.1:{port}/user/ada/api/status", timeout=2, allow_redirects=False)
            return True
        except requests.ConnectionError:
            return False
    try:
        # No time limit: a server that never answers shows in its log, not here. Short
        # intervals, because the wall time until it answers is measured.
        wait_until(answering, math.inf, "the server to answer", interval=0.05)
        wall = time.perf_counter() - began
        cpu_seconds = tree_cpu_seconds(watched, reaped=True)
    finally:
        server.stop()
    return {"wall_s": wall, "cpu_s": cpu_seconds, "log": server.log.read_text(errors="replace")}


# --- what a server loads while starting: the server extensions the environment enables, and
# the packages whose import took longest (from `-X importtime` output)

def slowest_imports(log: str, top: int = 15) -> list[tuple[str, float]]:
    """Top-level packages by cumulative import time (ms), from -X importtime output."""
    totals = {}
    for self_us, cumulative_us, indent, name in IMPORT_LINE.findall(log):
        if len(indent) == 1:  # imported by the program itself, not by another package
            root = name.split(".")[0]
            totals[root] = totals.get(root, 0) + int(cumulative_us) / 1000
    return sorted(totals.items(), key=lambda item: -item[1])[:top]


def enabled_extensions() -> list[str]:
    """The server extensions the environment enables, read as `jupyter server extension list` reads them."""
    manager = ExtensionConfigManager(read_config_path=jupyter_config_path())
    return sorted(name for name, enabled in manager.get_jpserver_extensions().items() if enabled)


def measure(repeat: int, imports: bool) -> dict:
    with stand_in_hub() as hub_url:
        runs = []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory(prefix="server-start-") as home:
                runs.append(start_once(hub_url, Path(home)))
        report = {
            "repeat": repeat,
            "cpu_s": summary([r["cpu_s"] for r in runs]),
            "wall_s": summary([r["wall_s"] for r in runs]),
            "server_extensions_enabled": enabled_extensions(),
        }
        if imports:
            with tempfile.TemporaryDirectory(prefix="server-start-") as home:
                profiled = start_once(hub_url, Path(home), {"PYTHONPROFILEIMPORTTIME": "1"})
            report["slowest_imports_ms"] = [[n, round(ms)] for n, ms in slowest_imports(profiled["log"])]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--imports", action="store_true", help="also list the slowest imports")
    args = parser.parse_args(argv)
    report = measure(args.repeat, args.imports)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "server_start.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
