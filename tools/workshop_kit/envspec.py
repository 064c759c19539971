"""environment.yml, the one list of what the workshop needs, read in one place.

    python tools/workshop_kit/envspec.py     # the `pip:` part, one requirement per line

tools/setup_and_build.sh and tools/lock.sh feed that output to pip, so the pip route and the
conda/Binder route read the same list. It runs before the toolkit is installed, as a plain
script; it needs only PyYAML, which the setup installs first (at the version in
requirements.lock).
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ENVIRONMENT = Path(__file__).resolve().parents[2] / "environment.yml"


def conda_and_pip(text: str) -> tuple[dict[str, str], list[str]]:
    """environment.yml's text -> ({conda package: version pin or ""}, [pip requirement lines])."""
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


def pip_requirements(text: str) -> list[str]:
    return conda_and_pip(text)[1]


if __name__ == "__main__":
    sys.stdout.write("\n".join(read()[1]) + "\n")
