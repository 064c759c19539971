"""Test harness for a real JupyterHub on 127.0.0.1, started from hub/jupyterhub_config.py.

Used by the hub tests, the screenshot command and the class benchmark (workshop_bench.hub_burst):

- githost: GitHost serves bare git repositories over HTTP the way a git host does.
- hub: Hub, the workshop hub with test-only settings layered on.
- student: Student does what a student's browser does (log in, follow an nbgitpuller link).
- server, kernel: StudentServer reaches a student's files and kernels as JupyterLab does.
- fixtures: one hub per test module, one git host and one workshop snapshot per session
  (a pytest plugin: tests/conftest.py names workshop_kit.hubharness.fixtures).

Everything is importable from here as before the split, e.g.
`from workshop_kit.hubharness import Hub, Student, StudentServer, GitHost, free_port`.
"""
from ..git import commit_all, git
from ..process import ENV_BIN, free_port, wait_until
from ..repo import HUB_CONFIG, ROOT
from ..snapshot import LAST_COMMIT, WORKING_TREE, take
from .fixtures import copy_files
from .githost import GitHost
from .hub import PASSWORD, SERVICE_SCOPES, Hub
from .kernel import Kernel
from .server import StudentServer
from .student import Student, tree_text


def copy_committed(paths, dest):
    """The named files as this checkout's last commit has them, straight into `dest`."""
    copy_files(paths, dest, take(LAST_COMMIT))


__all__ = ["ENV_BIN", "HUB_CONFIG", "LAST_COMMIT", "PASSWORD", "ROOT", "SERVICE_SCOPES",
           "WORKING_TREE", "GitHost", "Hub", "Kernel", "Student", "StudentServer", "commit_all",
           "copy_committed", "copy_files", "free_port", "git", "take", "tree_text", "wait_until"]
