"""A JupyterHub for one workshop on one machine.

Start it from the workshop's Python environment, in a folder where the hub may keep its
database and cookie secret (see book/hub-setup.md, step by step):

    sudo /path/to/workshop/.venv/bin/jupyterhub -f /path/to/workshop/hub/jupyterhub_config.py

Class mode (the default): students log in with their own account on this machine (PAM) and
each server runs as that user, in that user's home folder. Only members of the group named
in WORKSHOP_HUB_GROUP (default "workshop") may log in. There is no password in this file.

Try-out mode, for a teacher alone on a laptop: WORKSHOP_HUB_TRYOUT=1 and a password of at
least 8 characters in WORKSHOP_HUB_PASSWORD. Any user name works with that one password, all
servers run as the user who started the hub, and the hub listens on 127.0.0.1 only.

Settings from the environment (all optional except the try-out password):
  WORKSHOP_HUB_BIND_URL      where the hub listens (class: http://:8000, try-out: http://127.0.0.1:8000)
  WORKSHOP_HUB_SSL_CERT, WORKSHOP_HUB_SSL_KEY   serve HTTPS with this certificate and key
  WORKSHOP_HUB_GROUP         system group whose members may log in (class mode)
  WORKSHOP_HUB_ADMINS        comma-separated user names who may manage the hub
  WORKSHOP_HUB_ADMIN_PASSWORD   try-out mode: the admins' own password (32+ characters)
  WORKSHOP_HUB_IDLE_MINUTES  stop a student's server after this many idle minutes
  WORKSHOP_HUB_TRYOUT_HOMES  where try-out users get their folders (default ./tryout-homes)
"""
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub when it reads this file)

# The hub runs from the workshop's environment; servers, kernels, git-pull and the proxy
# come from the same place, so a student gets exactly what the lessons were tested with.
ENV_BIN = Path(sys.executable).parent


def setting(name, default=""):
    return os.environ.get(name, default).strip()


TRYOUT = setting("WORKSHOP_HUB_TRYOUT") == "1"

# --- the proxy: the pure-Python configurable-http-proxy, so no Node.js is needed
c.ConfigurableHTTPProxy.command = [str(ENV_BIN / "configurable-http-proxy")]

# --- who may log in
if TRYOUT:
    password = setting("WORKSHOP_HUB_PASSWORD")
    if len(password) < 8:
        sys.exit("Try-out mode (WORKSHOP_HUB_TRYOUT=1) needs a password of at least 8 "
                 "characters in WORKSHOP_HUB_PASSWORD, e.g.\n"
                 "  export WORKSHOP_HUB_PASSWORD='choose-a-long-one'\n"
                 "The hub did not start.")
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = password
    c.Authenticator.allow_all = True  # any name, one shared password: for trying out only
    admin_password = setting("WORKSHOP_HUB_ADMIN_PASSWORD")
    if admin_password:  # admins (WORKSHOP_HUB_ADMINS) log in with this one; 32+ characters
        c.SharedPasswordAuthenticator.admin_password = admin_password
    # Nobody else has an account here: every server runs as you, in its own folder.
    c.JupyterHub.spawner_class = "simple"
    homes = setting("WORKSHOP_HUB_TRYOUT_HOMES", str(Path.cwd() / "tryout-homes"))
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(homes, "{username}")
    c.JupyterHub.bind_url = setting("WORKSHOP_HUB_BIND_URL", "http://127.0.0.1:8000")
else:
    c.JupyterHub.authenticator_class = "pam"
    c.LocalAuthenticator.allowed_groups = {setting("WORKSHOP_HUB_GROUP", "workshop")}
    c.JupyterHub.spawner_class = "localprocess"  # each server runs as its student
    c.JupyterHub.bind_url = setting("WORKSHOP_HUB_BIND_URL", "http://:8000")

admins = {name.strip() for name in setting("WORKSHOP_HUB_ADMINS").split(",") if name.strip()}
if admins:
    c.Authenticator.admin_users = admins

if setting("WORKSHOP_HUB_SSL_CERT") or setting("WORKSHOP_HUB_SSL_KEY"):
    c.JupyterHub.ssl_cert = setting("WORKSHOP_HUB_SSL_CERT")
    c.JupyterHub.ssl_key = setting("WORKSHOP_HUB_SSL_KEY")

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

idle_minutes = setting("WORKSHOP_HUB_IDLE_MINUTES")
if idle_minutes:
    # The server itself stops idle kernels, then stops when nothing is left running; the
    # student's files stay, and the next click starts the server again.
    seconds = int(float(idle_minutes) * 60)
    c.Spawner.args = [
        f"--MappingKernelManager.cull_idle_timeout={seconds}",
        "--MappingKernelManager.cull_interval=60",
        f"--ServerApp.shutdown_no_activity_timeout={seconds}",
    ]

# --- a class that logs in at once starts faster (issue #16): each student's server loads only
# the server extensions learners use. jupyter_lsp has no language servers to offer here, and
# nbdime is a maintainers' tool (pytest-notebook brings it; the learners' set does not).
c.Spawner.args.extend(["--ServerApp.jpserver_extensions=jupyter_lsp=False",
                       "--ServerApp.jpserver_extensions=nbdime=False"])
