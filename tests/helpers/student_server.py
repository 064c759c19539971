"""A student's running server, reached with a token as JupyterLab reaches it: files through
the contents API (open, save, delete, rename), kernels through sessions."""
from __future__ import annotations

import requests

from helpers.kernel import Kernel
from workshop_kit.hubharness.hub import Hub


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

    def kernel_for(self, path: str, kernel: str = "python3") -> Kernel:
        return Kernel(self, path, kernel)
