"""A kernel started for a notebook as JupyterLab starts one, with code sent over its
websocket (Jupyter's messaging protocol, version 5.3)."""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import websocket


class Kernel:
    """A session makes the kernel work in the notebook's folder; `run` sends it code.

        with server.kernel_for("lessons/02.ipynb") as kernel:
            kernel.run("print(1)")     # {"code": ..., "text": "1\\n", "error": None}
    """

    def __init__(self, server, path: str, kernel: str, timeout: float = 120):
        self.server, self.path, self.kernel, self.timeout = server, path, kernel, timeout

    def __enter__(self):
        session = self.server.request("POST", "/sessions", json={
            "path": self.path, "name": Path(self.path).name, "type": "notebook",
            "kernel": {"name": self.kernel}}).json()
        self.session_id, self.kernel_id = session["id"], session["kernel"]["id"]
        self.connect()
        return self

    def connect(self):
        """Open the kernel's websocket, as a tab does (again after losing it)."""
        ws_url = self.server.url.replace("http://", "ws://", 1)
        self.channel = websocket.create_connection(
            f"{ws_url}/kernels/{self.kernel_id}/channels", timeout=self.timeout,
            header=[f"{key}: {value}" for key, value in self.server.headers.items()])

    def __exit__(self, *exc):
        self.channel.close()
        self.server.request("DELETE", f"/sessions/{self.session_id}")

    def messages(self, code: str):
        """Send code; yield each message the kernel sends about it, until it is done."""
        msg_id = uuid.uuid4().hex
        self.channel.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "tests",
                       "session": uuid.uuid4().hex, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": False},
        }))
        replied = idle = False
        deadline = time.monotonic() + self.timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the kernel did not finish {code[:60]!r}")
            message = json.loads(self.channel.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            replied = replied or message["msg_type"] == "execute_reply"
            idle = idle or (message["msg_type"] == "status"
                            and message["content"]["execution_state"] == "idle")
            yield message

    def run(self, code: str) -> dict:
        """Run code; what it printed or showed as text, and the name of its error if any."""
        text, error = [], None
        for message in self.messages(code):
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                text.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                text.append(content["data"].get("text/plain", "") + "\n")
            elif kind == "error":
                error = content["ename"]
        return {"code": code, "text": "".join(text), "error": error}
