"""One student's server started as the hub starts it, timed until it answers HTTP.

The command, arguments and environment come from hub/jupyterhub_config.py itself (try-out
mode), so the benchmark follows the file; the server talks to a stand-in for the hub's API
(workshop_bench.hub_standin).
"""
from __future__ import annotations

import math
import os
import subprocess
import time
from pathlib import Path

import psutil
import requests

from workshop_kit.process import ENV_BIN, free_port, wait_until
from workshop_kit.repo import HUB_CONFIG

from .cpu_time import tree_cpu_seconds


def server_command() -> tuple[list[str], dict]:
    """The single-user command, arguments and environment the hub config gives a student's server.

    Read from hub/jupyterhub_config.py itself (try-out mode) with traitlets' own loader, as
    JupyterHub reads it, so the benchmark follows the file.
    """
    from traitlets.config.loader import PyFileConfigLoader

    env = {"WORKSHOP_HUB_TRYOUT": "1", "WORKSHOP_HUB_PASSWORD": "not-used-here",
           # try-out mode refuses root unless told; CI runs as root
           "WORKSHOP_HUB_ALLOW_ROOT": "1" if os.geteuid() == 0 else "0"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        config = PyFileConfigLoader(HUB_CONFIG.name, path=str(HUB_CONFIG.parent)).load_config()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
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
    stderr = home / "server.log"
    began = time.perf_counter()
    with open(stderr, "wb") as log:
        process = subprocess.Popen(command, cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
    watched = psutil.Process(process.pid)

    def answering() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited:\n{stderr.read_text()[-3000:]}")
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
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return {"wall_s": wall, "cpu_s": cpu_seconds, "log": stderr.read_text(errors="replace")}
