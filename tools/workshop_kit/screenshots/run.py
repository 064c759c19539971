"""`workshop-screenshots [--edition zh-TW]`: both tours in one edition, then its pictures
into that edition's notebooks/images/ at once.

    workshop-screenshots                    # English: notebooks/images/
    workshop-screenshots --edition zh-TW    # JupyterLab in Traditional Chinese: zh-TW/notebooks/images/
    workshop-screenshots --tour lab         # lesson 05's pictures only (no hub is started)

A failure stops the run with its cause and the log of the program that failed (JupyterLab
or the hub), and leaves every picture of the edition as it was.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from ..browser import chromium_path, launch_chromium
from ..repo import EDITIONS, Edition
from .hub_tour import hub_tour
from .lab import Lab, has_chinese_font
from .lab_tour import lab_tour
from .pictures import Shots


class ScreenshotsFailed(RuntimeError):
    pass


TOURS = ("lab", "hub")  # lesson 05's pictures (JupyterLab alone), lesson 06's (the hub)


def take_all(tmp: Path, edition: Edition, tours=TOURS) -> Shots:
    chromium_path()  # no browser: say so at once, before Playwright's driver starts
    shots = Shots(tmp / "pictures", edition)
    lab = Lab(tmp, edition)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            if "lab" in tours:
                lab.start()
                try:
                    lab_tour(browser, lab, shots)
                except Exception as error:
                    raise ScreenshotsFailed(f"the JupyterLab tour failed: {error}\n"
                                            f"JupyterLab's log ends with:\n{lab.log_tail()}") from error
                finally:
                    lab.stop()
            if "hub" in tours:
                hub_tour(browser, tmp, shots)
        finally:
            browser.close()
    return shots


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="workshop-screenshots",
        description="Take lessons 05 and 06's pictures again from the real JupyterLab and "
                    "JupyterHub, in one edition's language.")
    parser.add_argument("--edition", choices=[e.language for e in EDITIONS], default=EDITIONS[0].language,
                        help="whose pictures: en (notebooks/images/, the default) or zh-TW "
                             "(zh-TW/notebooks/images/, JupyterLab in Traditional Chinese)")
    parser.add_argument("--tour", choices=TOURS, action="append",
                        help="only this tour's pictures: lab (lesson 05) or hub (lesson 06); "
                             "default: both")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    edition = next(e for e in EDITIONS if e.language == args.edition)
    if not has_chinese_font():
        print("workshop-screenshots: no Chinese font here, so Chromium would draw empty boxes "
              "where JupyterLab shows Chinese: install fonts-noto-cjk (tools/setup_and_build.sh "
              "does). No picture was changed.", file=sys.stderr)
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        try:
            shots = take_all(Path(tmp), edition, args.tour or TOURS)
        except Exception as error:
            print(f"workshop-screenshots --edition {edition} failed; no picture was changed.\n"
                  f"{error}", file=sys.stderr)
            return 1
        images, total = shots.publish()
    print(f"{len(shots.names)} screenshots of the {edition} edition, {total / 1024:.0f} KB, in "
          f"{time.monotonic() - started:.0f} s, written to {images}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
