"""The hub tests' fixtures, registered by tests/conftest.py (`pytest_plugins`).

The workshop the students pull is the WORKING_TREE snapshot (workshop_kit.snapshot): the
same files the lesson and site tests check, uncommitted edits included.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ..snapshot import WORKING_TREE, Snapshot, take
from .githost import GitHost
from .hub import Hub


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """One workshop hub per test module; it stops (with its servers) when the module ends."""
    running = Hub(tmp_path_factory.mktemp("hub")).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def git_host(tmp_path_factory):
    host = GitHost(tmp_path_factory.mktemp("git-host"))
    try:
        yield host
    finally:
        host.close()


@pytest.fixture(scope="session")
def workshop_snapshot() -> Snapshot:
    """The workshop as the tests ship it: this checkout's working tree."""
    return take(WORKING_TREE)


@pytest.fixture(scope="session")
def workshop_repo(git_host, workshop_snapshot) -> str:
    """The workshop snapshot on the loopback git host, as branch main; its URL."""
    return git_host.publish(workshop_snapshot, "jupyterhub-workshop.git")


def copy_files(paths, dest: Path, snapshot: Snapshot):
    """Write the named files of a snapshot straight into `dest` (folders left out)."""
    for path in paths:
        target = Path(dest) / Path(path).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(snapshot.read(path))
