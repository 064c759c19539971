"""`workshop-screenshots`: both tours, then the pictures into notebooks/images/ at once.

A failure stops the run with its cause and the log of the program that failed (JupyterLab
or the hub), and leaves every picture in notebooks/images/ as it was.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from ..browser import launch_chromium
from .hub_tour import hub_tour
from .lab import Lab, has_chinese_font
from .lab_tour import lab_tour
from .pictures import IMAGES, Shots


class ScreenshotsFailed(RuntimeError):
    pass


def take_all(tmp: Path) -> Shots:
    shots = Shots(tmp / "pictures")
    lab = Lab(tmp)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            lab.start()
            try:
                lab_tour(browser, lab, shots)
            except Exception as error:
                raise ScreenshotsFailed(f"the JupyterLab tour failed: {error}\n"
                                        f"JupyterLab's log ends with:\n{lab.log_tail()}") from error
            finally:
                lab.stop()
            hub_tour(browser, tmp, shots)
        finally:
            browser.close()
    return shots


def main() -> int:
    if not has_chinese_font():
        print("workshop-screenshots: no Chinese font here, so Chromium would draw empty boxes in "
              "lab-traditional-chinese.png: install fonts-wqy-microhei (tools/setup_and_build.sh "
              "does). No picture was changed.", file=sys.stderr)
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        try:
            shots = take_all(Path(tmp))
        except Exception as error:
            print(f"workshop-screenshots failed; no picture was changed.\n{error}", file=sys.stderr)
            return 1
        total = shots.publish(IMAGES)
    print(f"{len(shots.names)} screenshots, {total / 1024:.0f} KB, in "
          f"{time.monotonic() - started:.0f} s, written to {IMAGES}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
