"""Debian's Chromium, started the same way by the tests and by tools/screenshots.py.

Never `playwright install` (it downloads a browser). The flags let it run as root (CI) and
keep it from calling home, which this machine's closed network would refuse.
"""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
