"""How students sign in to the class hub: their account on the machine (PAM), if they are in
the class group. Used by hub/jupyterhub_config.py in class mode.

Two differences from JupyterHub's own PAMAuthenticator, both for the people in the room:
- a student who typed the right password but is not in the group is told so, on the login
  page, instead of "Invalid username or password" (only after the password was right, so
  the message tells a stranger nothing);
- the name is taken in lower case before the password is checked: JupyterHub writes every
  name in lower case afterwards, and workshop-accounts only makes lower-case accounts, so
  "Alice" signs in as alice instead of failing.
"""
from __future__ import annotations

from jupyterhub.auth import PAMAuthenticator
from tornado import web


class NotInClass(web.HTTPError):
    """Shown on the login page (JupyterHub renders an error raised while signing in there)."""

    def __init__(self, message: str):
        super().__init__(403, message.replace("%", "%%"), reason="Not in this class")
        self.jupyterhub_message = message


class ClassAuthenticator(PAMAuthenticator):
    async def authenticate(self, handler, data):
        data = {**data, "username": str(data.get("username", "")).strip().lower()}
        return await super().authenticate(handler, data)

    def check_allowed(self, username, authentication=None):
        if super().check_allowed(username, authentication):
            return True
        groups = ", ".join(sorted(self.allowed_groups)) or "(none)"
        raise NotInClass(f"Your password is right, but the account {username!r} is not in this "
                         f"class (group {groups}). Ask your teacher to add you.")
