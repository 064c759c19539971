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
import re
import signal
import subprocess
import textwrap
import time
from pathlib import Path

import psutil
import requests

from helpers.student_server import StudentServer
from workshop_kit.hubharness.student import Student
from workshop_kit.process import free_port, wait_until
from workshop_kit.repo import ROOT

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


# The guide's steps (book/hub-setup.md) in a classroom, shared by the class, restart and
# gateway tests.
GUIDE = ROOT / "book" / "hub-setup.md"
PASSWORDS = {"teacher": "teacher-pass-1234", "amy": "amy-pass-5678", "ben": "ben-pass-9012"}
MACHINE_FILES = ["/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow"]


def guide_block(name: str) -> str:
    """The bash block that follows `<!-- test: NAME -->` in the guide."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.search(rf"<!-- test: {re.escape(name)} -->\n```bash\n(.*?)\n```", text, re.S)
    assert found, f"the guide has no block marked {name!r}"
    return found.group(1)


class Seat:
    """What the harness's Student needs to know of a hub: its address and one password."""

    def __init__(self, url: str, password: str):
        self.url, self.password = url, password


def hub_answers(url: str) -> bool:
    """Whether the hub at `url` answers its API yet."""
    try:
        return requests.get(f"{url}/hub/api/", timeout=2).status_code == 200
    except requests.ConnectionError:
        return False


def own_server(student: Student) -> StudentServer:
    """The student's server, with a token the student makes for themselves (as on the
    hub's token page): class mode has no test service on the hub."""
    xsrf = student.session.cookies.get("_xsrf", path="/hub/")
    token = student.session.post(
        f"{student.hub.url}/hub/api/users/{student.name}/tokens",
        headers={"X-XSRFToken": xsrf}, json={"note": "class test", "expires_in": 3600},
        timeout=30)
    token.raise_for_status()
    server = StudentServer.__new__(StudentServer)
    server.url = f"{student.hub.url}/user/{student.name}/api"
    server.headers = {"Authorization": f"token {token.json()['token']}"}
    return server


def uid_of(room: Classroom, name: str) -> int:
    for line in (room.workdir / "etc" / "passwd").read_text().splitlines():
        fields = line.split(":")
        if fields[0] == name:
            return int(fields[2])
    raise KeyError(name)


def running_as(uid: int) -> list:
    return [p for p in psutil.process_iter(["uids", "cmdline"]) if p.info["uids"]
            and p.info["uids"].real == uid]


def guide(name: str, **more) -> str:
    """A guide block with the test's substitutions."""
    text = guide_block(name).replace("/opt/workshop", str(ROOT))
    for placeholder, value in more.items():
        text = text.replace(placeholder, value)
    return text


def write_settings(room, **more) -> None:
    """Step 2's settings file, with the hub on free ports and its state folder in the room,
    and `more` settings (also used by the restart and gateway tests)."""
    port = free_port()
    room.hub_url = f"http://127.0.0.1:{port}"
    room.run(guide("settings"))
    settings = {"WORKSHOP_HUB_BIND_URL": f"http://:{port}", "WORKSHOP_HUB_PROXY_API_PORT": free_port(),
                "WORKSHOP_HUB_INTERNAL_PORT": free_port(),
                "WORKSHOP_HUB_STATE_DIR": f"{room.workdir}/hub-state", **more}
    with open(room.workdir / "etc" / "workshop-hub.env", "a") as env_file:
        env_file.write("".join(f"{name}={value}\n" for name, value in settings.items()))


def start_hub(room, log: str = "") -> None:
    """Step 3 for the restart and gateway tests: the Python check (this machine's Python lives
    under /root: see class_hub), then the hub in tmux, until it answers."""
    if room.run(guide("python-check"), check=False).returncode != 0:
        room.open_root_folder()
    room.run(guide("start-tmux"))
    wait_until(lambda: hub_answers(room.hub_url), 120, f"the class hub{log}")
