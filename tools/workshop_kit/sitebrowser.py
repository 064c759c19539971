"""The built website in Chromium with no network, for the site tests and the review pictures.

Every request to anything but a local server of _build/html is blocked and recorded, so a
page that still needs a CDN fails instead of showing raw TeX or a blank map to a reader.
The site tests' fixtures that use it (site_url, browser, open_page) are in tests/site/conftest.py.
"""
from __future__ import annotations

import functools
import http.server
import threading

WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder) -> http.server.ThreadingHTTPServer:
    """`folder` over HTTP on a free loopback port, from a background thread."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class OfflinePage:
    """A page whose requests outside the site are blocked, with what it tried and logged."""

    def __init__(self, browser, site_url, path):
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.blocked, self.errors = [], []
        self.context.route("**/*", self._only_the_site(site_url))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))
        self.page.goto(site_url + path, wait_until="networkidle")

    def settle(self):
        """Wait until MathJax has typeset, every widget is drawn and the fonts are in."""
        self.page.wait_for_function(
            "() => !window.MathJax || !MathJax.startup || MathJax.startup.promise.then(() => true)")
        self.page.wait_for_function(
            f"() => [...document.querySelectorAll('{WIDGET_VIEW}')]"
            ".every(s => s.previousElementSibling?.querySelector('.jupyter-widgets'))",
            timeout=20000)
        self.page.evaluate("() => document.fonts.ready.then(() => true)")
        self.page.wait_for_load_state("networkidle")

    def _only_the_site(self, site_url):
        def handle(route):
            if route.request.url.startswith(site_url):
                route.continue_()
            else:
                self.blocked.append(route.request.url)
                route.abort()
        return handle
