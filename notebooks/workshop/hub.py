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

The questions themselves are asked in workshop.hub_api; the words are in workshop.hub_messages.
"""
from __future__ import annotations

import os

from .hub_api import VARIABLES, HubError, ask_about_me, missing_variables, on_a_hub  # noqa: F401 (public here)
from .hub_messages import MESSAGES, say  # noqa: F401 (MESSAGES: kept where code found it)

# What report() prints off a hub: what the hub would have answered, for a made-up user.
EXAMPLE = {
    "name": "ada",
    "admin": False,
    "servers": {"": {"ready": True, "started": "2024-03-05T09:14:27.000000Z"}},
}


def whoami(environ=None, timeout: float = 5) -> dict | None:
    """Ask the hub who owns this server.

    Returns {"name": ..., "admin": True/False, "servers": {server name: {"ready", "started"}}}
    ("servers" is None when the hub does not let this server's token see them), or None when
    this is not a hub server or the hub cannot be asked: then it prints one line saying why,
    never a traceback.
    """
    environ = os.environ if environ is None else environ
    if not on_a_hub(environ):
        print(_not_on_a_hub(environ))
        return None
    try:
        return ask_about_me(environ, timeout)
    except HubError as error:
        print(say("could_not_ask", error=error))
        return None


def _not_on_a_hub(environ) -> str:
    missing = missing_variables(environ)
    return say("not_on_hub_several" if len(missing) > 1 else "not_on_hub_one", names=say("comma").join(missing))


def _when(started) -> str:
    """'2024-03-05T09:14:27.000000Z' -> '2024-03-05 09:14 UTC'."""
    if not started:
        return ""
    text = str(started)
    return say("started", day=text[:10], time=text[11:16]) if len(text) >= 16 else say("started_raw", text=text)


def describe(me: dict) -> str:
    """A few plain lines about a whoami() answer."""
    lines = [
        say("logged_in_as", name=me["name"]),
        say("admin", answer=say("yes" if me["admin"] else "no")),
    ]
    servers = me.get("servers")
    if servers is None:
        lines.append(say("servers_hidden"))
    elif not servers:
        lines.append(say("servers_none"))
    else:
        lines.append(say("servers"))
        for name, server in sorted(servers.items()):
            label = f"'{name}'" if name else say("default_server")
            state = say("running" if server.get("ready") else "changing")
            lines.append(say("server_line", label=label, state=state, started=_when(server.get("started"))))
    return "\n".join(lines)


def report(environ=None, timeout: float = 5) -> str:
    """Always a friendly text: who you are on this hub, or why it cannot be said here."""
    environ = os.environ if environ is None else environ
    if not on_a_hub(environ):
        example = "\n".join("    " + line for line in describe(EXAMPLE).splitlines())
        return f"{_not_on_a_hub(environ)}\n{say('on_a_hub_shows')}\n{example}"
    try:
        return describe(ask_about_me(environ, timeout))
    except HubError as error:
        return say("could_not_ask", error=error)


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
        ("cpu_limit", "CPU_LIMIT", str),
        ("cpu_guarantee", "CPU_GUARANTEE", str),
        ("mem_limit", "MEM_LIMIT", _gigabytes),
        ("mem_guarantee", "MEM_GUARANTEE", _gigabytes),
    ]
    return "\n".join(
        say("size_line", label=say(label), value=show(environ[name]) if environ.get(name) else say("not_set"))
        for label, name, show in rows
    )
