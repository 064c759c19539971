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

from . import language

VARIABLES = ("JUPYTERHUB_API_URL", "JUPYTERHUB_API_TOKEN", "JUPYTERHUB_USER")

MESSAGES = {
    "401": {"en": "the token was not accepted; it may have expired or been revoked.",
            "zh-TW": "權杖沒有被接受；它可能已經過期或被撤銷。"},
    "403": {"en": "the token is not allowed to ask this; it may have expired or been revoked.",
            "zh-TW": "這個權杖沒有權限詢問這件事；它可能已經過期或被撤銷。"},
    "404": {"en": "the hub has no such page; is JUPYTERHUB_API_URL right?",
            "zh-TW": "Hub 上沒有這個頁面；JUPYTERHUB_API_URL 對嗎？"},
    "http_other": {"en": "the hub had a problem answering.", "zh-TW": "Hub 回答時出了問題。"},
    "http": {"en": "the hub answered HTTP {code} {reason}: {advice}",
             "zh-TW": "Hub 回應 HTTP {code} {reason}：{advice}"},
    "timeout": {"en": "the hub did not answer within {seconds:g} seconds.",
                "zh-TW": "Hub 在 {seconds:g} 秒內沒有回應。"},
    "unreachable": {"en": "could not reach the hub at {url} ({reason}).",
                    "zh-TW": "連不上位於 {url} 的 Hub（{reason}）。"},
    "not_json": {"en": "the hub's answer was not the JSON it should send.",
                 "zh-TW": "Hub 的回答不是它應該送來的 JSON。"},
    "not_a_user": {"en": "the hub's answer was not the description of a user.",
                   "zh-TW": "Hub 的回答不是一位使用者的描述。"},
    "could_not_ask": {"en": "Could not ask the hub: {error}", "zh-TW": "無法詢問 Hub：{error}"},
    "started": {"en": ", started {day} {time} UTC", "zh-TW": "，啟動於 {day} {time} UTC"},
    "started_raw": {"en": ", started {text}", "zh-TW": "，啟動於 {text}"},
    "logged_in_as": {"en": "You are logged in as: {name}", "zh-TW": "你登入的身分是：{name}"},
    "admin": {"en": "Hub administrator: {answer}", "zh-TW": "Hub 管理員：{answer}"},
    "yes": {"en": "yes", "zh-TW": "是"},
    "no": {"en": "no", "zh-TW": "否"},
    "servers_hidden": {"en": "Your servers: this server's token may not list them (the hub decides).",
                       "zh-TW": "你的伺服器：這台伺服器的權杖不能列出它們（由 Hub 決定）。"},
    "servers_none": {"en": "Your servers: none running.", "zh-TW": "你的伺服器：沒有在執行的。"},
    "servers": {"en": "Your servers:", "zh-TW": "你的伺服器："},
    "default_server": {"en": "the default server", "zh-TW": "預設伺服器"},
    "running": {"en": "running", "zh-TW": "執行中"},
    "changing": {"en": "starting or stopping", "zh-TW": "啟動中或停止中"},
    "not_on_hub_one": {
        "en": "This notebook is not running on a JupyterHub server (the variable {names} is not set), "
              "so there is no hub to ask.",
        "zh-TW": "這本筆記本不是在 JupyterHub 伺服器上執行（沒有設定變數 {names}），所以沒有 Hub 可以詢問。"},
    "not_on_hub_several": {
        "en": "This notebook is not running on a JupyterHub server (the variables {names} are not set), "
              "so there is no hub to ask.",
        "zh-TW": "這本筆記本不是在 JupyterHub 伺服器上執行（沒有設定變數 {names}），所以沒有 Hub 可以詢問。"},
    "on_a_hub_shows": {"en": "On a hub, this cell asks the hub about you and shows something like:",
                       "zh-TW": "在 Hub 上，這個儲存格會向 Hub 詢問你的資料，並顯示類似這樣的內容："},
    "cpu_limit": {"en": "CPU limit (most CPUs you may use)", "zh-TW": "CPU 上限（你最多能用的 CPU）"},
    "cpu_guarantee": {"en": "CPU guarantee (CPUs kept for you)", "zh-TW": "CPU 保證量（保留給你的 CPU）"},
    "mem_limit": {"en": "Memory limit (most memory you may use)", "zh-TW": "記憶體上限（你最多能用的記憶體）"},
    "mem_guarantee": {"en": "Memory guarantee (memory kept for you)", "zh-TW": "記憶體保證量（保留給你的記憶體）"},
    "not_set": {"en": "not set here", "zh-TW": "這裡沒有設定"},
}


def _say(key: str, **values) -> str:
    return language.text(MESSAGES, key, **values)


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
        advice = _say(str(error.code)) if str(error.code) in ("401", "403", "404") else _say("http_other")
        raise HubError(_say("http", code=error.code, reason=error.reason, advice=advice)) from None
    except (OSError, ValueError, http.client.HTTPException) as error:  # URLError, timeouts, ...
        reason = getattr(error, "reason", error)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise HubError(_say("timeout", seconds=timeout)) from None
        raise HubError(_say("unreachable", url=url, reason=_one_line(reason))) from None
    try:
        answer = json.loads(body)
    except ValueError:
        raise HubError(_say("not_json")) from None
    if not isinstance(answer, dict):
        raise HubError(_say("not_a_user"))
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
        print(_say("could_not_ask", error=error))
        return None


def _when(started) -> str:
    """'2024-03-05T09:14:27.000000Z' -> '2024-03-05 09:14 UTC'."""
    if not started:
        return ""
    text = str(started)
    return _say("started", day=text[:10], time=text[11:16]) if len(text) >= 16 else _say("started_raw", text=text)


def describe(me: dict) -> str:
    """A few plain lines about a whoami() answer."""
    lines = [
        _say("logged_in_as", name=me["name"]),
        _say("admin", answer=_say("yes" if me["admin"] else "no")),
    ]
    servers = me.get("servers")
    if servers is None:
        lines.append(_say("servers_hidden"))
    elif not servers:
        lines.append(_say("servers_none"))
    else:
        lines.append(_say("servers"))
        for name, server in sorted(servers.items()):
            label = f"'{name}'" if name else _say("default_server")
            state = _say("running" if server.get("ready") else "changing")
            lines.append(f"  - {label}: {state}{_when(server.get('started'))}")
    return "\n".join(lines)


def report(environ=None, timeout: float = 5) -> str:
    """Always a friendly text: who you are on this hub, or why it cannot be said here."""
    environ = os.environ if environ is None else environ
    missing = missing_variables(environ)
    if missing:
        example = "\n".join("    " + line for line in describe(EXAMPLE).splitlines())
        key = "not_on_hub_several" if len(missing) > 1 else "not_on_hub_one"
        return f"{_say(key, names=', '.join(missing))}\n{_say('on_a_hub_shows')}\n{example}"
    try:
        return describe(_summary(_ask("user", environ, timeout)))
    except HubError as error:
        return _say("could_not_ask", error=error)


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
        f"{_say(label)}: {show(environ[name]) if environ.get(name) else _say('not_set')}"
        for label, name, show in rows
    )
