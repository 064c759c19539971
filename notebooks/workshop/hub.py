"""Ask the JupyterHub you are working on about yourself and your server.

A server started by JupyterHub gets a few environment variables: where the hub's REST API
is (JUPYTERHUB_API_URL), a token that proves who is asking (JUPYTERHUB_API_TOKEN) and the
user's name (JUPYTERHUB_USER). With them, a notebook can ask the hub questions. Anywhere
else (a laptop, Binder, the website) the variables are missing and these helpers say so
politely instead of failing. Only the standard library is used, so nothing needs installing.

    from workshop import hub
    print(hub.report())        # who am I on this hub? (a friendly text, always)
    me = hub.whoami()          # the same as a dictionary, or None off a hub
    print(hub.server_size())   # the CPU and memory limits the hub set, if any
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import urllib.error
import urllib.request

VARIABLES = ("JUPYTERHUB_API_URL", "JUPYTERHUB_API_TOKEN", "JUPYTERHUB_USER")

# What report() prints off a hub: what the hub would have answered, for a made-up user.
EXAMPLE = {
    "name": "ada",
    "admin": False,
    "servers": {"": {"ready": True, "started": "2024-03-05T09:14:27.000000Z"}},
}


class HubError(Exception):
    """The hub could not be asked or did not answer sensibly; the message is one line."""


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


def _ask(path: str, environ, timeout: float) -> dict:
    """GET {JUPYTERHUB_API_URL}/{path} with the server's token; the answer as a dict."""
    url = environ["JUPYTERHUB_API_URL"].rstrip("/") + "/" + path.lstrip("/")
    try:
        request = urllib.request.Request(
            url, headers={"Authorization": "token " + environ["JUPYTERHUB_API_TOKEN"]}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        advice = {
            401: "the token was not accepted; it may have expired or been revoked.",
            403: "the token is not allowed to ask this; it may have expired or been revoked.",
            404: "the hub has no such page; is JUPYTERHUB_API_URL right?",
        }.get(error.code, "the hub had a problem answering.")
        raise HubError(f"the hub answered HTTP {error.code} {error.reason}: {advice}") from None
    except (OSError, ValueError, http.client.HTTPException) as error:  # URLError, timeouts, ...
        reason = getattr(error, "reason", error)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise HubError(f"the hub did not answer within {timeout:g} seconds.") from None
        raise HubError(f"could not reach the hub at {url} ({_one_line(reason)}).") from None
    try:
        answer = json.loads(body)
    except ValueError:
        raise HubError("the hub's answer was not the JSON it should send.") from None
    if not isinstance(answer, dict):
        raise HubError("the hub's answer was not the description of a user.")
    return answer


def _summary(model: dict) -> dict:
    """Keep what a learner cares about: name, admin flag, servers and whether they run."""
    servers = model.get("servers")  # absent when the token may not read server details
    if isinstance(servers, dict):
        servers = {
            name: {"ready": bool(server.get("ready")), "started": server.get("started")}
            for name, server in servers.items()
        }
    else:
        servers = None
    return {"name": model.get("name"), "admin": bool(model.get("admin")), "servers": servers}


def whoami(environ=None, timeout: float = 5) -> dict | None:
    """Ask the hub who owns this server.

    Returns {"name": ..., "admin": True/False, "servers": {server name: {"ready", "started"}}}
    ("servers" is None when the hub does not let this server's token see them), or None when
    this is not a hub server. If the hub cannot be reached, prints one line saying why and
    returns None: never a traceback.
    """
    environ = os.environ if environ is None else environ
    if not on_a_hub(environ):
        return None
    try:
        return _summary(_ask("user", environ, timeout))
    except HubError as error:
        print(f"Could not ask the hub: {error}")
        return None


def _when(started) -> str:
    """'2024-03-05T09:14:27.000000Z' -> '2024-03-05 09:14 UTC'."""
    if not started:
        return ""
    text = str(started)
    return f", started {text[:10]} {text[11:16]} UTC" if len(text) >= 16 else f", started {text}"


def describe(me: dict) -> str:
    """A few plain lines about a whoami() answer."""
    lines = [
        f"You are logged in as: {me['name']}",
        f"Hub administrator: {'yes' if me['admin'] else 'no'}",
    ]
    servers = me.get("servers")
    if servers is None:
        lines.append("Your servers: this server's token may not list them (the hub decides).")
    elif not servers:
        lines.append("Your servers: none running.")
    else:
        lines.append("Your servers:")
        for name, server in sorted(servers.items()):
            label = f"'{name}'" if name else "the default server"
            state = "running" if server.get("ready") else "starting or stopping"
            lines.append(f"  - {label}: {state}{_when(server.get('started'))}")
    return "\n".join(lines)


def report(environ=None, timeout: float = 5) -> str:
    """Always a friendly text: who you are on this hub, or why it cannot be said here."""
    environ = os.environ if environ is None else environ
    missing = missing_variables(environ)
    if missing:
        example = "\n".join("    " + line for line in describe(EXAMPLE).splitlines())
        return (
            "This notebook is not running on a JupyterHub server (the variable"
            f"{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"{'are' if len(missing) > 1 else 'is'} not set), so there is no hub to ask.\n"
            "On a hub, this cell asks the hub about you and shows something like:\n" + example
        )
    try:
        return describe(_summary(_ask("user", environ, timeout)))
    except HubError as error:
        return f"Could not ask the hub: {error}"


def _gigabytes(value: str) -> str:
    try:
        size = float(value) / 1024**3
    except ValueError:
        return value
    return f"{size:.1f} GB"


def server_size(environ=None) -> str:
    """The CPU and memory limits and guarantees the hub's spawner set, or 'not set here'."""
    environ = os.environ if environ is None else environ
    rows = [
        ("CPU limit (most CPUs you may use)", "CPU_LIMIT", str),
        ("CPU guarantee (CPUs kept for you)", "CPU_GUARANTEE", str),
        ("Memory limit (most memory you may use)", "MEM_LIMIT", _gigabytes),
        ("Memory guarantee (memory kept for you)", "MEM_GUARANTEE", _gigabytes),
    ]
    return "\n".join(
        f"{label}: {show(environ[name]) if environ.get(name) else 'not set here'}"
        for label, name, show in rows
    )
