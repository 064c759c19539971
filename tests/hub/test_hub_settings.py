"""The hub refuses to start with one clear line when a setting is wrong, instead of a
traceback or a hub that starts and then fails every student.

The rules are checked on workshop_hub.settings (hub/settings.py) directly (any value, property-based),
and through the real `jupyterhub -f hub/jupyterhub_config.py` for what a teacher sees.
Class mode with a real group and real accounts: tests/hub/test_hub_class.py.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_hub import settings as hubsettings
from workshop_hub.settings import SettingsError
from workshop_kit.repo import HUB_CONFIG, ROOT

TRYOUT = {"WORKSHOP_HUB_TRYOUT": "1", "WORKSHOP_HUB_PASSWORD": "a-long-password"}
AS_USER = 1000


def read(environ, euid=AS_USER):
    return hubsettings.read(environ, repo=ROOT, euid=euid)


@pytest.mark.parametrize("environ, words", [
    ({"WORKSHOP_HUB_TRYOUT": "true"}, "WORKSHOP_HUB_TRYOUT='true' is not one of 0, 1."),
    ({"WORKSHOP_HUB_TRYOUT": "yes"}, "is not one of 0, 1"),
    ({**TRYOUT, "WORKSHOP_HUB_IDLE_MINUTES": "ten"}, "WORKSHOP_HUB_IDLE_MINUTES='ten' should be a whole number"),
    ({**TRYOUT, "WORKSHOP_HUB_IDLE_MINUTES": "1.5"}, "whole number of minutes"),
    ({**TRYOUT, "WORKSHOP_HUB_IDLE_MINUTES": "1"}, "2 or more"),
    ({**TRYOUT, "WORKSHOP_HUB_ADMIN_PASSWORD": "short"}, "has 5 characters; it needs at least 32"),
    ({**TRYOUT, "WORKSHOP_HUB_PASSWORD": "short"}, "at least 8 characters"),
    ({**TRYOUT, "WORKSHOP_HUB_BIND_URL": "http://:8000"}, "try-out mode listens on this computer only"),
    ({**TRYOUT, "WORKSHOP_HUB_BIND_URL": "http://0.0.0.0:8000"}, "this computer only"),
    ({**TRYOUT, "WORKSHOP_HUB_BIND_URL": "http://192.168.1.5:8000"}, "this computer only"),
    ({**TRYOUT, "WORKSHOP_HUB_BIND_URL": "127.0.0.1:8000"}, "should look like http://:8000"),
    ({**TRYOUT, "WORKSHOP_HUB_BIND_URL": "http://127.0.0.1：8000"}, "should look like http://:8000"),
    ({"WORKSHOP_HUB_BIND_URL": "http://：8000"}, "should look like http://:8000"),
    ({**TRYOUT, "WORKSHOP_HUB_PROXY_API_PORT": "80a"}, "is not a port number"),
    ({**TRYOUT, "WORKSHOP_HUB_INTERNAL_PORT": "8000"}, "three different ports"),
    ({**TRYOUT, "WORKSHOP_HUB_ADMINS": "Teacher"}, "'Teacher' is not an account name"),
    ({**TRYOUT, "WORKSHOP_HUB_SSL_CERT": "/etc/hostname"}, "does not serve HTTPS itself"),
])
def test_a_wrong_setting_is_one_clear_line(environ, words):
    with pytest.raises(SettingsError) as problem:
        read(environ)
    assert words in str(problem.value) and "\n" not in str(problem.value)


@pytest.mark.parametrize("folder", ["/", "/tmp", "/home", "/var/lib", "/root", "/etc"])
def test_a_folder_others_use_is_never_the_state_folder(folder):
    """Made private (0700) by the hub running as root, it would lock everyone else out."""
    assert hubsettings.not_the_hubs_own(Path(folder), euid=0) == "a folder others use"


def test_the_state_folder_is_new_or_the_hubs_own(tmp_path):
    new = tmp_path / "hub-state"
    hubsettings.prepare_state_dir(new)
    hubsettings.prepare_state_dir(new)  # the next start: it holds the hub's files
    assert new.stat().st_mode & 0o777 == 0o700
    (tmp_path / "notes.txt").write_text("a teacher's notes")
    os.chmod(tmp_path, 0o755)
    with pytest.raises(SettingsError) as problem:
        hubsettings.prepare_state_dir(tmp_path)
    assert str(problem.value) == (
        f"WORKSHOP_HUB_STATE_DIR={tmp_path} is not the hub's own folder (it holds other files), and "
        "the hub would make it private to itself: give it a new folder, e.g. /var/lib/workshop-hub.")
    assert tmp_path.stat().st_mode & 0o777 == 0o755
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    os.chown(theirs, 4242, -1)
    with pytest.raises(SettingsError, match=r"\(it belongs to another account \(uid 4242\)\)"):
        hubsettings.prepare_state_dir(theirs, euid=0)
    assert theirs.stat().st_mode & 0o777 == 0o755


def test_try_out_as_root_is_refused_unless_tests_ask_for_it():
    with pytest.raises(SettingsError, match="servers refuse to run as root: start it as your normal user"):
        read(TRYOUT, euid=0)
    assert read({**TRYOUT, "WORKSHOP_HUB_ALLOW_ROOT": "1"}, euid=0).allow_root


def test_class_mode_needs_root_and_a_group_that_exists():
    with pytest.raises(SettingsError, match="Class mode must run as root"):
        read({})
    with pytest.raises(SettingsError, match="The group 'no-such-class' does not exist"):
        read({"WORKSHOP_HUB_GROUP": "no-such-class"}, euid=0)
    with pytest.raises(SettingsError, match="root cannot use the hub"):
        read({"WORKSHOP_HUB_GROUP": "root", "WORKSHOP_HUB_ADMINS": "root"}, euid=0)


def test_the_defaults_and_a_second_hub_on_the_same_machine():
    first = read(TRYOUT)
    assert (first.bind_url, first.proxy_api_port, first.hub_port) == ("http://127.0.0.1:8000", 8001, 8081)
    assert first.state_dir == ROOT / ".hub-tryout"
    second = read({**TRYOUT, "WORKSHOP_HUB_BIND_URL": "http://127.0.0.1:8100",
                   "WORKSHOP_HUB_PROXY_API_PORT": "8101", "WORKSHOP_HUB_INTERNAL_PORT": "8181",
                   "WORKSHOP_HUB_STATE_DIR": "/tmp/second-hub"})
    assert (second.proxy_api_port, second.hub_port, second.state_dir) == (8101, 8181, Path("/tmp/second-hub"))


@pytest.mark.parametrize("minutes", [2, 3, 10, 30])
def test_an_idle_server_stops_within_the_minutes(minutes):
    """The server checks once a minute (jupyter_server's fixed tick): stopping when idle for
    (minutes - 1), its kernels gone by then, keeps the whole wait within the minutes; and its
    own wait is longer than JupyterLab's few seconds between questions (an open tab)."""
    settings = read({**TRYOUT, "WORKSHOP_HUB_IDLE_MINUTES": str(minutes)})
    args = dict(a.lstrip("-").split("=") for a in settings.idle_arguments)
    server = int(args["ServerApp.shutdown_no_activity_timeout"])
    kernels = int(args["MappingKernelManager.cull_idle_timeout"]) + int(args["MappingKernelManager.cull_interval"])
    assert max(server, kernels) + 60 <= 60 * minutes  # the next tick after both have run out
    assert server >= 60 and int(args["MappingKernelManager.cull_idle_timeout"]) > 0


def test_students_must_be_able_to_run_the_python(request):
    import tempfile
    top = Path(tempfile.mkdtemp(dir="/tmp"))  # every folder above it open to all
    os.chmod(top, 0o755)
    request.addfinalizer(lambda: shutil.rmtree(top))
    private = top / "home-of-admin"
    (private / "venv" / "bin").mkdir(parents=True)
    (private / "venv" / "bin" / "python").write_text("")
    os.chmod(private / "venv" / "bin" / "python", 0o755)
    for folder in (private, private / "venv", private / "venv" / "bin"):
        os.chmod(folder, 0o755)
    assert hubsettings.blocked_folder([private / "venv" / "bin" / "python"], gid=None) is None
    os.chmod(private, 0o700)
    assert hubsettings.blocked_folder([private / "venv" / "bin" / "python"], gid=None) == private
    os.chmod(private, 0o750)
    os.chown(private, -1, 4242)
    assert hubsettings.blocked_folder([private / "venv" / "bin" / "python"], gid=4242) is None


values = st.one_of(st.text(max_size=12), st.sampled_from(["0", "1", "", " 1 ", "8000", "http://:8000",
                                                          "http://127.0.0.1:8100", "ten", "-1", "65536"]))
names = st.sampled_from(["WORKSHOP_HUB_TRYOUT", "WORKSHOP_HUB_BIND_URL", "WORKSHOP_HUB_PROXY_API_PORT",
                         "WORKSHOP_HUB_INTERNAL_PORT", "WORKSHOP_HUB_IDLE_MINUTES", "WORKSHOP_HUB_ADMINS",
                         "WORKSHOP_HUB_GROUP", "WORKSHOP_HUB_PASSWORD", "WORKSHOP_HUB_ADMIN_PASSWORD",
                         "WORKSHOP_HUB_ALLOW_ROOT", "WORKSHOP_HUB_SSL_CERT"])


@given(st.dictionaries(names, values), st.sampled_from([0, AS_USER]))
def test_any_settings_start_the_hub_or_give_one_line(environ, euid):
    try:
        read(environ, euid)
    except SettingsError as problem:
        assert str(problem) and "\n" not in str(problem)


def start_hub(environ, cwd):
    """The teacher's command, with only WORKSHOP_HUB_* from `environ`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WORKSHOP_HUB_")}
    return subprocess.run([str(Path(sys.executable).with_name("jupyterhub")), "-f", str(HUB_CONFIG)],
                          env={**clean, **environ}, cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("environ, words", [
    ({"WORKSHOP_HUB_TRYOUT": "true"}, "WORKSHOP_HUB_TRYOUT='true' is not one of 0, 1."),
    ({**TRYOUT, "WORKSHOP_HUB_ALLOW_ROOT": "1", "WORKSHOP_HUB_IDLE_MINUTES": "ten"}, "should be a whole number"),
    # the proxy would fail with a traceback ("--ssl-* is not supported yet")
    ({**TRYOUT, "WORKSHOP_HUB_ALLOW_ROOT": "1", "WORKSHOP_HUB_SSL_CERT": "/etc/hostname",
      "WORKSHOP_HUB_SSL_KEY": "/etc/hostname"},
     "Let a web server in front of the hub do it (book/hub-setup.md, HTTPS)."),
])
def test_the_teacher_sees_one_line_and_no_traceback(environ, words, tmp_path):
    done = start_hub({**environ, "WORKSHOP_HUB_STATE_DIR": str(tmp_path / "state")}, tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("The hub did not start: ") and words in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "state").exists()


def test_a_shared_state_folder_stops_the_hub_and_stays_open(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    os.chmod(shared, 0o777)
    (shared / "class-photos").mkdir()
    done = start_hub({**TRYOUT, "WORKSHOP_HUB_ALLOW_ROOT": "1", "WORKSHOP_HUB_STATE_DIR": str(shared)},
                     tmp_path)
    assert done.returncode == 1 and done.stderr == (
        f"The hub did not start: WORKSHOP_HUB_STATE_DIR={shared} is not the hub's own folder (it "
        "holds other files), and the hub would make it private to itself: give it a new folder, "
        "e.g. /var/lib/workshop-hub.\n")
    assert shared.stat().st_mode & 0o777 == 0o777 and os.listdir(shared) == ["class-photos"]


def test_a_closed_terminal_stops_the_hub_cleanly(tmp_path):
    """SIGHUP (the terminal closed) stops the hub as Ctrl+C does, cleanly and alone: its
    proxy keeps running for the students' open tabs, as in a restart (test_hub_restart.py)."""
    import psutil
    import signal

    from workshop_kit.hubharness.hub import Hub
    hub = Hub(tmp_path).start()
    try:
        proxy = [p for p in hub.processes() if p.pid != hub.process.pid]
        assert proxy, "the hub started no proxy"
        hub.process.send_signal(signal.SIGHUP)
        hub.process.wait(timeout=60)
        assert all(p.is_running() for p in proxy), "the proxy stopped with the hub"
        assert "Received signal SIGTERM" in hub.log_tail(200)
        assert "Leaving proxy running" in hub.log_tail(200)
    finally:
        hub.stop()
    assert not psutil.wait_procs(proxy, timeout=30)[1], "the tests' teardown left the proxy"




# Run in a fresh Python: workshop_kit cannot be imported there, as on a hub that has only
# hub/ and the learners' set.
WITHOUT_TOOLKIT = """
import importlib.abc, sys
class NoToolkit(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "workshop_kit":
            raise ModuleNotFoundError(f"No module named {name!r} (not installed on this hub)")
sys.meta_path.insert(0, NoToolkit())
from traitlets.config.loader import PyFileConfigLoader
config = PyFileConfigLoader(sys.argv[1]).load_config()
print(config.JupyterHub.authenticator_class.__name__)
"""


def test_the_hub_config_loads_without_the_toolkit(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WORKSHOP_HUB_")}
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_TOOLKIT, str(HUB_CONFIG)], cwd=tmp_path, capture_output=True,
        text=True, timeout=120, env={**clean, **TRYOUT, "WORKSHOP_HUB_ALLOW_ROOT": "1",
                                     "WORKSHOP_HUB_STATE_DIR": str(tmp_path / "state")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "TryoutAuthenticator"
