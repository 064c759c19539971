"""A throwaway classroom machine for tests: this machine, seen through a private mount
namespace in which /etc, /home, /var/log and /var/mail are copies in a temporary folder.

Inside it, the guide's own commands (useradd through workshop-accounts, tee into /etc,
tmux, the hub as root with PAM) change only the copies: the machine's own accounts are never
touched. /etc is copied whole and the copy bound over /etc: binding single files breaks
useradd, which replaces /etc/passwd by renaming a new file over it.

    machine = Classroom(tmp_path).start()
    machine.run("sudo /opt/workshop/.venv/bin/workshop-accounts students.txt", cwd=...)
    machine.stop()      # ends every process started inside, then the namespace

Commands run as root with `sudo` available even where it is not installed (as in CI): a
small stand-in that runs the command, or with -u NAME runs it as that account (runuser).
"""
from __future__ import annotations

import os
import signal
import subprocess
import textwrap
import time
from pathlib import Path

from .process import wait_until

SUDO = """\
#!/bin/bash
# Stand-in for sudo inside the test classroom: everything already runs as root.
if [ "$1" = "-u" ]; then user=$2; shift 2; exec runuser -u "$user" -- "$@"; fi
exec "$@"
"""

SETUP = """\
set -euo pipefail
cp -a /etc {t}/etc
mount --bind {t}/etc /etc
for folder in home varlog mail; do mkdir -p {t}/$folder; done
mount --bind {t}/home /home
mount --bind {t}/varlog /var/log
mount --bind {t}/mail /var/mail
echo ready
exec sleep infinity
"""


class Classroom:
    def __init__(self, workdir: Path):
        self.workdir = Path(workdir)
        self.bin = self.workdir / "bin"
        self.holder: subprocess.Popen | None = None

    def start(self) -> "Classroom":
        self.bin.mkdir(parents=True, exist_ok=True)
        (self.bin / "sudo").write_text(SUDO)
        (self.bin / "sudo").chmod(0o755)
        (self.workdir / "tmux").mkdir(mode=0o700, exist_ok=True)
        self.holder = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "--", "bash", "-c",
             SETUP.format(t=self.workdir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        line = self.holder.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(f"the classroom namespace did not start: {self.holder.stderr.read()}")
        return self

    @property
    def namespace(self) -> str:
        return os.readlink(f"/proc/{self.holder.pid}/ns/mnt")

    def environment(self, **extra) -> dict:
        """Root's environment inside, with the sudo stand-in, and tmux's sockets in here
        (never a tmux server of the machine's)."""
        return {"PATH": f"{self.bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME": "/root", "LANG": "C.UTF-8", "TMUX_TMPDIR": str(self.workdir / "tmux"),
                "TERM": "xterm", **extra}

    def run(self, script: str, cwd: Path | None = None, check: bool = True,
            timeout: float = 120, **env) -> subprocess.CompletedProcess:
        """Run a bash script inside, as root; raises with its output when it fails."""
        done = subprocess.run(
            ["nsenter", f"--target={self.holder.pid}", "--mount", "--", "bash", "-euo",
             "pipefail", "-c", textwrap.dedent(script)],
            cwd=cwd, env=self.environment(**env), capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(f"failed ({done.returncode}): {script}\n{done.stdout}\n{done.stderr}")
        return done

    def open_root_folder(self) -> None:
        """Let every account pass through /root, as Debian's own Python needs no such thing:
        this machine's Python lives under /root (pyenv). Inside the namespace only."""
        self.run(f"""
            mkdir -p {self.workdir}/root/.pyenv && chmod 711 {self.workdir}/root
            mount --bind /root/.pyenv {self.workdir}/root/.pyenv
            mount --rbind {self.workdir}/root /root
        """)

    def processes(self) -> list[int]:
        """Every process inside the namespace but its holder."""
        mine, found = self.namespace, []
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != self.holder.pid:
                try:
                    if os.readlink(f"/proc/{entry}/ns/mnt") == mine:
                        found.append(int(entry))
                except OSError:
                    pass
        return found

    def stop(self) -> None:
        """SIGTERM to everything started inside (the hub stops its servers), then SIGKILL."""
        if self.holder is None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in self.processes():
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            try:
                wait_until(lambda: not self.processes(), 20, "the classroom's processes to end")
            except TimeoutError:
                continue
            break
        self.holder.kill()
        self.holder.wait()
        time.sleep(0.1)
