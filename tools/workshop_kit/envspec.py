"""environment.yml, the one list of what the workshop needs, read in one place.

    python tools/workshop_kit/envspec.py [learners]    # the `pip:` part: what learners run
    python tools/workshop_kit/envspec.py maintainers   # `maintainers-pip:`: build and test tools
    python tools/workshop_kit/envspec.py all           # both

The list has two sets: the learners' (conda's `dependencies`, with its `pip:` part), which
Binder and hub admins install, and the maintainers' (`maintainers-pip:`, a section conda
skips). tools/setup_and_build.sh (all, or learners with WORKSHOP_SET=learners),
tools/lock.sh (all) and binder/postBuild (learners) feed this output to pip, so the pip
route and the conda/Binder route read the same list. It runs before the toolkit is
installed, as a plain script; it needs only PyYAML, which the setup installs first (at the
version in requirements.lock; on Binder the learners' set already has it).
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ENVIRONMENT = Path(__file__).resolve().parents[2] / "environment.yml"
SETS = ("learners", "maintainers", "all")
MAINTAINERS_KEY = "maintainers-pip"


def conda_and_pip(text: str) -> tuple[dict[str, str], list[str]]:
    """environment.yml's text -> ({conda package: version pin or ""}, [learners' pip lines])."""
    dependencies = yaml.safe_load(text)["dependencies"]
    conda = {}
    for dep in dependencies:
        if isinstance(dep, str):
            name, _, version = dep.partition("=")
            conda[name.strip()] = version.strip("= ")
    [pip] = [dep["pip"] for dep in dependencies if isinstance(dep, dict) and "pip" in dep]
    return conda, pip


def read(path: Path = ENVIRONMENT) -> tuple[dict[str, str], list[str]]:
    return conda_and_pip(Path(path).read_text(encoding="utf-8"))


def pip_requirements(text: str, which: str = "learners") -> list[str]:
    """The pip packages of one set ("learners", "maintainers") or of both ("all")."""
    if which not in SETS:
        raise ValueError(f"which set? one of {', '.join(SETS)}, not {which!r}")
    learners = conda_and_pip(text)[1] if which in ("learners", "all") else []
    maintainers = (yaml.safe_load(text).get(MAINTAINERS_KEY) or []) if which in ("maintainers", "all") else []
    return learners + maintainers


if __name__ == "__main__":
    chosen = sys.argv[1] if len(sys.argv) > 1 else "learners"  # what a hub admin needs
    if chosen not in SETS:
        sys.exit(f"envspec.py: say which set: {', '.join(SETS)} (not {chosen!r})")
    sys.stdout.write("\n".join(pip_requirements(ENVIRONMENT.read_text(encoding="utf-8"), chosen)) + "\n")
