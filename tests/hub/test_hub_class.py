"""Class mode proven with real accounts, by the guide's own commands (book/hub-setup.md).

Everything runs in a throwaway classroom (helpers.classroom): a private mount namespace
whose /etc, /home, /var/log and /var/mail are copies, so useradd, chpasswd, PAM and the hub
see real accounts while the machine's own are never touched (checked at the end). The
workshop at /opt/workshop is, inside, a fresh clone of this working tree bound over this
checkout (its .venv kept), so commands that write into the workshop write into the clone.

The guide's blocks marked `<!-- test: NAME -->` run as written, with three substitutions:
/opt/workshop is this checkout's path, the example repository is the loopback git host,
MACHINE is 127.0.0.1 and a free port. Test-only settings (ports, a 1-minute idle time, the
state folder) are added to /etc/workshop-hub.env, the file the guide keeps them in.
"""
from __future__ import annotations

import html
import json
import re
import shlex
import threading
import time
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import sync_playwright

from helpers.classroom import (PASSWORDS, Classroom, Seat, guide, hub_answers, own_server, running_as, uid_of,
                               write_settings)
from workshop_hub import auth
from workshop_kit.browser import launch_chromium
from helpers.kernel import Kernel
from workshop_kit.hubharness.student import Student
from workshop_kit.process import free_port, wait_until
from workshop_kit.repo import LESSONS_DIR, ROOT

EXAMPLE_REPO = "https://github.com/YOUR-ACCOUNT/jupyterhub-workshop"
FOLDER = "jupyterhub-workshop"
IDLE_MINUTES = 2
# A server's processes are gone a few seconds after it decides to stop (its extensions shut
# down first); on a busy 2-core machine that took up to half a minute.
EXIT_SECONDS = 30


@pytest.fixture(scope="module")
def class_hub(room):
    """Steps 2 and 3 of the guide: accounts, the Python check, the settings, the hub in tmux."""
    made = room.run(f"cd {room.workdir} && " + guide("accounts"))
    room.made_accounts = made.stdout
    write_settings(room, WORKSHOP_HUB_IDLE_MINUTES=IDLE_MINUTES)
    log = room.workdir / "varlog" / "workshop-hub.log"
    check = room.run(guide("python-check"), check=False)
    room.python_blocked = check.returncode != 0
    if room.python_blocked:
        # This machine's Python lives under /root (pyenv): the hub must refuse, in one line.
        room.run(guide("start-tmux"))
        wait_until(lambda: "The hub did not start" in (log.read_text() if log.exists() else ""),
                   60, "the hub's refusal")
        room.refusal = log.read_text().strip().splitlines()[-1]
        room.run("tmux kill-server || true")
        room.open_root_folder()  # what WORKSHOP_PYTHON=/usr/bin/python3 gives a teacher
        check = room.run(guide("python-check"))
    room.python_check = check.stdout.strip()
    room.run(guide("start-tmux"))

    wait_until(lambda: hub_answers(room.hub_url), 120,
               f"the class hub to answer; its log:\n{log.read_text() if log.exists() else ''}")
    return room


@pytest.fixture(scope="module")
def link(class_hub):
    """Step 4: set the class and make the link, as the guide says."""
    done = class_hub.run(guide("set-class", **{EXAMPLE_REPO: class_hub.repo_url,
                                              "http://MACHINE:8000": class_hub.hub_url}))
    lines = done.stdout.strip().splitlines()
    class_hub.set_class_output = "\n".join(lines[:-1])
    return lines[-1]


def test_class_mode_uses_the_machines_accounts_and_has_no_password(class_hub):
    """The file as the hub reads it in class mode: PAM for one group, no password at all."""
    show = ("from traitlets.config.loader import PyFileConfigLoader as L; import json; "
            f"c = L('{ROOT}/hub/jupyterhub_config.py').load_config(); "
            "print(json.dumps({k: {n: str(v) for n, v in s.items()} for k, s in c.items()}))")
    loaded = class_hub.run(f"set -a; . /etc/workshop-hub.env; {ROOT}/.venv/bin/python -c {shlex.quote(show)}")
    config = json.loads(loaded.stdout)
    assert config["JupyterHub"]["authenticator_class"] == "<class 'workshop_hub.auth.ClassAuthenticator'>"
    assert config["JupyterHub"]["spawner_class"] == "localprocess"
    assert config["LocalAuthenticator"]["allowed_groups"] == "{'workshop'}"
    assert config["Authenticator"]["admin_users"] == "{'teacher'}"
    assert config["Spawner"]["default_url"] == "/lab"
    assert "password" not in loaded.stdout.lower()


def test_accounts_are_made_from_a_file_without_a_final_line_end(class_hub):
    made = class_hub.made_accounts
    for name in PASSWORDS:
        assert f"created {name}: home /home/{name} (private, 700), group workshop" in made
    assert made.strip().endswith("3 created, 0 skipped.")
    group = (class_hub.workdir / "etc" / "group").read_text()
    members = re.search(r"^workshop:x:\d+:(.*)$", group, re.M).group(1).split(",")
    # (the sign-in tests add students of their own, maybe before this test: tests run in any order)
    assert set(PASSWORDS) <= set(members) and set(members) - set(PASSWORDS) <= {"dora", "erin"}
    for name in PASSWORDS:
        home = class_hub.workdir / "home" / name
        assert home.stat().st_mode & 0o777 == 0o700 and home.stat().st_uid == uid_of(class_hub, name)


def test_the_python_check_and_the_hub_refusing_a_python_students_cannot_run(class_hub):
    assert class_hub.python_check == "ok"
    if class_hub.python_blocked:
        assert class_hub.refusal == ("The hub did not start: Students cannot run the workshop's "
                                     "Python: /root is closed to them, so every sign-in would fail. "
                                     "Install the workshop where everyone may read it, with a Python "
                                     "everyone can run (book/hub-setup.md, step 1).")


@pytest.fixture(scope="module")
def amy(class_hub, link):
    """A member signs in (typing her name with a capital) and clicks the link."""
    student = Student(Seat(class_hub.hub_url, PASSWORDS["amy"]), "Amy").login()
    student.name = "amy"
    return student, student.click(link)


@pytest.fixture(scope="module")
def amy_checked(class_hub, amy):
    """amy runs the Welcome lesson's environment check, then closes everything."""
    server = own_server(amy[0])
    lesson = f"{FOLDER}/notebooks/00-welcome.ipynb"
    cells = ["".join(c["source"]) for c in server.notebook(lesson)["cells"]
             if c["cell_type"] == "code" and "preflight" in "".join(c["source"])]
    with Kernel(server, lesson, "python3") as kernel:
        said = [kernel.run(code) for code in cells]
        who = kernel.run("import os; print(os.getuid(), os.environ['JUPYTERHUB_USER'])")["text"]
    return {"said": said, "who": who, "last_use": time.monotonic(),
            "stopped": watch_until_gone(uid_of(class_hub, "amy"))}


def watch_until_gone(uid: int) -> dict:
    """Notes, in the background, when the last process of `uid` is gone."""
    seen = {}

    def watch():
        while running_as(uid):
            time.sleep(1)
        seen["at"] = time.monotonic()
    threading.Thread(target=watch, daemon=True).start()
    return seen


@pytest.fixture(scope="module")
def ben(class_hub, link):
    """ben signs in, tries to read amy's home from his kernel, then leaves JupyterLab open in
    a browser tab (until the module ends)."""
    student = Student(Seat(class_hub.hub_url, PASSWORDS["ben"]), "ben").login()
    assert student.click(link)["phase"] == "finished"
    with Kernel(own_server(student), f"{FOLDER}/notebooks/00-welcome.ipynb", "python3") as kernel:
        tried = kernel.run("import os\ntry:\n    print(os.listdir('/home/amy'))\n"
                           "except PermissionError as e:\n    print('refused', e.errno)")
    last_use = time.monotonic()
    playwright, browser = open_lab_tab(class_hub.hub_url, student)
    try:
        yield {"student": student, "tried": tried, "last_use": last_use}
    finally:
        browser.close()
        playwright.stop()


def open_lab_tab(hub_url: str, student: Student):
    playwright = sync_playwright().start()
    browser = launch_chromium(playwright)
    context = browser.new_context()
    context.add_cookies([{"name": c.name, "value": c.value, "url": hub_url}
                         for c in student.session.cookies])
    tab = context.new_page()
    tab.goto(f"{hub_url}/user/{student.name}/lab")
    tab.wait_for_selector("#jp-main-dock-panel", timeout=120_000)
    return playwright, browser


def test_a_member_logs_in_through_the_link_and_the_lessons_are_theirs(class_hub, link, amy):
    assert urlsplit(link).netloc == urlsplit(class_hub.hub_url).netloc
    pull = amy[1]
    assert pull["phase"] == "finished", pull["output"]
    assert pull["opens"] == f"/user/amy/lab/tree/{FOLDER}/notebooks/00-welcome.ipynb"
    home = class_hub.workdir / "home" / "amy"
    lessons = sorted((home / FOLDER / "notebooks").glob("*.ipynb"))
    assert [p.name for p in lessons] == [p.name for p in sorted(LESSONS_DIR.glob("*.ipynb"))]
    assert {p.stat().st_uid for p in (home / FOLDER).rglob("*")} == {uid_of(class_hub, "amy")}


def test_the_welcome_check_is_all_ok_in_the_students_server(class_hub, amy_checked):
    said = amy_checked["said"]
    text = "".join(s["text"] for s in said)
    assert [s["error"] for s in said] == [None] * len(said)
    assert "You are on a JupyterHub" in text
    totals = re.findall(r"^-> (.*)$", text, re.M)
    assert len(totals) == 3 and all(t.startswith("all ") and t.endswith(" ok") for t in totals), text
    assert amy_checked["who"].split() == [str(uid_of(class_hub, "amy")), "amy"]


def test_another_student_cannot_read_that_home(ben):
    assert ben["tried"]["text"].strip() == "refused 13"


def sign_in(hub_url: str, name: str, password: str) -> dict:
    """The login form as a browser sends it; what the student sees, and how long it took.
    A server is not started: the answer to a right password is the redirect to it."""
    session = requests.Session()
    page = session.get(f"{hub_url}/hub/login", timeout=30)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
    began = time.monotonic()
    answer = session.post(f"{hub_url}/hub/login", timeout=60, allow_redirects=False, data={
        "username": name, "password": password, "_xsrf": html.unescape(xsrf)})
    signed_in = answer.status_code == 302 and "/hub/login" not in answer.headers["Location"]
    return {"status": answer.status_code, "signed_in": signed_in,
            "seconds": time.monotonic() - began,
            # the page says <meta charset="utf-8">, as a browser reads it (its header does not)
            "page": html.unescape(re.sub(r"\s+", " ", answer.content.decode("utf-8")))}


def hub_log(room: Classroom) -> str:
    return (room.workdir / "varlog" / "workshop-hub.log").read_text(errors="replace")


def test_a_stranger_learns_nothing_from_the_login_page(class_hub):
    """A right password for an account outside the class (root, or anyone) gets the very
    answer a wrong one gets, after the same wait; the hub's log tells the teacher which."""
    class_hub.run("useradd --create-home carl && echo 'carl:carl-pass-3456' | chpasswd")
    right = sign_in(class_hub.hub_url, "carl", "carl-pass-3456")
    wrong = sign_in(class_hub.hub_url, "carl", "not-his-password")
    for answer in (right, wrong):
        assert answer["status"] == 403 and "Invalid username or password" in answer["page"]
        assert "not in this class" not in answer["page"] and "password is right" not in answer["page"]
        assert answer["seconds"] >= auth.FAILED_SECONDS
    assert abs(right["seconds"] - wrong["seconds"]) < 1.5, (right["seconds"], wrong["seconds"])
    assert ("'carl' typed the right password but is not in the class (group workshop): "
            "refused as a wrong password") in hub_log(class_hub)
    assert not running_as(uid_of(class_hub, "carl"))


def test_a_name_that_failed_too_often_waits(class_hub):
    """After a few wrong passwords for one name, even the right one must wait; other
    students are not stopped."""
    class_hub.run("useradd --create-home --groups workshop erin && echo 'erin:erin-pass-1234' | chpasswd")
    for attempt in range(auth.NAME_FAILURES):
        assert sign_in(class_hub.hub_url, "erin", f"guess-{attempt}")["status"] == 403
    waiting = sign_in(class_hub.hub_url, "erin", "erin-pass-1234")
    assert waiting["status"] == 429 and not waiting["signed_in"]
    assert re.search(r"Too many failed sign-ins for this name or from this computer\. Wait [1-5] "
                     r"minute\(s\) and try again, or ask your teacher\.", waiting["page"])
    assert "這個帳號或這台電腦登入失敗太多次了。" in waiting["page"]
    assert sign_in(class_hub.hub_url, "ben", PASSWORDS["ben"])["signed_in"]


def test_a_password_in_chinese_and_a_reset_password(class_hub):
    """A student who forgot her password gets a new one, in Chinese, by the guide's
    command; a wrong attempt in Chinese is only wrong."""
    students = class_hub.workdir / "dora.txt"
    students.write_text("dora dora-pass-7890\n", encoding="utf-8")
    made = class_hub.run(f"{ROOT}/.venv/bin/workshop-accounts {students}")
    assert "created dora" in made.stdout
    assert sign_in(class_hub.hub_url, "dora", "dora-pass-7890")["signed_in"]
    students.write_text("dora 台灣地震2018密碼\n", encoding="utf-8")
    again = class_hub.run(f"{ROOT}/.venv/bin/workshop-accounts {students}")
    assert "its password unchanged (to set it from this line: --reset dora)" in again.stdout
    assert not sign_in(class_hub.hub_url, "dora", "台灣地震2018密碼")["signed_in"]
    reset = class_hub.run(f"{ROOT}/.venv/bin/workshop-accounts --reset dora {students}")
    assert reset.stdout.splitlines() == ["password reset for dora (line 1)", "1 reset, 0 skipped."]
    assert sign_in(class_hub.hub_url, "dora", "台灣地震2018密碼")["signed_in"]
    wrong = sign_in(class_hub.hub_url, "dora", "台灣地震2018密码")
    assert wrong["status"] == 403 and "Invalid username or password" in wrong["page"]
    assert not sign_in(class_hub.hub_url, "dora", "dora-pass-7890")["signed_in"]


def test_the_hub_warns_when_passwords_travel_in_plain_http(class_hub):
    warning = [line for line in hub_log(class_hub).splitlines() if "plain HTTP" in line]
    assert warning and all(line.endswith(
        "Students' passwords travel over plain HTTP on http://:"
        f"{urlsplit(class_hub.hub_url).port}: anyone on the network can read them. Serve HTTPS "
        "through a web server in front of the hub (book/hub-setup.md, HTTPS).") for line in warning)


def test_a_second_hub_runs_beside_the_first(class_hub):
    """Another class on the same machine: its own port, internal ports, folder and group."""
    port = free_port()
    class_hub.run(f"""
        groupadd class2
        tmux new-session -d -s second-hub "WORKSHOP_HUB_BIND_URL=http://:{port} \\
          WORKSHOP_HUB_PROXY_API_PORT={free_port()} WORKSHOP_HUB_INTERNAL_PORT={free_port()} \\
          WORKSHOP_HUB_STATE_DIR={class_hub.workdir}/hub-2 WORKSHOP_HUB_GROUP=class2 \\
          {ROOT}/.venv/bin/jupyterhub -f {ROOT}/hub/jupyterhub_config.py > {class_hub.workdir}/hub-2.log 2>&1"
    """)

    wait_until(lambda: hub_answers(f"http://127.0.0.1:{port}"), 120, "the second hub")
    assert requests.get(f"{class_hub.hub_url}/hub/api/", timeout=5).status_code == 200
    class_hub.run("tmux kill-session -t second-hub")


def test_the_hubs_database_and_secrets_are_private(class_hub):
    state = class_hub.workdir / "hub-state"
    assert state.stat().st_mode & 0o777 == 0o700
    for name in ("jupyterhub.sqlite", "jupyterhub_cookie_secret"):
        assert (state / name).stat().st_mode & 0o777 == 0o600


def test_try_out_mode_as_the_guide_says(class_hub, link):
    """As the teacher's normal account, in the teacher's own clone: refuses root, keeps all
    its state in the git-ignored .hub-tryout, private."""
    block = guide("tryout", **{EXAMPLE_REPO: class_hub.repo_url})
    clone_line = next(line for line in block.splitlines() if line.startswith("git clone"))
    start = block[block.index("WORKSHOP_HUB_TRYOUT=1"):]
    class_hub.run(f"runuser -u teacher -- bash -c {shlex.quote(clone_line)}")
    workshop = "/home/teacher/workshop"
    # (the clone's set-up is the one this checkout already ran: its .venv)
    class_hub.run(f"mkdir {workshop}/.venv && mount --bind {ROOT}/.venv {workshop}/.venv")
    as_root = class_hub.run(f"cd {workshop} && {start}", check=False)
    assert as_root.returncode == 1 and as_root.stderr.strip() == (
        "The hub did not start: Try-out mode runs every server as you, and servers refuse to "
        "run as root: start it as your normal user, without sudo.")
    port = free_port()
    ports = (f"WORKSHOP_HUB_BIND_URL=http://127.0.0.1:{port} WORKSHOP_HUB_PROXY_API_PORT={free_port()} "
             f"WORKSHOP_HUB_INTERNAL_PORT={free_port()}")
    command = f"cd ~/workshop && export {ports} && {start} > ~/tryout.log 2>&1"
    as_teacher = f"runuser -u teacher -- bash -c {shlex.quote(command)}"
    class_hub.run(f"tmux new-session -d -s tryout {shlex.quote(as_teacher)}")
    url = f"http://127.0.0.1:{port}"

    wait_until(lambda: hub_answers(url), 120, "the try-out hub")
    password = re.search(r"WORKSHOP_HUB_PASSWORD='([^']+)'", start).group(1)
    visitor = Student(Seat(url, password), "visitor").login()
    links_command = f"cd {ROOT} && .venv/bin/workshop-links --hub {url} --lesson 02-notebook-basics"
    tryout_link = class_hub.run(links_command).stdout.strip()
    assert visitor.click(tryout_link)["phase"] == "finished"
    state = class_hub.workdir / "home" / "teacher" / "workshop" / ".hub-tryout"
    teacher = uid_of(class_hub, "teacher")
    assert (state / "homes" / "visitor" / FOLDER / "notebooks").is_dir()
    assert state.stat().st_mode & 0o777 == 0o700 and state.stat().st_uid == teacher
    for name in ("jupyterhub.sqlite", "jupyterhub_cookie_secret"):
        assert (state / name).stat().st_mode & 0o777 == 0o600
    status = class_hub.run(f"runuser -u teacher -- git -C {workshop} status --porcelain --ignored")
    assert status.stdout.split() == ["!!", ".hub-tryout/", "!!", ".venv/"] or \
        status.stdout.split() == ["!!", ".hub-tryout/"], status.stdout
    class_hub.run("tmux kill-session -t tryout")


def test_an_idle_server_stops_and_an_open_tab_keeps_its_server(class_hub, amy_checked, ben):
    """amy closed everything after the Welcome check; ben has kept JupyterLab open in a tab
    since his last use."""
    wait_until(lambda: "at" in amy_checked["stopped"],
               max(1.0, amy_checked["last_use"] + IDLE_MINUTES * 60 + EXIT_SECONDS - time.monotonic()),
               f"amy's idle server to stop within {IDLE_MINUTES} minute(s)")
    # ben's server would have stopped by now without the open tab
    time.sleep(max(0.0, ben["last_use"] + IDLE_MINUTES * 60 + 15 - time.monotonic()))
    assert running_as(uid_of(class_hub, "ben")), "ben's server stopped although his tab was open"
    assert amy_checked["stopped"]["at"] - amy_checked["last_use"] <= IDLE_MINUTES * 60 + EXIT_SECONDS
    assert (class_hub.workdir / "home" / "amy" / FOLDER / "notebooks").is_dir(), "files stay"
