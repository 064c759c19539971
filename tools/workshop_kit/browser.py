"""Chromium, started the same way by the tests and by the screenshot command.

Debian's /usr/bin/chromium by default; set CHROMIUM to another Chromium or Chrome binary
(e.g. on Ubuntu, whose `chromium` package is a snap). Never `playwright install`: it
downloads a browser. The flags let it run as root (CI) and keep it from calling home, which
a closed network would refuse.
"""
import os
import shutil

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


class NoChromium(RuntimeError):
    """No Chromium where CHROMIUM (or the default) says."""


def chromium_path() -> str:
    wanted = os.environ.get("CHROMIUM", "").strip() or DEFAULT_CHROMIUM
    found = shutil.which(wanted)
    if not found:
        raise NoChromium(f"No Chromium at {wanted!r}: install Debian's `chromium` package, or set "
                         "CHROMIUM to the path of a Chromium or Chrome program.")
    return found


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
