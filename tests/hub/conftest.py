"""The hub tier: a real JupyterHub with nbgitpuller on 127.0.0.1 (workshop_kit.hubharness),
class mode with real accounts in a throwaway classroom (helpers.classroom), the Zero to
JupyterHub chart's own hub config, and Binder's builder.

The workshop the students pull is the WORKING_TREE snapshot (workshop_kit.snapshot): the
same files the lesson and site tests check, uncommitted edits included.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from helpers.classroom import MACHINE_FILES, PASSWORDS, Classroom
from workshop_kit.git import git
from workshop_kit.hubharness.githost import GitHost
from workshop_kit.hubharness.hub import Hub
from workshop_kit.repo import ROOT
from workshop_kit.snapshot import WORKING_TREE, Snapshot, take


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


@pytest.fixture(scope="module")
def machine_files():
    return {path: hashlib.sha256(Path(path).read_bytes()).hexdigest() for path in MACHINE_FILES}


@pytest.fixture(scope="module")
def room(tmp_path_factory, git_host, workshop_snapshot, machine_files):
    """The classroom, with the workshop cloned as the guide's step 1 does and a students file."""
    work = tmp_path_factory.mktemp("classroom")
    os.chmod(work, 0o755)
    repo_url = git_host.publish(workshop_snapshot, "jupyterhub-workshop.git")
    classroom = Classroom(work).start()
    clone = work / "opt-workshop"
    git("clone", "-q", repo_url, str(clone))
    (clone / ".venv").mkdir()
    classroom.run(f"""
        mount --bind {ROOT}/.venv {clone}/.venv
        mount --rbind {clone} {ROOT}
    """)
    classroom.repo_url, classroom.clone = repo_url, clone
    # Three students... the teacher first, and no line end after the last line.
    (work / "students.txt").write_text(
        "# the class of 2026\r\n" + "\r\n".join(f"{n}  {p}" for n, p in PASSWORDS.items()))
    try:
        yield classroom
    finally:
        classroom.stop()
        after = {path: hashlib.sha256(Path(path).read_bytes()).hexdigest() for path in MACHINE_FILES}
        assert after == machine_files, "the machine's own accounts changed"


