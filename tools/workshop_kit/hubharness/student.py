"""A student doing what their browser does, with requests: log in through the hub's form,
open an nbgitpuller link, follow it until nbgitpuller has finished."""
from __future__ import annotations

import html
import json
import re
import time
from urllib.parse import unquote, urlencode, urlsplit

import requests

from .hub import Hub


class Student:
    """Logs in through the hub's form and follows nbgitpuller links, like a browser."""

    def __init__(self, hub: Hub, name: str):
        self.hub, self.name = hub, name
        self.session = requests.Session()

    def login(self):
        page = self.session.get(f"{self.hub.url}/hub/login", timeout=30)
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
        answer = self.session.post(
            f"{self.hub.url}/hub/login", timeout=60,
            data={"username": self.name, "password": self.hub.password, "_xsrf": html.unescape(xsrf)})
        if "/hub/login" in answer.url:
            raise AssertionError(f"login as {self.name} failed: {answer.status_code} {answer.url}")
        return self

    def click(self, link: str, timeout: float = 180) -> dict:
        """Open an nbgitpuller link and run the pull its page starts; returns what happened.

        The page nbgitpuller serves names the pull in data-* attributes; its script reads
        the event stream git-pull/api with them and then goes to data-path. Same here.
        """
        deadline = time.monotonic() + timeout
        while True:  # the hub starts the server; a browser waits on the spawn-pending page
            page = self.session.get(link, timeout=60)
            page.raise_for_status()
            if "/git-pull" in urlsplit(page.url).path and 'data-repo="' in page.text:
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}'s server did not start: {page.url}")
            time.sleep(0.5)
        server_ready = time.monotonic()
        data = {key: unquote(html.unescape(value)) for key, value in
                re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        query = {"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"]}
        for optional in ("depth", "branch", "backup"):
            if optional in data:
                query[optional] = data[optional]
        events = []
        stream_url = f"{self.hub.url}{data['base-url']}git-pull/api?{urlencode(query)}"
        with self.session.get(stream_url, stream=True,
                              timeout=max(5.0, deadline - time.monotonic())) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    events.append(json.loads(line[len("data:"):]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        phase = events[-1].get("phase") if events else None
        return {"phase": phase, "events": events, "opens": data["base-url"] + data["path"],
                "page": page.text,  # nbgitpuller's page, which the script fills in
                "output": "\n".join(str(e.get("output", "")) for e in events),
                "seconds_pulling": time.monotonic() - server_ready}

