"""`workshop-site-pictures`: key pages of the built site as pictures, for a person to review.

    workshop-site-pictures        # writes _build/screenshots/NAME.png, NAME-full.png, widgets

The top of each page, the whole page and each widget, drawn offline exactly as the site
tests see them (workshop_kit.sitebrowser). Nothing is checked here: look at the pictures.
"""
from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from .browser import launch_chromium
from .repo import SITE_DIR
from .sitebrowser import OfflinePage, serve

PICTURES = SITE_DIR.parent / "screenshots"
KEY_PAGES = {
    "intro": "book/intro.html",
    "02-notebook-basics": "notebooks/02-notebook-basics.html",
    "03-kernels-r": "notebooks/03-kernels-r.html",
    "08-map": "notebooks/08-map-taiwan-earthquakes.html",
    "instructor-guide": "book/instructor-guide.html",
    "zh-TW-intro": "zh-TW/book/intro.html",
    "zh-TW-02-notebook-basics": "zh-TW/notebooks/02-notebook-basics.html",
    "zh-TW-08-map": "zh-TW/notebooks/08-map-taiwan-earthquakes.html",
}


def main() -> int:
    if not (SITE_DIR / "index.html").is_file():
        print("The website is not built: run `bash tools/setup_and_build.sh` first.", file=sys.stderr)
        return 1
    PICTURES.mkdir(parents=True, exist_ok=True)
    server = serve(SITE_DIR)
    site_url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for name, path in KEY_PAGES.items():
                page = OfflinePage(browser, site_url, path)
                page.settle()
                page.page.screenshot(path=PICTURES / f"{name}.png")
                page.page.screenshot(path=PICTURES / f"{name}-full.png", full_page=True)
                for number, widget in enumerate(page.page.locator(".widget-subarea").all()):
                    widget.screenshot(path=PICTURES / f"{name}-widget-{number}.png")
                page.context.close()
            browser.close()
    finally:
        server.shutdown()
    print(f"Pictures of {len(KEY_PAGES)} pages in {PICTURES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
