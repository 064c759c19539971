"""Whether this machine lets the class hub run: its state folder, the group and admins, and
whether students can run the workshop's Python. Raises SettingsError (one line) if not."""
from __future__ import annotations

import grp
import os
import pwd
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from .hubsettings_values import SettingsError

if TYPE_CHECKING:
    from .hubsettings import Settings


def prepare_state_dir(folder: Path) -> None:
    """Make the folder for the database and secrets, private to the hub's account (0700)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)
        database = folder / "jupyterhub.sqlite"
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
    import sysconfig
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
