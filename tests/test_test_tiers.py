"""Every test has a tier (tests/conftest.py), and a unit test cannot start a kernel, a browser
or a server. Shown on a scratch test folder holding a copy of the real conftest.py."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")
HEAVY = {  # what a unit test might try to start, and how the guard names it
    "a kernel": "from jupyter_client.manager import start_new_kernel\n    start_new_kernel()",
    "a browser": "from playwright.sync_api import sync_playwright\n"
                 "    with sync_playwright() as playwright:\n        playwright.chromium.launch()",
    "a server": "from workshop_kit.process import ServerProcess\n"
                "    ServerProcess(['true'], log=Path('x.log')).start()",
}


def run_pytest(folder: Path, tests: dict[str, str], *args) -> str:
    """pytest on `folder` (the real conftest.py and these test files); its output."""
    shutil.copy(CONFTEST, folder / "conftest.py")
    for name, code in tests.items():
        (folder / name).write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir",
                           str(folder), "-c", os.devnull, *args, str(folder)], cwd=folder,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})  # quicker
    return done.stdout + done.stderr


def test_a_test_module_with_no_tier_stops_the_run(tmp_path):
    said = run_pytest(tmp_path, {"test_something_new.py": "def test_one():\n    pass\n"})
    assert "tests with no tier: test_something_new.py" in said


def test_the_unit_tier_runs_unit_tests_and_refuses_heavy_ones(tmp_path):
    unit = "from pathlib import Path\n\n\ndef test_quick():\n    pass\n" + "".join(
        f"\n\ndef test_starts_{what.split()[-1]}():\n    {code}\n" for what, code in HEAVY.items())
    # A hub module is not even imported by the unit tier (its imports would cost seconds).
    hub = "import a_module_only_the_hub_tier_imports\n\n\ndef test_slow():\n    pass\n"
    said = run_pytest(tmp_path, {"test_sizing.py": unit, "test_hub_e2e.py": hub}, "-m", "unit")
    assert "3 failed, 1 passed in" in said and "a_module_only" not in said, said
    for what in HEAVY:
        assert (f"a unit test may not start {what}: give test_sizing.py::test_starts_{what.split()[-1]} "
                "another tier") in said
