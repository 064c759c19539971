"""Lesson 06's pictures: the hub's pages, from a teacher's login on the workshop hub.

The teacher's JupyterLab is switched to the edition's language (Settings → Language) before
its pictures; the hub's own pages stay in English, the only language JupyterHub has.
"""
from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from ..hubharness.hub import Hub
from ..process import wait_until
from .lab import NO_NEWS
from .labapp import add_glue, open_menu, run_command, use_language, wait_for_app
from .lab_tour import VIEWPORT
from .pictures import Shots

ADMIN = "teacher"
CLASSMATES = ["ada", "grace"]  # ada's server runs, grace's does not: the admin page shows both
TOP_OF_PAGE = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": 150}  # hub pages are short
LAB_SETTINGS_AT_HOME = (".jupyter/lab/user-settings/@jupyterlab/apputils-extension/"
                        "notification.jupyterlab-settings")
# window.jupyterapp in their JupyterLab too, for labapp.js (commands, menus, language). In
# jupyter_config.json: the hub starts servers with --config=hub/singleuser_config.py, and then
# Jupyter reads no jupyter_server_config of the home folder, only its jupyter_config.
SERVER_CONFIG_AT_HOME = ".jupyter/jupyter_config.json"
EXPOSE_APP = {"LabApp": {"expose_app_in_browser": True}}


def class_hub(tmp: Path) -> tuple[Hub, str]:
    """The workshop hub with a teacher as admin, and the teacher's password."""
    os.environ["WORKSHOP_HUB_ADMINS"] = ADMIN  # read by hub/jupyterhub_config.py
    # The try-out login gives admins no password of their own, so they cannot log in:
    # give the admin one, layered on the harness's test settings.
    admin_password = secrets.token_hex(16)  # the hub asks for 32 characters or more
    os.environ["WORKSHOP_HUB_ADMIN_PASSWORD"] = admin_password
    hub = Hub(tmp / "hub")
    for name in [ADMIN, *CLASSMATES]:  # no news pop-up in their JupyterLab
        settings = hub.homes / name / LAB_SETTINGS_AT_HOME
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps(NO_NEWS))
        (hub.homes / name / SERVER_CONFIG_AT_HOME).write_text(json.dumps(EXPOSE_APP))
    return hub, admin_password


def log_in(context, hub: Hub, password: str, language: str):
    """The teacher's JupyterLab, in `language`."""
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", ADMIN)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{ADMIN}/lab**", timeout=180_000)  # the hub started the server
    page.wait_for_selector(".lm-MenuBar-item", timeout=60_000)
    page.wait_for_selector(".jp-LauncherCard", timeout=60_000)
    wait_for_app(page)
    use_language(page, language)
    page.wait_for_selector(".jp-LauncherCard", timeout=60_000)
    return page


def hub_pages(context, hub: Hub, shots: Shots):
    """The control panel, the token page and the admin page, in a second tab."""
    page = context.new_page()
    page.goto(f"{hub.url}/hub/home")
    page.wait_for_selector("#stop")
    shots.shoot(page, "hub-control-panel.png", clip=TOP_OF_PAGE)

    page.goto(f"{hub.url}/hub/token")
    page.fill("#token-note", "workshop test")
    page.select_option("#token-expiration-seconds", str(3600))
    page.click("#request-token-form button[type=submit]")
    page.wait_for_selector("#token-result:not(:empty)")
    page.reload()  # the list of tokens now has it, with its note, expiry and revoke button
    page.wait_for_selector("#api-tokens-table .token-row")
    shots.shoot(page, "hub-token.png", full_page=True)

    wait_until(lambda: hub.api("GET", f"/users/{CLASSMATES[0]}").json()["servers"]
               .get("", {}).get("ready"), 60, f"{CLASSMATES[0]}'s server")
    page.goto(f"{hub.url}/hub/admin")
    page.wait_for_selector(f"text={CLASSMATES[-1]}", timeout=30_000)
    shots.shoot(page, "hub-admin.png")

    # Stop My Server.
    page.goto(f"{hub.url}/hub/home")
    page.click("#stop")
    page.wait_for_function("() => window.workshopShots.hubServerStopped()", timeout=60_000)
    shots.shoot(page, "hub-server-stopped.png", clip=TOP_OF_PAGE)
    page.close()


def hub_tour(browser, tmp: Path, shots: Shots):
    hub, password = class_hub(tmp)
    try:
        hub.start()
        for name in CLASSMATES:
            hub.api("POST", f"/users/{name}")
        hub.api("POST", f"/users/{CLASSMATES[0]}/server")
        context = browser.new_context(viewport=VIEWPORT)  # one browser: tabs share the login
        add_glue(context)
        lab_tab = log_in(context, hub, password, shots.edition.language)

        # JupyterLab's File menu, with the way to the hub.
        open_menu(lab_tab, "jp-mainmenu-file")
        lab_tab.locator(".lm-Menu-item[data-command='hub:control-panel']").hover()
        shots.shoot(lab_tab, "hub-file-menu.png")
        lab_tab.keyboard.press("Escape")

        hub_pages(context, hub, shots)
        # What the learner's JupyterLab tab says once the server is stopped: it notices at
        # its next request to the server, such as a file list refresh (the refresh button's
        # command: a click would miss if its own polling has brought up the dialog already).
        lab_tab.bring_to_front()
        run_command(lab_tab, "filebrowser:refresh")
        lab_tab.wait_for_selector(".jp-Dialog", timeout=45_000)
        shots.shoot(lab_tab, "hub-lab-server-unavailable.png")
        context.close()
    except Exception as error:
        raise RuntimeError(f"the hub tour failed: {error}\nThe hub's log ends with:\n"
                           f"{hub.log_tail(40)}") from error
    finally:
        hub.stop()
        os.environ.pop("WORKSHOP_HUB_ADMINS", None)
        os.environ.pop("WORKSHOP_HUB_ADMIN_PASSWORD", None)
