"""A restart of the hub (after changing a setting) does not stop the class.

With real accounts, as tests/hub/test_hub_class.py does (a throwaway classroom: a private mount
namespace; its `room` fixture is reused): the hub starts in tmux by the guide's own block,
a student works in JupyterLab with a variable in her kernel, and the teacher restarts the
hub the way the guide says (its restart-tmux block, then the start-tmux block again); her
open tab never loses her server. Then in try-out mode, with the test harness: the next start
uses the proxy the hub left running again (or replaces it when its ports changed), and the
tests' teardown still stops everything.
"""
import signal
import threading
import time
from urllib.parse import urlsplit

import psutil
import pytest
import requests

from helpers.classroom import (PASSWORDS, Seat, guide, hub_answers, own_server, running_as, start_hub,
                            uid_of, write_settings)
from workshop_kit.hubharness.hub import Hub
from helpers.kernel import Kernel
from helpers.student_server import StudentServer
from workshop_kit.hubharness.student import Student
from workshop_kit.process import free_port, wait_until

# The throwaway classroom of the class-mode tests, with the workshop at /opt/workshop.

NOTEBOOK = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def hub_log(room) -> str:
    log = room.workdir / "varlog" / "workshop-hub.log"
    return log.read_text(errors="replace") if log.exists() else ""


def watch_reaching(server) -> list:
    """Asks the student's server for news every 0.2 s in the background, as an open tab
    does; the answers so far as (time, reached) pairs."""
    seen = []

    def watch():
        while len(seen) < 3000:  # (10 minutes at most)
            try:
                server.request("GET", "/status", timeout=5)
                seen.append((time.monotonic(), True))
            except requests.RequestException:
                seen.append((time.monotonic(), False))
            time.sleep(0.2)
    threading.Thread(target=watch, daemon=True).start()
    return seen


def longest_gap(seen: list) -> float:
    """The longest time from a first unanswered request to the next answered one."""
    longest, failing_since = 0.0, None
    for at, ok in list(seen):
        if not ok and failing_since is None:
            failing_since = at
        elif ok and failing_since is not None:
            longest, failing_since = max(longest, at - failing_since), None
    return longest


@pytest.fixture(scope="module")
def class_hub(room):
    """Steps 2 and 3 of the guide: the accounts, the settings, the hub in tmux."""
    room.run(f"cd {room.workdir} && " + guide("accounts"))
    write_settings(room)
    start_hub(room, f"; its log:\n{hub_log(room)}")
    return room


def test_students_servers_kernels_and_logins_outlive_a_restart_of_the_hub(class_hub):
    url, uid = class_hub.hub_url, uid_of(class_hub, "amy")
    amy = Student(Seat(url, PASSWORDS["amy"]), "amy").login()
    wait_until(lambda: urlsplit(amy.session.get(f"{url}/hub/", timeout=60).url).path == "/user/amy/lab",
               120, "amy's JupyterLab", interval=0.5)
    server = own_server(amy)
    server.save_notebook("notes.ipynb", NOTEBOOK)
    started = server.request("GET", "/status").json()["started"]
    # Her server's own process (short-lived helpers it starts come and go on their own).
    processes = {p.pid for p in running_as(uid)
                 if any("jupyterhub-singleuser" in part for part in p.info["cmdline"] or [])}
    assert processes, "amy's server process was not found"
    with Kernel(server, "notes.ipynb", "python3") as kernel:
        assert kernel.run("answer = 6 * 7")["error"] is None
        kernel.channel.close()  # the tab loses its connection while the proxy is replaced

        reached = watch_reaching(server)
        class_hub.run(guide("restart-tmux"))  # the teacher stops the hub and waits
        assert running_as(uid), "amy's server stopped with the hub"
        # While the hub is away, her tab still reaches her server: a save works.
        server.save_text("saved-while-away.txt", "the hub was restarting")

        restarted = time.monotonic()
        class_hub.run(guide("start-tmux"))
        wait_until(lambda: hub_answers(url), 120, f"the hub to answer again; its log:\n{hub_log(class_hub)}")
        answered = time.monotonic()
        print(f"the hub answered again {answered - restarted:.1f} s after its start")
        wait_until(lambda: any(at > answered and ok for at, ok in reached), 60, "a tab's request")
        assert longest_gap(reached) == 0, f"her tab lost her server for {longest_gap(reached):.1f} s"
        kernel.connect()
        assert kernel.run("print(answer)")["text"] == "42\n"

    assert server.request("GET", "/status").json()["started"] == started, "a new server"
    assert processes <= {p.pid for p in running_as(uid)}
    # Her browser's cookie still opens her files, and saving works as before.
    page = amy.session.get(f"{url}/user/amy/api/contents/notes.ipynb", timeout=60)
    assert page.status_code == 200 and page.json()["type"] == "notebook", page.url
    server.save_notebook("notes.ipynb", {**NOTEBOOK, "metadata": {"saved": "after the restart"}})
    assert server.notebook("notes.ipynb")["metadata"] == {"saved": "after the restart"}
    # The hub's stop messages reach the log the guide keeps (written by the hub itself, not
    # through a pipe that the Ctrl+C would have ended first).
    log = hub_log(class_hub)
    assert "Received signal SIGINT" in log and "Leaving single-user servers running" in log


def test_the_next_start_uses_the_proxy_again_and_the_tests_stop_everything(tmp_path):
    hub = Hub(tmp_path).start()
    try:
        Student(hub, "pat").login()
        hub.api("POST", "/users/pat/server")
        wait_until(lambda: hub.api("GET", "/users/pat").json()["servers"][""]["ready"], 120,
                   "pat's server")
        started = StudentServer(hub, "pat").request("GET", "/status").json()["started"]
        proxy = [p for p in hub.processes() if p.pid != hub.process.pid]
        hub.process.send_signal(signal.SIGTERM)
        hub.process.wait(timeout=60)
        assert proxy and all(p.is_running() for p in proxy), "the proxy stopped with the hub"

        hub.start()
        assert all(p.is_running() for p in proxy), "the next start did not use the proxy again"
        assert "Using the proxy of the hub's last run again" in hub.log_tail(300)
        assert StudentServer(hub, "pat").request("GET", "/status").json()["started"] == started

        # A restart with another proxy port (a changed setting) replaces the proxy instead.
        hub.process.send_signal(signal.SIGTERM)
        hub.process.wait(timeout=60)
        hub.proxy_api_port = free_port()
        hub.start()
        assert not psutil.wait_procs(proxy, timeout=30)[1], "the old proxy still runs"
        assert "Stopped proxy at pid" in hub.log_tail(300)
        assert StudentServer(hub, "pat").request("GET", "/status").json()["started"] == started
    finally:
        hub.stop()
    assert not hub.left_running(), "the tests' teardown left processes running"


def test_a_student_added_during_the_class_signs_in_without_a_restart(class_hub):
    (class_hub.workdir / "late.txt").write_text("dan  dan-pass-3456\n")
    class_hub.run(f"cd {class_hub.workdir} && " + guide("accounts").replace("students.txt", "late.txt"))
    Student(Seat(class_hub.hub_url, "dan-pass-3456"), "dan").login()
