"""What Binder would build, read from repo2docker's plan, with no Docker engine needed.

`repo2docker --no-build --debug DIR` prints the Dockerfile it would build from DIR. It runs
here on the WORKING_TREE snapshot (workshop_kit.snapshot: what a commit made now would
hold, symlinks kept as links), so a stray ignored file cannot change the plan. It proves
which files Binder reads and which steps it takes; it does not prove that conda and pip can
resolve and download the packages: only a real Binder build does that.
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import repo2docker
import yaml

from workshop_kit.repo import ROOT
from workshop_kit.snapshot import WORKING_TREE, take
from workshop_kit import classconfig
from workshop_kit.set_class import BADGE_LINE, readme_with_badge

REPO2DOCKER = Path(sys.executable).with_name("repo2docker")


def plan(repo: Path) -> str:
    """repo2docker's Dockerfile and log for `repo`; run inside it so nothing else is read."""
    done = subprocess.run([str(REPO2DOCKER), "--no-build", "--debug", "."], cwd=repo,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout + done.stderr


def plan_problems(text: str) -> list[str]:
    """What is wrong with a plan, in words; empty when Binder builds what the workshop needs."""
    problems = []
    if "Building conda environment for python=3.11" not in text:
        problems.append("not a conda build for Python 3.11")
    if 'env update -p ${NB_PYTHON_PREFIX} --file "binder/environment.yml"' not in text:
        problems.append("binder/environment.yml is not the environment file installed")
    if not re.search(r"install -p \$\{NB_PYTHON_PREFIX\} r-base=4\.2 r-irkernel", text):
        problems.append("no R 4.2 with IRkernel in the notebook environment")
    if "IRkernel::installspec(prefix='${NB_PYTHON_PREFIX}')" not in text:
        problems.append("the R kernel (ir) is not registered with Jupyter")
    if "RUN ./binder/postBuild" not in text:
        problems.append("binder/postBuild (which installs requirements/learners.txt) does not run")
    # binder/apt.txt: the CJK font of the zh-TW lessons' figures, and nothing else.
    if not re.search(r"apt-get install --yes --no-install-recommends fonts-noto-cjk &&", text):
        problems.append("binder/apt.txt's font (fonts-noto-cjk) is not installed")
    for other in ("requirements.txt", "install.R", "runtime.txt", "Project.toml"):
        if other in text:
            problems.append(f"the plan also reads {other}, a list of software nothing tests")
    return problems


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory) -> Path:
    return take(WORKING_TREE).export(tmp_path_factory.mktemp("repo"))


def test_binder_builds_python_3_11_r_and_irkernel_from_binder_environment_yml(repo_copy):
    assert (repo_copy / "binder" / "environment.yml").is_symlink(), "the copy lost the link"
    text = plan(repo_copy)
    assert plan_problems(text) == []
    # repo2docker read the link's target: the pins it found are environment.yml's.
    assert "COPY --chown=0:0 src/binder/environment.yml ${REPO_DIR}/binder/environment.yml" in text


def test_a_plan_without_the_binder_spec_is_caught(repo_copy, tmp_path):
    """The check bites: without binder/ repo2docker silently falls back to other files."""
    broken = tmp_path / "broken"
    shutil.copytree(repo_copy, broken, symlinks=True)
    shutil.rmtree(broken / "binder")
    environment = (broken / "environment.yml").read_text(encoding="utf-8")
    (broken / "environment.yml").write_text(
        environment.replace("python=3.11", "python=3.12").replace("  - r-irkernel=1.3.2\n", ""))
    (broken / "requirements.txt").write_text("numpy\n")
    problems = " | ".join(plan_problems(plan(broken)))
    for expected in ("Python 3.11", "binder/environment.yml", "postBuild", "fonts-noto-cjk"):
        assert expected in problems


def test_nodejs_in_environment_yml_costs_binder_nothing(repo_copy):
    """Binder does not build the website, so it does not need npm. environment.yml keeps
    nodejs for conda users who build the site; repo2docker's own base environment already
    has a nodejs of the same major version, so on Binder the pin changes nothing."""
    assert "conda-2fenvironment-2epy-2d3-2e11-2dlinux-2d64-2elock" in plan(repo_copy)
    base_lock = Path(repo2docker.__file__).parent / "buildpacks/conda/environment.py-3.11-linux-64.lock"
    [base_nodejs] = re.findall(r"/nodejs-(\d+)\.", base_lock.read_text(encoding="utf-8"))
    conda = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))["dependencies"]
    assert f"nodejs={base_nodejs}" in conda


def test_readme_has_the_class_binder_badge_or_its_stand_in():
    """The badge goes right under the title; until the class is set, an invisible comment
    holds its place (no badge pointing at a placeholder)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_with_badge(readme, classconfig.read(ROOT)) == readme
    lines = readme.splitlines()
    assert lines[0].startswith("# ") and BADGE_LINE.match(lines[2])
