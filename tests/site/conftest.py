"""The site tier: the website that tools/setup_and_build.sh built into _build/html, opened in
Chromium with the network cut (workshop_kit.sitebrowser) or read as files."""
import pytest
from playwright.sync_api import sync_playwright

from workshop_kit.browser import launch_chromium
from workshop_kit.repo import SITE_DIR
from workshop_kit.sitebrowser import OfflinePage, serve


@pytest.fixture(scope="session")
def site_dir():
    if not (SITE_DIR / "index.html").is_file():
        pytest.fail("The website is not built: run `bash tools/setup_and_build.sh` first.")
    return SITE_DIR


@pytest.fixture(scope="module")
def site_url(site_dir):
    server = serve(site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, site_url):
    """open_page("book/intro.html") -> an OfflinePage, closed when the test ends."""
    opened = []

    def open_(path):
        opened.append(OfflinePage(browser, site_url, path))
        return opened[-1]

    yield open_
    for page in opened:
        page.context.close()
