"""Start a server program, wait until it answers, stop it with everything it started.

The one way the toolkit runs a server for a while: the hub in the hub tests, JupyterLab for
the screenshots, a Dask scheduler and its workers. Each writes its output to a log file, so
a failure can show what the program said.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

# The programs of the environment the toolkit runs in (jupyterhub, jupyter, dask, ...).
ENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
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


def tail(log: Path, lines: int = 60) -> str:
    """The last lines of a log file, or a note that there is none."""
    if not log.is_file():
        return f"(no log at {log})"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def environment(**extra: str) -> dict:
    """This process's environment with the toolkit's programs first on PATH."""
    return {**os.environ, "PATH": f"{ENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
            **extra}


class ServerFailed(RuntimeError):
    """The program exited, or did not answer in time; the message ends with its log."""


class ServerProcess:
    """A program running in the background, its output in `log`.

        server = ServerProcess([...], log=tmp / "lab.log", cwd=tmp, env=environment())
        server.start(answering=lambda: ..., timeout=60, what="JupyterLab")
        ...
        server.stop()     # SIGTERM; SIGKILL to what is left after `grace` seconds
    """

    def __init__(self, command: list[str], log: Path, cwd: Path | None = None,
                 env: dict | None = None, grace: float = 30):
        self.command, self.log, self.cwd, self.grace = command, Path(log), cwd, grace
        self.env = environment() if env is None else env
        self.process: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, answering=None, timeout: float = 60, what: str = "the server"):
        """Start, then wait until answering() is true; stops it again if that never comes."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.env, stdout=out,
                                            stderr=subprocess.STDOUT)
        if answering is None:
            return self

        def ready():
            if not self.running():
                raise ServerFailed(f"{what} exited with code {self.process.returncode}:\n"
                                   f"{self.log_tail()}")
            return answering()
        try:
            wait_until(ready, timeout, what)
        except TimeoutError as late:
            self.stop()
            raise ServerFailed(f"{late}; its log ends with:\n{self.log_tail()}") from None
        return self

    def log_tail(self, lines: int = 60) -> str:
        return tail(self.log, lines)

    def stop(self):
        """SIGTERM to the program, which stops what it started (a hub its proxy and servers,
        JupyterLab its kernels); after `grace` s, SIGKILL to it and to whatever it left behind."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            started = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            started = []
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=self.grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for child in started:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass
