"""A JupyterHub for one workshop on one machine (book/hub-setup.md, step by step).

Class mode (the default), as root:

    sudo env WORKSHOP_HUB_ADMINS=teacher /opt/workshop/.venv/bin/jupyterhub \
        -f /opt/workshop/hub/jupyterhub_config.py

Students sign in with their own account on this machine (PAM); only members of the group
WORKSHOP_HUB_GROUP (default "workshop") may, and each server runs as its student, in that
student's home folder. There is no password in this file.

Try-out mode, for a teacher alone, as their normal user in their own copy of the workshop:
WORKSHOP_HUB_TRYOUT=1 and a password of 8 characters or more in WORKSHOP_HUB_PASSWORD. Any
name works with that one password, every server runs as you, the hub listens on this
computer only, and everything it keeps is in the git-ignored folder .hub-tryout/.

Every setting is an environment variable, checked by workshop_hub.settings (hub/settings.py)
before the hub starts: a wrong one stops it with one line that says what to change.
  WORKSHOP_HUB_TRYOUT           0 (class, default) or 1 (try-out)
  WORKSHOP_HUB_BIND_URL         class: http://:8000 (every address); try-out: http://127.0.0.1:8000
  WORKSHOP_HUB_PROXY_API_PORT   the proxy's own port on 127.0.0.1 (default 8001)
  WORKSHOP_HUB_INTERNAL_PORT    the hub's own port on 127.0.0.1 (default 8081)
  WORKSHOP_HUB_STATE_DIR        database and secrets (class: /var/lib/workshop-hub; try-out: .hub-tryout)
  WORKSHOP_HUB_SSL_CERT, WORKSHOP_HUB_SSL_KEY   refused: the proxy cannot serve HTTPS; a web
                                server in front does (book/hub-setup.md, HTTPS)
  WORKSHOP_HUB_GROUP            the group whose members may sign in (class mode)
  WORKSHOP_HUB_ADMINS           comma-separated accounts that may manage the hub
  WORKSHOP_HUB_PASSWORD         try-out mode: the shared password (8+ characters)
  WORKSHOP_HUB_ADMIN_PASSWORD   try-out mode: the admins' own password (32+ characters)
  WORKSHOP_HUB_IDLE_MINUTES     stop a server after this many idle minutes (whole number)
  WORKSHOP_HUB_DASK_GATEWAY     1 runs a Dask Gateway for lesson 10 (default 0)
  WORKSHOP_HUB_DASK_GATEWAY_PORT  its port on 127.0.0.1 (default 8002)
  WORKSHOP_HUB_ALLOW_ROOT       1 lets try-out mode run as root: for automated tests only
"""
import asyncio
import os
import secrets
import signal
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psutil
from jupyterhub.proxy import ConfigurableHTTPProxy
from jupyterhub.utils import url_path_join
from tornado.ioloop import PeriodicCallback

# The hub's own code, in this folder (installed as the package workshop_hub): nothing here
# needs the maintainers' toolkit.
from workshop_hub.auth import ClassAuthenticator, TryoutAuthenticator
from workshop_hub.settings import SettingsError, prepare_state_dir, read

c = get_config()  # noqa: F821 (provided by JupyterHub when it reads this file)

# The hub runs from the workshop's environment; servers, kernels, git-pull and the proxy
# come from the same place, so a student gets exactly what the lessons were tested with.
ENV_BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[1]

try:
    settings = read(repo=REPO, env_bin=ENV_BIN)
    prepare_state_dir(settings.state_dir)
except SettingsError as problem:
    sys.exit(f"The hub did not start: {problem}")

# A closed terminal sends SIGHUP, which would end the hub at once, without a word in its log:
# stop cleanly instead, as on Ctrl+C (the hub stops alone; its proxy and the students' servers
# carry on until it starts again, see below). To keep the hub running beyond the terminal,
# start it as a service or in tmux: book/hub-setup.md, step 3.
signal.signal(signal.SIGHUP, lambda *_: os.kill(os.getpid(), signal.SIGTERM))

# --- where the hub listens, and its two internal ports (settings, so two hubs can share a machine)
c.JupyterHub.bind_url = settings.bind_url
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings.hub_port
# A web server in front on this machine (for HTTPS) passes on the student's address: the
# sign-in limits (hub/auth.py) then count each computer, not the web server.
c.JupyterHub.trusted_downstream_ips = ["127.0.0.1"]

# --- what the hub keeps: in one private folder (0700; the database itself 0600)
c.JupyterHub.db_url = f"sqlite:///{settings.state_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(settings.state_dir / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(settings.state_dir / "jupyterhub-proxy.pid")

# --- the proxy: the pure-Python configurable-http-proxy, so no Node.js is needed
c.ConfigurableHTTPProxy.command = [str(ENV_BIN / "configurable-http-proxy")]

# --- who may sign in, and where each server runs
if settings.tryout:
    c.JupyterHub.authenticator_class = TryoutAuthenticator  # shared-password, in any language
    c.SharedPasswordAuthenticator.user_password = settings.password
    if settings.admin_password:  # admins (WORKSHOP_HUB_ADMINS) sign in with this one
        c.SharedPasswordAuthenticator.admin_password = settings.admin_password
    c.Authenticator.allow_all = True  # any name, one shared password: for trying out only
    # Nobody else has an account here: every server runs as you, in its own folder.
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(settings.state_dir / "homes" / "{username}")
else:
    c.JupyterHub.authenticator_class = ClassAuthenticator
    c.LocalAuthenticator.allowed_groups = {settings.group}
    c.JupyterHub.spawner_class = "localprocess"  # each server runs as its student
if settings.admins:
    c.Authenticator.admin_users = settings.admins

# --- each student's server: JupyterLab, with nbgitpuller and the Python and R kernels
c.Spawner.cmd = [str(ENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "PATH": f"{ENV_BIN}:/usr/local/bin:/usr/bin:/bin",  # terminals find python, pip, git, R
    "NBGITPULLER_APP": "lab",  # links without urlpath open in JupyterLab too
}
# Thirty students clicking in the same minute share two or four cores: be patient.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
# Stopping a server from the admin page asks it to stop (SIGINT), then insists (SIGTERM, then
# SIGKILL). A server that has not stopped 5 s after asking is stuck, not busy (a healthy one
# with kernels stops in 1-2 s): insist then, instead of JupyterHub's 10 + 5 + 5 s.
c.LocalProcessSpawner.interrupt_timeout = 5
c.LocalProcessSpawner.term_timeout = 3
c.LocalProcessSpawner.kill_timeout = 3

# --- a Dask Gateway for lesson 10 (WORKSHOP_HUB_DASK_GATEWAY=1; hub/dask_gateway_config.py):
# the hub starts it as its service, and every kernel finds it without a setting of its own.
if settings.dask_gateway_port:
    gateway_address = f"127.0.0.1:{settings.dask_gateway_port}"
    c.JupyterHub.services.append({
        "name": "dask-gateway",
        "url": f"http://{gateway_address}",  # the hub's proxy passes /services/dask-gateway/ on
        "command": [str(ENV_BIN / "dask-gateway-server"), "-f",
                    str(Path(__file__).resolve().parent / "dask_gateway_config.py")],
        "environment": {"WORKSHOP_HUB_DASK_GATEWAY_PORT": str(settings.dask_gateway_port),
                        "WORKSHOP_HUB_TRYOUT": "1" if settings.tryout else "0"},
    })
    # The gateway asks the hub whose token a kernel sends, and accepts it only if it may use
    # the gateway: every user may, and the server's token (the kernel's) gets that one right
    # beyond its usual two.
    c.JupyterHub.load_roles.append({"name": "user",
                                    "scopes": ["self", "access:services!service=dask-gateway"]})
    c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                     "access:services!service=dask-gateway"]
    c.Spawner.environment.update({
        "DASK_GATEWAY__ADDRESS": f"http://{gateway_address}/services/dask-gateway",
        "DASK_GATEWAY__PROXY_ADDRESS": f"gateway://{gateway_address}",
        "DASK_GATEWAY__PUBLIC_ADDRESS": "/services/dask-gateway",  # dashboards via the hub
        "DASK_GATEWAY__AUTH__TYPE": "jupyterhub",
    })

# --- a restart of the hub does not stop the class: changing a setting needs a restart, and the
# students' servers, kernels and open tabs carry on meanwhile. The hub stops alone (Ctrl+C,
# systemctl stop or restart: KillMode=process in hub/workshop-hub.service) and, when it
# starts again with the same state folder, finds the servers in its database and takes them
# over. The proxy also keeps running, so open tabs still reach their servers while the hub
# is away, and the next start uses it again (LastProxy). Stopping everything is a separate
# step (book/hub-setup.md, "Stopping everything").
c.JupyterHub.cleanup_servers = False
c.JupyterHub.cleanup_proxy = False


class KeptProcess:
    """What JupyterHub asks of its proxy's process (poll, terminate, pid), for a proxy
    that an earlier run of the hub started."""

    def __init__(self, process: psutil.Process):
        self.process, self.pid = process, process.pid

    def poll(self):
        running = self.process.is_running() and self.process.status() != psutil.STATUS_ZOMBIE
        return None if running else 1

    def terminate(self):
        self.process.terminate()


class LastProxy(ConfigurableHTTPProxy):
    """The proxy of the hub's last run (its pid file), used again when it still listens on
    this run's ports and answers this run's key: JupyterHub's own start would stop it and
    start another, and every open tab would lose its server for 2 or 3 seconds. Otherwise,
    JupyterHub's own start (which stops that proxy). Either way JupyterHub watches it and
    starts a new one if it stops."""

    async def start(self):
        try:
            process = psutil.Process(int(Path(self.pid_file).read_text()))
            command = " ".join(process.cmdline())
            wanted = (f"--port {urlsplit(self.public_url).port} ",
                      f"--api-port {urlsplit(self.api_url).port} ",
                      f"--error-target {url_path_join(self.hub.url, 'error')} ")
            if all(part in command + " " for part in wanted):
                await asyncio.wait_for(self.api_request(""), 10)  # the key still opens it
                self.proxy_process = KeptProcess(process)
                self._check_running_callback = PeriodicCallback(
                    self.check_running, 1000 * self.check_running_interval)
                self._check_running_callback.start()
                self.log.info("Using the proxy of the hub's last run again (pid %s)", process.pid)
                return
        except Exception as unsure:  # no pid file, another program, another key: start anew
            self.log.info("Not using an earlier proxy again: %r", unsure)
        await super().start()


c.JupyterHub.proxy_class = LastProxy
# The proxy's key, kept with the hub's other secrets, so that the next run can use it again.
proxy_key = settings.state_dir / "jupyterhub-proxy-key"
if not proxy_key.exists():
    os.close(os.open(proxy_key, os.O_WRONLY | os.O_CREAT, 0o600))
    proxy_key.write_text(secrets.token_hex(32))
c.ConfigurableHTTPProxy.auth_token = proxy_key.read_text().strip()
# Idle servers stop themselves (the student's files stay; the next click starts it again).
c.Spawner.args = settings.idle_arguments + (
    ["--ServerApp.allow_root=True"] if settings.tryout and settings.allow_root else [])

# --- a class that logs in at once starts faster (issue #16): each student's server loads only
# the server extensions learners use. jupyter_lsp has no language servers to offer here, and
# nbdime is a maintainers' tool (pytest-notebook brings it; the learners' set does not).
c.Spawner.args.extend(["--ServerApp.jpserver_extensions=jupyter_lsp=False",
                       "--ServerApp.jpserver_extensions=nbdime=False"])

# --- a click that fails says how to repair, in the student's words (hub/singleuser_config.py)
c.Spawner.args.append(f"--config={Path(__file__).resolve().parent / 'singleuser_config.py'}")
