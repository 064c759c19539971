"""The teacher's link command: one link per lesson, and one line for each mistake."""
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import links


def run_cli(*args):
    """The teacher's command, as installed in the workshop's environment."""
    command = Path(sys.executable).with_name("workshop-links")
    return subprocess.run([str(command), *args], capture_output=True, text=True)


def test_command_line_prints_a_lesson_link_that_nbgitpuller_reads():
    done = run_cli("--hub", "https://hub.example.org/", "--repo", "https://github.com/you/jupyterhub-workshop",
                   "--lesson", "02-notebook-basics")
    assert done.returncode == 0, done.stderr
    link = done.stdout.strip()
    assert link == links.nbgitpuller_link("https://hub.example.org", "https://github.com/you/jupyterhub-workshop",
                                          "main", "notebooks/02-notebook-basics.ipynb")


@pytest.mark.parametrize("args, message", [
    (("--hub", "https://hub.example.org/hub/login", "--repo", "https://github.com/you/w"), "hub"),
    (("--hub", "https://hub.example.org", "--repo", "https://github.com/you/w", "--lesson", "99"), "is not a lesson"),
    (("--repo", "https://github.com/you/w"), "--hub"),
    (("--hub", "not a url", "--repo", "https://github.com/you/w"), "not a"),
])
def test_command_line_explains_bad_input_in_one_line(args, message):
    done = run_cli(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: ") and message in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
