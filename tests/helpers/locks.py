"""The lock files and the lists they are made from, read offline (no uv, no PyPI), for the
lock and environment tests (tests/unit/test_lock_hashes.py, test_environment_specs.py)."""
import re
from typing import NamedTuple

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from workshop_kit.repo import ROOT

REQUIREMENTS = ROOT / "requirements"
LEARNERS_LOCK, ALL_LOCK = REQUIREMENTS / "learners.txt", REQUIREMENTS / "all.txt"
MAINTAINERS_IN = REQUIREMENTS / "maintainers.in"


class Pin(NamedTuple):
    version: str
    applies_here: bool        # its environment marker (e.g. "sys_platform == 'win32'") holds here
    hashes: frozenset[str]


def read_lock(text: str) -> dict[str, Pin]:
    """A lock's text (pip's hash-checking format) -> {normalized name: Pin}."""
    found = {}
    for line in re.sub(r"\\\n", " ", text).splitlines():
        requirement, _, options = line.split("#")[0].partition(" --hash")
        if not requirement.strip():
            continue
        parsed = Requirement(requirement)
        [version] = [s.version for s in parsed.specifier if s.operator == "=="]
        hashes = re.findall(r"sha256:([0-9a-f]{64})\b", options)
        found[canonicalize_name(parsed.name)] = Pin(version, parsed.marker is None or parsed.marker.evaluate(),
                                                    frozenset(hashes))
    return found


def learners_list(text: str) -> list[str]:
    """environment.yml's text -> its `pip:` part: the learners' set."""
    [pip] = [dep["pip"] for dep in yaml.safe_load(text)["dependencies"] if isinstance(dep, dict)]
    return pip


def pinned(lines: list[str]) -> dict[str, str]:
    """Requirement lines -> {normalized name: the version each pins, or "" when it pins none}."""
    found = {}
    for line in lines:
        parsed = Requirement(line)
        versions = [s.version for s in parsed.specifier if s.operator == "=="]
        found[canonicalize_name(parsed.name)] = versions[0] if versions else ""
    return found


LEARNERS_LIST = learners_list((ROOT / "environment.yml").read_text(encoding="utf-8"))
MAINTAINERS_LIST = [line.split("#")[0].strip() for line in MAINTAINERS_IN.read_text(encoding="utf-8").splitlines()
                    if line.split("#")[0].strip()]
LEARNERS = read_lock(LEARNERS_LOCK.read_text(encoding="utf-8"))
ALL = read_lock(ALL_LOCK.read_text(encoding="utf-8"))
