"""A stand-in for the hub's API on 127.0.0.1: what a single-user server asks its hub while
starting (the version check) is all it answers."""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jupyterhub


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
