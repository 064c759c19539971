"""A unit test cannot start a kernel, a browser or a server: shown on a scratch test folder
holding a copy of the unit tier's real conftest.py."""
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


def test_the_unit_tier_refuses_kernels_browsers_and_servers(tmp_path):
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_sizing.py").write_text(
        "from pathlib import Path\n\n\ndef test_quick():\n    pass\n" + "".join(
            f"\n\ndef test_starts_{what.split()[-1]}():\n    {code}\n" for what, code in HEAVY.items()),
        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir",
                           str(tmp_path), "-c", os.devnull, str(tmp_path)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})  # quicker
    said = done.stdout + done.stderr
    assert "3 failed, 1 passed in" in said, said
    for what in HEAVY:
        assert (f"a unit test may not start {what}: move test_sizing.py::test_starts_{what.split()[-1]} "
                "to tests/lessons, tests/site or tests/hub") in said
