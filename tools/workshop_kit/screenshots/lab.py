"""`jupyter lab` on a free loopback port, with all its settings in a temporary folder."""
from __future__ import annotations

import json
import secrets
import subprocess
from pathlib import Path

import requests

from ..process import ENV_BIN, ServerProcess, environment, free_port
from ..repo import ENGLISH, Edition
from .workshop_copy import copy_workshop

# Lab settings for the screenshots: start kernels without asking, and no news pop-up.
NO_NEWS = {"checkForUpdates": False, "fetchNews": "false"}
SETTING_OVERRIDES = {
    "@jupyterlab/notebook-extension:tracker": {"autoStartDefaultKernel": True},
    "@jupyterlab/apputils-extension:notification": NO_NEWS,
}


class Lab:
    """JupyterLab serving a copy of the workshop (notebooks/, data/ and the edition's
    lessons) made in `tmp`."""

    def __init__(self, tmp: Path, edition: Edition = ENGLISH):
        self.root = copy_workshop(tmp / "workshop", edition)
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app_settings = tmp / "app-settings"
        app_settings.mkdir()
        (app_settings / "overrides.json").write_text(json.dumps(SETTING_OVERRIDES))
        env = environment(JUPYTER_CONFIG_DIR=str(tmp / "config"),
                          JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
                          JUPYTERLAB_SETTINGS_DIR=str(tmp / "user-settings"),
                          JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"))
        self.server = ServerProcess(
            [str(ENV_BIN / "jupyter"), "lab", "--no-browser", "--allow-root",
             "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
             f"--LabApp.app_settings_dir={app_settings}", "--LabApp.expose_app_in_browser=True"],
            log=tmp / "jupyterlab.log", cwd=self.root, env=env, grace=20)

    def start(self):
        def answering():
            try:
                return requests.get(f"{self.url}/api/status?token={self.token}", timeout=2).ok
            except requests.ConnectionError:
                return False
        self.server.start(answering, 60, "JupyterLab to answer")
        return self

    def stop(self):
        self.server.stop()

    def log_tail(self, lines: int = 40) -> str:
        return self.server.log_tail(lines)

    def page_url(self, path: str) -> str:
        return f"{self.url}/lab/{path}{'&' if '?' in path else '?'}token={self.token}"


def has_chinese_font() -> bool:
    """Chromium draws Chinese only if the system has a font for it (fontconfig knows)."""
    fonts = subprocess.run(["fc-list", ":lang=zh-tw", "family"], capture_output=True, text=True)
    return bool(fonts.stdout.strip())
