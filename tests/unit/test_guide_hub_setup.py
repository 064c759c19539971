"""The teacher's hub guide (book/hub-setup.md) agrees with what it describes: the sizing
calculator lesson 11 uses, the shipped systemd unit, and every setting the hub reads.
(Its commands themselves are run by tests/hub/test_hub_class.py.)"""
import re
import shutil
import subprocess

from workshop import sizing
from workshop_kit.repo import HUB_CONFIG, ROOT

GUIDE = (ROOT / "book" / "hub-setup.md").read_text(encoding="utf-8")
UNIT = ROOT / "hub" / "workshop-hub.service"


def test_one_sizing_figure_from_lesson_11s_calculator():
    figure = re.search(r"For (\d+) students working at once, lesson 11's\s+\[sizing calculator\].*?"
                       r"gives \*\*([\d.]+) GB of\s+memory and (\d+) CPUs: a (\d+) GB machine\*\*", GUIDE, re.S)
    assert figure, "the guide's sizing sentence is missing"
    users, memory, cpus, machine = figure.groups()
    need = sizing.estimate(users=int(users), memory_per_user_gb=1, active_fraction=1)
    assert (float(memory), int(cpus), int(machine)) == (round(need.memory_gb, 1), need.whole_cpus,
                                                        sizing.machine_gb(need.memory_gb))
    assert len(re.findall(r"\d+ (?:cores|CPUs)", GUIDE)) == 1, "one figure, not several"


def verify(unit_text: str, tmp_path):
    unit = tmp_path / "workshop-hub.service"
    unit.write_text(unit_text)
    return subprocess.run([shutil.which("systemd-analyze") or "systemd-analyze", "verify", str(unit)],
                          capture_output=True, text=True)


def test_the_shipped_systemd_unit_verifies(tmp_path):
    """systemd-analyze checks the file and that ExecStart is a program (here: this checkout)."""
    text = UNIT.read_text(encoding="utf-8")
    assert "ExecStart=/opt/workshop/.venv/bin/jupyterhub -f /opt/workshop/hub/jupyterhub_config.py" in text
    done = verify(text.replace("/opt/workshop", str(ROOT)), tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    broken = verify(text.replace("/opt/workshop", "/nowhere").replace("KillMode=mixed", "KillMode=gently"), tmp_path)
    assert broken.returncode != 0 and "/nowhere/.venv/bin/jupyterhub is not executable" in broken.stderr
    assert "EnvironmentFile=-/etc/workshop-hub.env" in text and "StateDirectoryMode=0700" in text


def test_every_setting_the_hub_reads_is_in_the_guide():
    read = set(re.findall(r"WORKSHOP_HUB_[A-Z_]+", (ROOT / "hub" / "settings.py").read_text()))
    documented = set(re.findall(r"WORKSHOP_HUB_[A-Z_]+", HUB_CONFIG.read_text()))
    in_guide = set(re.findall(r"WORKSHOP_HUB_[A-Z_]+", GUIDE))
    assert read == documented
    test_only = {"WORKSHOP_HUB_ALLOW_ROOT"}
    assert read - test_only <= in_guide, read - test_only - in_guide


def test_the_guides_commands_that_the_class_test_runs_are_marked():
    marked = re.findall(r"<!-- test: ([\w-]+) -->\n```bash\n", GUIDE)
    assert marked == ["install", "accounts", "python-check", "settings", "start-tmux", "restart-tmux", "set-class",
                      "self-signed", "tryout"]
