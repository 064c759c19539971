"""How people sign in to the hub: used by hub/jupyterhub_config.py.

Class mode (ClassAuthenticator): students' accounts on the machine (JupyterHub's own
PAMAuthenticator), for members of the class group only, with three things for the room:
- a stranger learns nothing: a wrong password and a right one for an account outside the
  class (root included) get the same page, after the same wait (FAILED_SECONDS); the hub's
  log tells the teacher which it was;
- a name, or a computer, that failed too often in a few minutes must wait (SignInTries):
  JupyterHub itself has no limit on sign-in attempts;
- the name is taken in lower case before the password is checked: JupyterHub writes every
  name in lower case afterwards, and workshop-accounts only makes lower-case accounts, so
  "Alice" signs in as alice instead of failing.

Try-out mode (TryoutAuthenticator): JupyterHub's shared password, compared as UTF-8 bytes, so
a password in Chinese works; and it refuses to run on any address beyond this computer,
whatever the command line said.
"""
from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque
from secrets import compare_digest
from urllib.parse import urlsplit

from jupyterhub.auth import PAMAuthenticator
from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
from tornado import web

from .settings import loopback, tryout_listens_here

# Every failed sign-in is answered this long after it began: PAM itself waits about 2-3 s
# after a wrong password (pam_faildelay) and not after a right one, so without this a quick
# refusal would tell that the password was right.
FAILED_SECONDS = 4.0
WINDOW_SECONDS = 300
# Failures within the window before a name must wait: a student who mistypes a few times is
# never stopped. A computer may fail more often, as a classroom may share one address (NAT).
NAME_FAILURES = 5
CLIENT_FAILURES = 30

MESSAGES = {
    "wait": {"en": "Too many failed sign-ins for this name or from this computer. Wait {minutes} "
                   "minute(s) and try again, or ask your teacher.",
             "zh-TW": "這個帳號或這台電腦登入失敗太多次了。請等 {minutes} 分鐘後再試，或請老師協助。"},
}


class SignInRefused(web.HTTPError):
    """Shown on the login page (JupyterHub renders an error raised while signing in there),
    in both of the workshop's languages: the hub does not know which one the student reads."""

    def __init__(self, status: int, key: str, **values):
        message = " / ".join(text.format(**values) for text in MESSAGES[key].values())
        super().__init__(status, message.replace("%", "%%"), reason="Sign-in refused")
        self.jupyterhub_message = message


class SignInTries:
    """Failed sign-ins of the last WINDOW_SECONDS, by name and by client address (in memory:
    a restarted hub starts counting again)."""

    def __init__(self):
        self.failed: dict[tuple, deque] = defaultdict(deque)

    def _keys(self, name: str, client: str):
        keys = [(("name", name), NAME_FAILURES)]
        if not loopback(client):  # this machine, e.g. a web server in front: not one computer
            keys.append((("client", client), CLIENT_FAILURES))
        return keys

    def seconds_to_wait(self, name: str, client: str, now: float) -> float:
        wait = 0.0
        for key, limit in self._keys(name, client):
            times = self.failed.get(key, deque())
            while times and times[0] <= now - WINDOW_SECONDS:
                times.popleft()
            if not times:
                self.failed.pop(key, None)
            elif len(times) >= limit:
                wait = max(wait, times[0] + WINDOW_SECONDS - now)
        return wait

    def record(self, name: str, client: str, succeeded: bool, now: float) -> None:
        if succeeded:
            self.failed.pop(("name", name), None)
            return
        for key, _ in self._keys(name, client):
            self.failed[key].append(now)


class ClassAuthenticator(PAMAuthenticator):
    tries = SignInTries()

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        app = self.parent
        if app is not None and not app.ssl_cert:
            host = urlsplit(app.bind_url).hostname or ""
            if not loopback(host):
                self.log.warning(
                    "Students' passwords travel over plain HTTP on %s: anyone on the network "
                    "can read them. Serve HTTPS through a web server in front of the hub "
                    "(book/hub-setup.md, HTTPS).", app.bind_url)

    async def get_authenticated_user(self, handler, data):
        began = time.monotonic()
        name = str(data.get("username", "")).strip().lower()
        client = handler.request.remote_ip if handler is not None else ""
        wait = self.tries.seconds_to_wait(name, client, began)
        if wait:
            self.log.warning("Sign-in of %r from %s refused without checking: too many failures",
                             name[:32], client)
            raise SignInRefused(429, "wait", minutes=int(wait // 60) + 1)
        user = await super().get_authenticated_user(handler, {**data, "username": name})
        self.tries.record(name, client, user is not None, time.monotonic())
        if user is None:
            await asyncio.sleep(max(0.0, began + FAILED_SECONDS - time.monotonic()))
        return user

    def check_allowed(self, username, authentication=None):
        if super().check_allowed(username, authentication):
            return True
        # The page says "Invalid username or password", as for a wrong one; the teacher reads why.
        self.log.warning("%r typed the right password but is not in the class (group %s): "
                         "refused as a wrong password", username,
                         ", ".join(sorted(self.allowed_groups)) or "(none)")
        return False


class TryoutAuthenticator(SharedPasswordAuthenticator):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        app = self.parent
        if app is None:
            return
        # Checked here, on the settings JupyterHub will use, because the command line
        # (--ip, --port, --JupyterHub.bind_url, ...) overrides the configuration file.
        hub_host = urlsplit(app.hub_bind_url).hostname if app.hub_bind_url else app.hub_ip
        for what, host in ((f"the address {app.bind_url}", urlsplit(app.bind_url).hostname),
                           (f"the hub's own address {hub_host!r}", hub_host)):
            if not loopback(host or ""):
                raise SystemExit("The hub did not start: " + tryout_listens_here(what))

    async def authenticate(self, handler, data):
        """The shared password, compared as UTF-8 bytes: secrets.compare_digest refuses text
        with non-ASCII characters (a TypeError, so such a sign-in failed with HTTP 500)."""
        name = self.normalize_username(data["username"])
        expected = self.admin_password if name in self.admin_users else self.user_password
        typed = data["password"].encode("utf-8", "surrogatepass")
        if expected and compare_digest(typed, expected.encode("utf-8", "surrogatepass")):
            return {"name": name, "admin": name in self.admin_users, "groups": []}
        return None
