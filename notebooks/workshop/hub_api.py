"""Ask the JupyterHub REST API a question, with the address and token the hub gave this server
(the variables in VARIABLES), using only the standard library. Every failure becomes a
HubError of one line; workshop.hub turns the answers into friendly text.
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request

from .hub_messages import say

VARIABLES = ("JUPYTERHUB_API_URL", "JUPYTERHUB_API_TOKEN", "JUPYTERHUB_USER")


class HubError(Exception):
    """The hub could not be asked or did not answer sensibly; the message is one line."""

    __module__ = "workshop.hub"  # where learners meet it, and where tracebacks name it


def missing_variables(environ=None) -> list[str]:
    """The hub variables that are not set (all of them when not on a hub)."""
    environ = os.environ if environ is None else environ
    return [name for name in VARIABLES if not environ.get(name)]


def on_a_hub(environ=None) -> bool:
    """True in a server JupyterHub started (a class hub, or Binder, which runs one behind
    the scenes): the hub gives it all of VARIABLES. The one test every helper uses."""
    return not missing_variables(environ)


def _one_line(text) -> str:
    return " ".join(str(text).split())


def _origin(url: str) -> str:
    """scheme://host:port, the part of an address that says which server answers."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}"


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only within the hub's own address. urllib would send the token on
    to any host a redirect names, and the token lets whoever holds it act as the learner."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if _origin(newurl) != _origin(req.full_url):
            fp.close()
            raise HubError(say("redirected", origin=_one_line(_origin(newurl))))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_SameOriginRedirects)


def ask(path: str, environ, timeout: float) -> dict:
    """GET {JUPYTERHUB_API_URL}/{path} with the server's token; the answer as a dict."""
    url = environ["JUPYTERHUB_API_URL"].rstrip("/") + "/" + path.lstrip("/")
    try:
        request = urllib.request.Request(
            url, headers={"Authorization": "token " + environ["JUPYTERHUB_API_TOKEN"]}
        )
        with _opener.open(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        advice = say(str(error.code)) if str(error.code) in ("401", "403", "404") else say("http_other")
        raise HubError(say("http", code=error.code, reason=_one_line(error.reason), advice=advice)) from None
    except (OSError, ValueError, http.client.HTTPException) as error:  # URLError, timeouts, ...
        reason = getattr(error, "reason", error)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise HubError(say("timeout", seconds=timeout)) from None
        raise HubError(say("unreachable", url=url, reason=_one_line(reason))) from None
    try:
        answer = json.loads(body)
    except (ValueError, RecursionError):  # an HTML error page, or lists nested 100,000 deep
        raise HubError(say("not_json")) from None
    if not isinstance(answer, dict):
        raise HubError(say("not_a_user"))
    return answer


def _server(server) -> dict:
    """One server's state; a missing or odd field counts as not ready, start time unknown."""
    server = server if isinstance(server, dict) else {}
    started = server.get("started")
    return {"ready": server.get("ready") is True,
            "started": _one_line(started) if isinstance(started, str) else None}


def _summary(model: dict) -> dict:
    """Keep what a learner cares about: name, admin flag, servers and whether they run.
    Anything of an unexpected type is left out rather than shown or trusted."""
    if not isinstance(model.get("name"), str) or not model["name"].strip():
        raise HubError(say("not_a_user"))
    servers = model.get("servers")  # absent when the token may not read server details
    if isinstance(servers, dict):
        servers = {_one_line(name): _server(server) for name, server in servers.items()}
    else:
        servers = None
    return {"name": _one_line(model["name"]), "admin": model.get("admin") is True, "servers": servers}


def ask_about_me(environ, timeout: float) -> dict:
    """Who owns this server, as the hub says: the summary of its answer. Raises HubError."""
    return _summary(ask("user", environ, timeout))
