"""One hub setting's value, checked: a choice, a port, the address, minutes, account names.

Each check raises SettingsError with one line that names the setting and says what to
change; workshop_kit.hubsettings reads the environment and calls them.
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# A Debian account name as useradd accepts it, in lower case: the hub writes every name it
# is given in lower case, so an account with capitals could never sign in.
ACCOUNT_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


class SettingsError(ValueError):
    """A setting that would stop the hub, or make it fail later; the message is one line."""


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
    parts = urlsplit(value)
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("http", "https") or port is None or parts.path not in ("", "/") \
            or parts.query or parts.fragment or "@" in parts.netloc:
        raise SettingsError(f"WORKSHOP_HUB_BIND_URL={value!r} should look like "
                            "http://:8000 (every address) or http://127.0.0.1:8000.")
    host = parts.hostname or ""
    if tryout and not loopback(host):
        raise SettingsError(
            f"WORKSHOP_HUB_BIND_URL={value!r}: try-out mode listens on this computer only "
            "(e.g. http://127.0.0.1:8000), because every user there shares your account and one "
            "password. For a class, use class mode.")
    return value, port


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
