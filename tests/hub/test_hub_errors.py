"""When something goes wrong in class, on a real hub: a click on the link that fails ends on
nbgitpuller's page saying what to do; a stuck server stops quickly from the admin page.

The hub is hub/jupyterhub_config.py with the test harness's settings (workshop_kit.hubharness);
its servers read hub/singleuser_config.py, which gives nbgitpuller's page the lines of
hub/templates/status.html. The workshop comes from a git host on 127.0.0.1.
"""
import re
import time
from html import unescape

import pytest
from playwright.sync_api import sync_playwright

from workshop import links
from workshop_kit.browser import launch_chromium
from workshop_kit.hubharness.hub import Hub
from helpers.student_server import StudentServer
from workshop_kit.hubharness.student import Student
from workshop_kit.process import wait_until

FOLDER = "jupyterhub-workshop"
REPAIR_EN = (f"run cd ~/{FOLDER}/notebooks && python3 -m workshop.repair, "
             "then click the link again")
REPAIR_ZH = f"執行 cd ~/{FOLDER}/zh-TW/notebooks && python3 -m workshop.repair --language zh-TW"


def text_of(page: str) -> str:
    """The page's words, as a student reads them (tags out, spaces folded)."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def link(hub, repo, path=None):
    return links.nbgitpuller_link(hub.url, repo, branch="main", path=path)


def test_a_lock_left_behind_ends_on_a_page_that_names_the_repair(hub, workshop_repo):
    student = Student(hub, "lena").login()
    lesson = link(hub, workshop_repo, "notebooks/02-notebook-basics.ipynb")
    assert student.click(lesson)["phase"] == "finished"
    (hub.home("lena") / FOLDER / ".git" / "index.lock").touch()

    failed = student.click(lesson)
    assert failed["phase"] == "error" and "index.lock" in failed["output"], failed["output"]
    words = text_of(failed["page"])
    assert REPAIR_EN in words
    assert "修復" not in words  # an English lesson: English only
    # In a browser, the line shows once nbgitpuller shows its error.
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            context = browser.new_context()
            context.add_cookies([{"name": c.name, "value": c.value, "url": hub.url}
                                 for c in student.session.cookies])
            page = context.new_page()
            page.goto(lesson)
            page.locator("#recovery-link a").wait_for(timeout=120_000)  # nbgitpuller: Error
            repair = page.locator("#workshop-repair")
            repair.wait_for(state="visible", timeout=10_000)
            assert REPAIR_EN in " ".join(repair.inner_text().split())
        finally:
            browser.close()


@pytest.mark.parametrize("path, english, chinese", [
    ("zh-TW/notebooks/02-notebook-basics.ipynb", False, True),
    (None, True, True),  # the whole workshop: no language to tell, so both
])
def test_the_repair_line_follows_the_lessons_language(hub, workshop_repo, path, english, chinese):
    words = text_of(Student(hub, "mei").login().click(link(hub, workshop_repo, path))["page"])
    assert (REPAIR_EN in words, REPAIR_ZH in words) == (english, chinese)


def test_a_full_home_folder_is_named_on_the_page(tmp_path, workshop_repo):
    """fiona's home is a small file system of its own (a tmpfs, seen only by this hub and
    its servers: a private mount namespace) that her own data file has filled."""
    home = tmp_path / "homes" / "fiona"
    home.mkdir(parents=True)
    hub = Hub(tmp_path, wrapper=["unshare", "--mount", "--propagation", "private", "--", "bash",
                                 "-c", 'mount -t tmpfs -o size=16m tmpfs "$0" && exec "$@"',
                                 str(home)]).start()
    try:
        student = Student(hub, "fiona").login()
        lesson = link(hub, workshop_repo, "notebooks/02-notebook-basics.ipynb")
        hub.api("POST", "/users/fiona/server")
        wait_until(lambda: hub.api("GET", "/users/fiona").json()["servers"][""]["ready"], 120,
                   "fiona's server")
        with StudentServer(hub, "fiona").kernel_for("data.ipynb") as kernel:
            filled = kernel.run("import shutil\nfree = shutil.disk_usage('.').free\n"
                                "open('big-data.bin', 'wb').write(bytes(free - 200_000))\n"
                                "print(shutil.disk_usage('.').free)")
        assert filled["error"] is None and int(filled["text"]) < 300_000, filled

        failed = student.click(lesson)
        assert failed["phase"] == "error", failed["output"]
        words = text_of(failed["page"])
        assert "Your home folder is full: 0.2 MB free. Nothing can be saved" in words
        assert "delete files you no longer need in the file browser" in words
        assert "家目錄已經滿了" not in words
    finally:
        hub.stop()
    assert not hub.left_running()


def test_a_stuck_server_stops_within_seconds_from_the_admin_page(hub):
    """A server that answers nothing (here: stopped with SIGSTOP) and the teacher clicks
    Stop Server on the admin page (the same REST call)."""
    Student(hub, "sam").login()
    hub.api("POST", "/users/sam/server")
    wait_until(lambda: hub.api("GET", "/users/sam").json()["servers"][""]["ready"], 120, "sam's server")
    server = next(p for p in hub.left_running() if "jupyterhub-singleuser" in " ".join(p.cmdline())
                  and p.environ().get("JUPYTERHUB_USER") == "sam")
    server.suspend()
    began = time.monotonic()
    hub.api("DELETE", "/users/sam/server")
    wait_until(lambda: not hub.api("GET", "/users/sam").json()["servers"], 60, "sam's server to stop")
    took = time.monotonic() - began
    print(f"a stuck server stopped {took:.1f} s after Stop Server")
    assert took < 12 and not server.is_running(), took
