"""The class hub's settings, read from the environment and checked before the hub starts.

hub/jupyterhub_config.py calls `read()`; anything wrong stops the hub with one line that
says what to change (SettingsError), instead of a traceback or a hub that starts and then
fails every student. Every setting is an environment variable WORKSHOP_HUB_*, read in this
file and listed in book/hub-setup.md (tests/unit/test_guide_hub_setup.py compares the two).

Three parts: the settings as a whole (`read`), one value (a port, the address, ...), and
what the class needs of the machine (its state folder, the group, a Python students can run).
"""
from __future__ import annotations

import grp
import ipaddress
import os
import pwd
import re
import stat
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ADMIN_PASSWORD_LENGTH = 32   # JupyterHub's SharedPasswordAuthenticator requires this many
TRYOUT_PASSWORD_LENGTH = 8
CLASS_STATE_DIR = Path("/var/lib/workshop-hub")
# A Debian account name as useradd accepts it, in lower case: the hub writes every name it
# is given in lower case, so an account with capitals could never sign in.
ACCOUNT_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
# What makes a folder the hub's own: its database (prepare_state_dir makes it first).
HUB_DATABASE = "jupyterhub.sqlite"
# Folders others live in: made private (0700), they would lock everyone else out.
SHARED_FOLDERS = {Path(p) for p in ("/", "/tmp", "/var/tmp", "/dev/shm", "/home", "/root", "/etc",
                                    "/var", "/var/lib", "/usr", "/opt", "/srv", "/mnt", "/media",
                                    "/run", "/boot")}


class SettingsError(ValueError):
    """A setting that would stop the hub, or make it fail later; the message is one line."""


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
    allow_root: bool = False
    dask_gateway_port: int | None = None  # WORKSHOP_HUB_DASK_GATEWAY=1: the gateway's port

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
    repo = repo or Path(__file__).resolve().parents[1]
    euid = os.geteuid() if euid is None else euid
    env_bin = env_bin or Path(sys.executable).parent
    tryout = choice(environ, "WORKSHOP_HUB_TRYOUT", ("0", "1"), "0") == "1"
    allow_root = choice(environ, "WORKSHOP_HUB_ALLOW_ROOT", ("0", "1"), "0") == "1"
    default_bind = "http://127.0.0.1:8000" if tryout else "http://:8000"
    bind, public_port = bind_url(environ.get("WORKSHOP_HUB_BIND_URL", "").strip()
                                 or default_bind, tryout)
    proxy_api_port = port(environ, "WORKSHOP_HUB_PROXY_API_PORT", 8001)
    hub_port = port(environ, "WORKSHOP_HUB_INTERNAL_PORT", 8081)
    if len({public_port, proxy_api_port, hub_port}) < 3:
        raise SettingsError(f"The hub needs three different ports; got {public_port} (public), "
                            f"{proxy_api_port} (WORKSHOP_HUB_PROXY_API_PORT) and {hub_port} "
                            "(WORKSHOP_HUB_INTERNAL_PORT).")
    gateway_port = None
    if choice(environ, "WORKSHOP_HUB_DASK_GATEWAY", ("0", "1"), "0") == "1":
        gateway_port = port(environ, "WORKSHOP_HUB_DASK_GATEWAY_PORT", 8002)
        if gateway_port in {public_port, proxy_api_port, hub_port}:
            raise SettingsError(f"WORKSHOP_HUB_DASK_GATEWAY_PORT={gateway_port} is one of the "
                                "hub's own ports: give the gateway another, e.g. 8002.")
    settings = Settings(
        tryout=tryout, bind_url=bind, proxy_api_port=proxy_api_port, hub_port=hub_port,
        state_dir=_state_dir(environ, tryout, repo), allow_root=allow_root,
        dask_gateway_port=gateway_port,
        group=environ.get("WORKSHOP_HUB_GROUP", "").strip() or "workshop",
        admins=names(environ, "WORKSHOP_HUB_ADMINS"),
        idle_minutes=idle_minutes(environ, "WORKSHOP_HUB_IDLE_MINUTES"))
    if environ.get("WORKSHOP_HUB_SSL_CERT", "").strip() or environ.get("WORKSHOP_HUB_SSL_KEY", "").strip():
        # They reach the proxy, which then fails with a traceback: say so before, in one line.
        raise SettingsError("WORKSHOP_HUB_SSL_CERT and WORKSHOP_HUB_SSL_KEY cannot be used: the "
                            "hub's proxy (the pure-Python configurable-http-proxy) does not serve "
                            "HTTPS itself. Let a web server in front of the hub do it "
                            "(book/hub-setup.md, HTTPS).")
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


# --- one value --------------------------------------------------------------------------

def choice(environ, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = environ.get(name, "").strip() or default
    if value not in allowed:
        raise SettingsError(f"{name}={value!r} is not one of {', '.join(allowed)}.")
    return value


def port(environ, name: str, default: int) -> int:
    value = environ.get(name, "").strip() or str(default)
    if not re.fullmatch(r"[0-9]{1,5}", value) or not 0 < int(value) < 65536:
        raise SettingsError(f"{name}={value!r} is not a port number (1 to 65535).")
    return int(value)


def bind_url(value: str, tryout: bool) -> tuple[str, int]:
    """Check WORKSHOP_HUB_BIND_URL; returns it and its port."""
    try:  # urlsplit itself refuses some text, e.g. a full-width colon (：) typed with an IME
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in ("http", "https") or port is None \
            or parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        raise SettingsError(f"WORKSHOP_HUB_BIND_URL={value!r} should look like "
                            "http://:8000 (every address) or http://127.0.0.1:8000.")
    if tryout and not loopback(parts.hostname or ""):
        raise SettingsError(tryout_listens_here(f"WORKSHOP_HUB_BIND_URL={value!r}"))
    return value, port


def tryout_listens_here(what: str) -> str:
    """The one line for try-out mode asked to listen beyond this computer."""
    return (f"{what}: try-out mode listens on this computer only (e.g. http://127.0.0.1:8000), "
            "because every user there shares your account and one password. For a class, use "
            "class mode.")


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def idle_minutes(environ, name: str) -> int | None:
    value = environ.get(name, "").strip()
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,4}", value) or int(value) < 2:
        raise SettingsError(f"{name}={value!r} should be a whole number of minutes, 2 or more, e.g. 30.")
    return int(value)


def names(environ, name: str) -> set[str]:
    found = {n.strip() for n in environ.get(name, "").split(",") if n.strip()}
    for user in sorted(found):
        if not ACCOUNT_NAME.match(user):
            raise SettingsError(f"{name}: {user!r} is not an account name (lower-case letters, "
                                "digits, '-' and '_', starting with a letter).")
    return found


# --- the machine ------------------------------------------------------------------------

def not_the_hubs_own(folder: Path, euid: int) -> str | None:
    """Why `folder` cannot be the hub's state folder, or None when it can: the hub makes it
    private (0700), which would lock everyone else out of a folder others use."""
    real = Path(os.path.realpath(folder))
    if real in SHARED_FOLDERS or real == Path(os.path.realpath(Path.home())):
        return "a folder others use"
    try:
        info, entries = real.stat(), os.listdir(real)
    except FileNotFoundError:
        return None  # a new folder: the hub makes it
    except OSError as problem:
        return f"cannot be read ({problem.strerror})"
    if not stat.S_ISDIR(info.st_mode):
        return "not a folder"
    if info.st_uid != euid:
        return f"it belongs to another account (uid {info.st_uid})"
    if entries and HUB_DATABASE not in entries:
        return "it holds other files"
    return None


def prepare_state_dir(folder: Path, euid: int | None = None) -> None:
    """Make the folder for the database and secrets, private to the hub's account (0700),
    after checking that it is the hub's own: new, empty, or holding the hub's database."""
    euid = os.geteuid() if euid is None else euid
    reason = not_the_hubs_own(folder, euid)
    if reason:
        raise SettingsError(
            f"WORKSHOP_HUB_STATE_DIR={folder} is not the hub's own folder ({reason}), and the hub "
            "would make it private to itself: give it a new folder, e.g. /var/lib/workshop-hub.")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)
        database = folder / HUB_DATABASE
        database.touch(mode=0o600, exist_ok=True)
        database.chmod(0o600)  # an older hub may have left it readable by everyone
    except OSError as problem:
        raise SettingsError(
            f"The hub keeps its database and secrets in {folder}, but cannot write there "
            f"({problem.strerror}). Run it from your own copy of the workshop, or set "
            "WORKSHOP_HUB_STATE_DIR to a folder of yours.") from None


def blocked_folder(paths, gid: int | None) -> Path | None:
    """The first folder or file on the way to `paths` that a student (not the owner, maybe
    in group `gid`) cannot pass or read; None when students can run them."""
    for target in paths:
        target = Path(os.path.realpath(target))
        for folder in [*reversed(target.parents), target]:
            try:
                info = folder.stat()
            except OSError:
                return folder
            need = stat.S_IXOTH | (stat.S_IROTH if folder == target else 0)
            if info.st_gid == gid:
                need_group = need << 3
                if info.st_mode & need_group == need_group:
                    continue
            if info.st_mode & need != need:
                return folder
    return None


def python_paths(env_bin: Path) -> list[Path]:
    """What a student's server runs: the environment's Python (and what it is a link to),
    its standard library, the environment's packages and the server command."""
    return [env_bin / "python", Path(sysconfig.get_paths()["stdlib"]),
            Path(sysconfig.get_paths()["purelib"]), env_bin / "jupyterhub-singleuser"]


def check_class(settings: Settings, euid: int, env_bin: Path) -> None:
    if euid != 0:
        raise SettingsError("Class mode must run as root (it signs students in with their "
                            "passwords and starts each server as its student): use sudo, or "
                            "WORKSHOP_HUB_TRYOUT=1 to try the hub alone.")
    try:
        group = grp.getgrnam(settings.group)
    except KeyError:
        raise SettingsError(f"The group {settings.group!r} does not exist, so nobody could sign "
                            f"in: make it with `groupadd {settings.group}` and add the students "
                            "(workshop-accounts does both).") from None
    for admin in sorted(settings.admins):
        if admin == "root":
            raise SettingsError("root cannot use the hub (it has no password there and gets no "
                                "server): make a teacher account and name it in WORKSHOP_HUB_ADMINS.")
        try:
            account = pwd.getpwnam(admin)
        except KeyError:
            raise SettingsError(f"WORKSHOP_HUB_ADMINS names {admin!r}, which is not an account "
                                "on this machine.") from None
        if account.pw_gid != group.gr_gid and admin not in group.gr_mem:
            raise SettingsError(f"The admin {admin!r} is not in the group {settings.group!r}, "
                                f"so could not sign in: `usermod -aG {settings.group} {admin}`.")
    blocked = blocked_folder(python_paths(env_bin), group.gr_gid)
    if blocked:
        raise SettingsError(
            f"Students cannot run the workshop's Python: {blocked} is closed to them, so every "
            "sign-in would fail. Install the workshop where everyone may read it, with a Python "
            "everyone can run (book/hub-setup.md, step 1).")
