"""A git host on 127.0.0.1: bare repositories served over HTTP by git's own smart HTTP
backend, so links point at an http:// repository as they would at a GitHub one."""
from __future__ import annotations

import os
import re
import subprocess
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from ..git import git
from ..snapshot import Snapshot


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

    def publish(self, snapshot: Snapshot, name: str, branch: str = "main") -> str:
        """Publish a snapshot of the workshop (workshop_kit.snapshot) as NAME; returns its URL."""
        snapshot.publish(self.root / name, branch)
        return self.url(name)

    def close(self):
        self.server.shutdown()
        self.server.server_close()
