"""The class hub's settings, read from the environment and checked before the hub starts.

hub/jupyterhub_config.py calls `read()`; anything wrong stops the hub with one line that
says what to change (SettingsError), instead of a traceback or a hub that starts and then
fails every student. Every setting is an environment variable WORKSHOP_HUB_*, listed in
book/hub-setup.md.

Every setting is read here (tests/test_guide_hub_setup.py finds their names in this file);
hubsettings_values checks one value, hubsettings_machine what the class needs of the machine.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import hubsettings_values as value
from .hubsettings_machine import blocked_folder, check_class, prepare_state_dir, python_paths
from .hubsettings_values import ACCOUNT_NAME, SettingsError

# What the hub's config, workshop-accounts and the tests use from here.
__all__ = ["ACCOUNT_NAME", "Settings", "SettingsError", "blocked_folder", "prepare_state_dir",
           "python_paths", "read"]

ADMIN_PASSWORD_LENGTH = 32   # JupyterHub's SharedPasswordAuthenticator requires this many
TRYOUT_PASSWORD_LENGTH = 8
CLASS_STATE_DIR = Path("/var/lib/workshop-hub")


@dataclass
class Settings:
    tryout: bool
    bind_url: str
    proxy_api_port: int
    hub_port: int
    state_dir: Path
    group: str = "workshop"
    admins: set = field(default_factory=set)
    password: str = ""
    admin_password: str = ""
    idle_minutes: int | None = None
    ssl_cert: str = ""
    ssl_key: str = ""
    allow_root: bool = False

    @property
    def idle_arguments(self) -> list[str]:
        """The single-user server's own culling, so an idle server stops within the minutes.

        The server looks for inactivity once a minute (jupyter_server's fixed tick), so it
        stops when unused for one minute less than asked, and its kernels are stopped before
        that: it stops within the minutes after its last use. A JupyterLab tab in front of
        the student asks its server for news every few seconds, which counts as use, so such
        a server keeps running (book/hub-setup.md says so); that needs the server's own wait
        to be longer than those few seconds, hence 2 minutes at least.
        """
        if not self.idle_minutes:
            return []
        seconds = self.idle_minutes * 60
        interval = min(60, max(5, (seconds - 60) // 4))
        return [f"--MappingKernelManager.cull_idle_timeout={seconds - 60 - interval}",
                f"--MappingKernelManager.cull_interval={interval}",
                f"--ServerApp.shutdown_no_activity_timeout={seconds - 60}"]


def _state_dir(environ, tryout: bool, repo: Path) -> Path:
    value = environ.get("WORKSHOP_HUB_STATE_DIR", "").strip()
    folder = Path(value) if value else (repo / ".hub-tryout" if tryout else CLASS_STATE_DIR)
    return folder.absolute()


def read(environ=None, repo: Path | None = None, euid: int | None = None,
         env_bin: Path | None = None) -> Settings:
    """All settings, checked; raises SettingsError (one line) at the first problem."""
    environ = os.environ if environ is None else environ
    repo = repo or Path(__file__).resolve().parents[2]
    euid = os.geteuid() if euid is None else euid
    env_bin = env_bin or Path(sys.executable).parent
    tryout = value.choice(environ, "WORKSHOP_HUB_TRYOUT", ("0", "1"), "0") == "1"
    allow_root = value.choice(environ, "WORKSHOP_HUB_ALLOW_ROOT", ("0", "1"), "0") == "1"
    default_bind = "http://127.0.0.1:8000" if tryout else "http://:8000"
    bind_url, public_port = value.bind_url(environ.get("WORKSHOP_HUB_BIND_URL", "").strip()
                                           or default_bind, tryout)
    proxy_api_port = value.port(environ, "WORKSHOP_HUB_PROXY_API_PORT", 8001)
    hub_port = value.port(environ, "WORKSHOP_HUB_INTERNAL_PORT", 8081)
    if len({public_port, proxy_api_port, hub_port}) < 3:
        raise SettingsError(f"The hub needs three different ports; got {public_port} (public), "
                            f"{proxy_api_port} (WORKSHOP_HUB_PROXY_API_PORT) and {hub_port} "
                            "(WORKSHOP_HUB_INTERNAL_PORT).")
    settings = Settings(
        tryout=tryout, bind_url=bind_url, proxy_api_port=proxy_api_port, hub_port=hub_port,
        state_dir=_state_dir(environ, tryout, repo), allow_root=allow_root,
        group=environ.get("WORKSHOP_HUB_GROUP", "").strip() or "workshop",
        admins=value.names(environ, "WORKSHOP_HUB_ADMINS"),
        idle_minutes=value.idle_minutes(environ, "WORKSHOP_HUB_IDLE_MINUTES"),
        ssl_cert=environ.get("WORKSHOP_HUB_SSL_CERT", "").strip(),
        ssl_key=environ.get("WORKSHOP_HUB_SSL_KEY", "").strip())
    if bool(settings.ssl_cert) != bool(settings.ssl_key):
        raise SettingsError("HTTPS needs both WORKSHOP_HUB_SSL_CERT and WORKSHOP_HUB_SSL_KEY.")
    for name in (settings.ssl_cert, settings.ssl_key):
        if name and not os.access(name, os.R_OK):
            raise SettingsError(f"The certificate file {name} cannot be read.")
    if tryout:
        _check_tryout(settings, environ, euid)
    else:
        check_class(settings, euid, env_bin)
    return settings


def _check_tryout(settings: Settings, environ, euid: int) -> None:
    if euid == 0 and not settings.allow_root:
        raise SettingsError("Try-out mode runs every server as you, and servers refuse to run "
                            "as root: start it as your normal user, without sudo.")
    settings.password = environ.get("WORKSHOP_HUB_PASSWORD", "")
    if len(settings.password) < TRYOUT_PASSWORD_LENGTH:
        raise SettingsError("Try-out mode (WORKSHOP_HUB_TRYOUT=1) needs a password of at least "
                            f"{TRYOUT_PASSWORD_LENGTH} characters in WORKSHOP_HUB_PASSWORD.")
    settings.admin_password = environ.get("WORKSHOP_HUB_ADMIN_PASSWORD", "")
    if settings.admin_password and len(settings.admin_password) < ADMIN_PASSWORD_LENGTH:
        raise SettingsError(f"WORKSHOP_HUB_ADMIN_PASSWORD has {len(settings.admin_password)} "
                            f"characters; it needs at least {ADMIN_PASSWORD_LENGTH}.")
    if settings.admin_password and settings.admin_password == settings.password:
        raise SettingsError("WORKSHOP_HUB_ADMIN_PASSWORD must differ from WORKSHOP_HUB_PASSWORD.")
