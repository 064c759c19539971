"""The code follows the project's rules: ruff (configured in pyproject.toml) finds nothing,
and no module reaches other code by editing sys.path (everything is installed with
`pip install -e .`)."""
import re
import subprocess
import sys
from pathlib import Path

from workshop_kit.repo import ROOT
from workshop_kit.snapshot import WORKING_TREE, take

RUFF = Path(sys.executable).with_name("ruff")
SYS_PATH_EDIT = re.compile(r"sys\.path\s*(\.\s*(insert|append|extend)\b|\[[^\]]*\]\s*=|\s*[+]?=)")


def test_ruff_finds_nothing():
    done = subprocess.run([str(RUFF), "check", "--output-format", "concise", "."], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# The usual edits, as examples the check must see: kept in a text file, so that no Python file
# of the workshop holds one and every one is checked.
USUAL_EDITS = Path(__file__).with_name("sys-path-edits.txt")


def python_files() -> list[str]:
    """Every Python file of the workshop."""
    return [name for name in take(WORKING_TREE).files() if name.endswith(".py")]


def test_no_module_edits_sys_path():
    edits = [f"{name}:{number}" for name in python_files()
             for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1)
             if SYS_PATH_EDIT.search(line)]
    assert edits == [], "use the installed packages (pip install -e .) instead of editing sys.path"


def test_the_sys_path_check_sees_the_usual_edits():
    edits = USUAL_EDITS.read_text(encoding="utf-8").splitlines()
    assert len(edits) == 4
    for edit in edits:
        assert SYS_PATH_EDIT.search(edit), edit
    assert not SYS_PATH_EDIT.search("print(sys.path)")
