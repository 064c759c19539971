"""The software lists cannot drift apart, nor fall behind what the lessons use.

environment.yml is the learners' list (conda's part, and its `pip:` part), and
requirements/maintainers.in the maintainers'; tools/lock.sh locks them into
requirements/learners.txt and all.txt (test_lock_hashes.py checks the locks against them).
tools/setup_and_build.sh installs a lock and R with IRkernel from apt; Binder builds
binder/environment.yml (a link to environment.yml), then installs learners.txt; conda users
create environment.yml. Each check below is a function that returns the problems in words,
run once on the real files and once on a broken copy, so it is known to bite.
"""
import functools
import importlib.metadata
import json
import importlib.util
import re
import subprocess
import sys

import yaml

from packaging.utils import canonicalize_name as normalize
from helpers.locks import ALL, LEARNERS_LIST, MAINTAINERS_LIST, pinned as pins
from workshop_kit.repo import LESSONS, LESSONS_DIR, ROOT
from workshop_kit import imports

ENVIRONMENT = ROOT / "environment.yml"
SETUP_SCRIPT = ROOT / "tools" / "setup_and_build.sh"
BINDER_DIR = ROOT / "binder"
# What binder/ may hold: the environment (the link), the step that installs the lock, and
# apt.txt for the one system package conda cannot give (the CJK font of the zh-TW figures),
# which must also be in the setup script's apt list (checked below). Any other file
# repo2docker reads (requirements.txt, runtime.txt, install.R, Dockerfile, ...) would be a
# second, untested list of software.
BINDER_FILES = {"environment.yml", "postBuild", "apt.txt"}


def apt_packages(script: str) -> set[str]:
    """The apt list in tools/setup_and_build.sh: `packages=(...)` and `packages+=(...)`."""
    return {p for group in re.findall(r"packages\+?=\(([^)]*)\)", script) for p in group.split()}


def conda_packages(text: str) -> dict[str, str]:
    """environment.yml's text -> {conda package: version pin or ""}."""
    found = {}
    for dep in yaml.safe_load(text)["dependencies"]:
        if isinstance(dep, str):
            name, _, version = dep.partition("=")
            found[name.strip()] = version
    return found


CONDA = conda_packages(ENVIRONMENT.read_text(encoding="utf-8"))
PIP, MAINTAINERS = LEARNERS_LIST, MAINTAINERS_LIST
# What the full lock installs on this machine (a universal lock also names, e.g., pywin32 for Windows).
LOCKED = {name: pin.version for name, pin in ALL.items() if pin.applies_here}


# (a) Every package a lesson or a workshop helper imports is in a spec.

# Which distribution provides each import name: reading every installed package's metadata
# takes half a second, and it does not change while the tests run.
installed_distributions = functools.cache(importlib.metadata.packages_distributions)


def imports_of_the_workshop() -> dict[str, set[str]]:
    """Import name -> the lessons and helpers that import it (standard library left out)."""
    where = {}
    for lesson in LESSONS:
        for name in imports.lesson_needs(lesson):
            where.setdefault(name, set()).add(lesson.name)
    for helper in sorted((LESSONS_DIR / "workshop").rglob("*.py")):  # helper packages too
        parts = helper.relative_to(LESSONS_DIR).with_suffix("").parts  # workshop/repair/fix.py: workshop.repair.fix
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for name in imports.third_party(imports.helper_imports(module)):
            where.setdefault(name, set()).add(helper.relative_to(LESSONS_DIR).as_posix())
    return where


def import_problems(imports: dict[str, set[str]], listed: set[str], distributions: dict) -> list[str]:
    """Imports that no package in `listed` (normalized names) provides."""
    problems = []
    for name, users in sorted(imports.items()):
        provided_by = distributions.get(name, [])
        if not provided_by:
            problems.append(f"{name} (imported by {', '.join(sorted(users))}) is not installed here, "
                            "and no spec provides it: add its package to environment.yml's pip: part")
        elif not any(normalize(d) in listed for d in provided_by):
            problems.append(f"{name} (package {provided_by[0]}, imported by {', '.join(sorted(users))}) "
                            "is in neither environment.yml nor the lock")
    return problems


def test_every_imported_package_is_in_the_specs():
    imports = imports_of_the_workshop()
    assert {"numpy", "rpy2", "distributed", "packaging"} <= set(imports), "the import parser lost lessons"
    listed = set(pins(PIP)) | set(LOCKED)
    assert import_problems(imports, listed, installed_distributions()) == []


def test_an_import_no_spec_provides_is_caught():
    distributions = installed_distributions()
    listed = (set(pins(PIP)) | set(LOCKED)) - {"networkx"}
    imports = {"networkx": {"01-x.ipynb"}, "no_such_module": {"99-y.ipynb"}, "numpy": {"02-z.ipynb"}}
    problems = " | ".join(import_problems(imports, listed, distributions))
    assert "networkx (package networkx, imported by 01-x.ipynb) is in neither" in problems
    assert "no_such_module (imported by 99-y.ipynb) is not installed here" in problems
    assert "numpy" not in problems


def test_magics_and_helpers_count_as_imports():
    code = "%load_ext rpy2.ipython\n!ls\nimport numpy as np\nfrom a.b import c\n"
    assert imports.imports_in_code(code) == {"rpy2.ipython", "numpy", "a.b", "a.b.c"}
    assert imports.imports_in_code("%%R -o x\nlibrary(stats)\nx <- 1") == set()
    assert imports.imports_in_code("from . import data", package="workshop") == {"workshop", "workshop.data"}
    # A lesson that uses workshop.cluster needs what cluster.py imports.
    assert "distributed" in imports.lesson_needs(LESSONS_DIR / "10-scaling-out-with-dask.ipynb")


# (b) Every kernel a lesson runs on is in the specs: conda for Binder, apt for the setup.

def kernel_problems(kernels: dict[str, set[str]], conda: dict, apt: set[str], python_packages: set[str]) -> list[str]:
    problems = []
    for kernel, lessons in sorted(kernels.items()):
        users = ", ".join(sorted(lessons))
        if kernel == "python3":
            if "python" not in conda:
                problems.append(f"python3 (used by {users}): environment.yml has no python")
            if "ipykernel" not in python_packages:
                problems.append(f"python3 (used by {users}): ipykernel is in no Python spec")
        elif kernel == "ir":
            if "r-irkernel" not in conda:
                problems.append(f"ir (used by {users}): environment.yml's conda part lacks r-irkernel (Binder, conda)")
            if "r-cran-irkernel" not in apt:
                problems.append(f"ir (used by {users}): tools/setup_and_build.sh's apt list lacks r-cran-irkernel")
        else:
            problems.append(f"{kernel} (used by {users}): no spec is known to provide this kernel")
    return problems


def kernels_of_the_lessons() -> dict[str, set[str]]:
    kernels = {}
    for lesson in LESSONS:
        name = json.loads(lesson.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]
        kernels.setdefault(name, set()).add(lesson.name)
    return kernels


def test_every_kernel_a_lesson_needs_is_in_the_specs():
    kernels = kernels_of_the_lessons()
    assert set(kernels) == {"python3", "ir"}
    apt = apt_packages(SETUP_SCRIPT.read_text(encoding="utf-8"))
    assert kernel_problems(kernels, CONDA, apt, set(LOCKED)) == []


def test_a_kernel_missing_from_a_spec_is_caught():
    kernels = {"ir": {"03-kernels-r.ipynb"}, "julia-1.10": {"12-julia.ipynb"}, "python3": {"02.ipynb"}}
    conda = {k: v for k, v in CONDA.items() if k != "r-irkernel"}
    apt = apt_packages(SETUP_SCRIPT.read_text(encoding="utf-8")) - {"r-cran-irkernel"}
    problems = " | ".join(kernel_problems(kernels, conda, apt, set(LOCKED)))
    assert "lacks r-irkernel" in problems and "lacks r-cran-irkernel" in problems
    assert "julia-1.10 (used by 12-julia.ipynb): no spec" in problems and "python3" not in problems


# (c) Binder builds exactly environment.yml.

def binder_problems(binder_dir, environment) -> list[str]:
    problems = []
    binder_env = binder_dir / "environment.yml"
    if not binder_env.is_file():
        problems.append("binder/environment.yml is missing: Binder would not build environment.yml")
    elif binder_env.read_bytes() != environment.read_bytes():
        problems.append("binder/environment.yml differs from environment.yml: make it the link "
                        "again (cd binder && ln -sf ../environment.yml environment.yml)")
    extra = sorted(p.name for p in binder_dir.iterdir() if p.name not in BINDER_FILES)
    if extra:
        problems.append(f"binder/ holds {', '.join(extra)}: a second list of software nothing tests")
    apt_txt = binder_dir / "apt.txt"
    if apt_txt.is_file():
        binder_apt = {line.split("#")[0].strip() for line in apt_txt.read_text().splitlines()} - {""}
        setup_apt = apt_packages(SETUP_SCRIPT.read_text(encoding="utf-8"))
        for package in sorted(binder_apt - setup_apt):
            problems.append(f"binder/apt.txt installs {package}, which tools/setup_and_build.sh "
                            "does not: CI never tests with it")
    return problems


def test_binder_builds_the_one_environment_file():
    assert (BINDER_DIR / "environment.yml").is_symlink()
    assert binder_problems(BINDER_DIR, ENVIRONMENT) == []


def test_a_binder_file_that_drifted_is_caught(tmp_path):
    (tmp_path / "environment.yml").write_text(ENVIRONMENT.read_text().replace("numpy==", "numpy>="))
    (tmp_path / "requirements.txt").write_text("numpy\n")
    (tmp_path / "apt.txt").write_text("fonts-noto-cjk\nfonts-arphic-ukai  # not in the setup script\n")
    problems = " | ".join(binder_problems(tmp_path, ENVIRONMENT))
    assert "differs from environment.yml" in problems and "holds requirements.txt" in problems
    assert "installs fonts-arphic-ukai" in problems and "fonts-noto-cjk" not in problems


def test_binder_installs_the_font_of_the_chinese_figures():
    """Binder runs the zh-TW lessons too: their figures need the font the setup installs."""
    assert "fonts-noto-cjk" in (BINDER_DIR / "apt.txt").read_text()
    assert "fonts-noto-cjk" in apt_packages(SETUP_SCRIPT.read_text(encoding="utf-8"))


# (d) The installed .venv is what the full lock says (requirements/all.txt).

def installed_problems(locked: dict[str, str], installed_version) -> list[str]:
    problems = []
    for name, version in sorted(locked.items()):
        try:
            found = installed_version(name)
        except importlib.metadata.PackageNotFoundError:
            found = None
        if found != version:
            problems.append(f"{name}: the lock says {version}, installed {found or 'nothing'}: "
                            "run tools/setup_and_build.sh")
    return problems


def test_the_installed_packages_match_the_lock():
    assert installed_problems(LOCKED, importlib.metadata.version) == []


def test_an_installed_package_the_lock_does_not_match_is_caught():
    locked = {"numpy": "2.4.5", "pandas": LOCKED["pandas"], "no-such-dist": "1.0"}
    problems = " | ".join(installed_problems(locked, importlib.metadata.version))
    assert "numpy: the lock says 2.4.5, installed 2.4.6" in problems
    assert "no-such-dist: the lock says 1.0, installed nothing" in problems and "pandas" not in problems


def test_the_conda_pins_are_what_the_setup_runs():
    """Binder gets python, R and IRkernel from conda; the tests run the apt/venv ones."""
    assert CONDA["python"] == f"{sys.version_info.major}.{sys.version_info.minor}"
    r_version = subprocess.run(["R", "--version"], capture_output=True, text=True, check=True).stdout
    assert re.match(r"R version (\d+\.\d+)", r_version).group(1) == CONDA["r-base"]
    irkernel = subprocess.run(["Rscript", "-e", 'cat(format(packageVersion("IRkernel")))'],
                              capture_output=True, text=True, check=True).stdout
    assert irkernel == CONDA["r-irkernel"]


# (e) Two sets from the one list: learners (Binder, hub admins) and maintainers (build, tests).
# What a set installs is followed through the installed packages' own requirements.

# Tools that are the maintainers' business however they arrive: a learner's server never needs them.
BUILD_AND_TEST_TOOLS = {"jupyter-book", "myst-nb", "sphinx", "pytest", "playwright",
                        "jupyter-repo2docker", "nbdime", "jieba"}
# pip's own tools: in every venv, whether or not a set needs them.
PIP_ITSELF = {"pip", "setuptools", "wheel"}


def installs(requirements: list[str], requires=None) -> set[str]:
    """Every distribution (normalized name) that installing `requirements` brings in."""
    from packaging.markers import default_environment
    from packaging.requirements import Requirement

    requires = requires or (lambda name: importlib.metadata.distribution(name).requires or [])
    extras_of: dict[str, set[str]] = {}
    todo = [Requirement(r) for r in requirements]
    while todo:
        requirement = todo.pop()
        name, extras = normalize(requirement.name), set(requirement.extras)
        if name in extras_of and extras <= extras_of[name]:
            continue
        extras_of[name] = extras_of.get(name, set()) | extras
        for line in requires(name):
            needed = Requirement(line)
            markers = [{**default_environment(), "extra": e} for e in (extras_of[name] or {""})]
            if needed.marker is None or any(needed.marker.evaluate(m) for m in markers):
                todo.append(needed)
    return set(extras_of)


def set_problems(learners: list[str], maintainers: list[str], locked: dict, requires=None) -> list[str]:
    problems = []
    both = set(pins(learners)) & set(pins(maintainers))
    if both:
        problems.append(f"{', '.join(sorted(both))} in both sets: keep each package in one")
    tools = installs(learners, requires) & BUILD_AND_TEST_TOOLS
    if tools:
        problems.append(f"the learners' set brings build or test tools: {', '.join(sorted(tools))}; "
                        "move what pulls them in to requirements/maintainers.in")
    everything = installs(learners + maintainers, requires) - PIP_ITSELF
    # (a set may name them, as the learners' names pip and setuptools, or not)
    missing, stale = everything - set(locked), set(locked) - everything - PIP_ITSELF
    if missing:
        problems.append(f"not in the lock: {', '.join(sorted(missing))}: run tools/lock.sh")
    if stale:
        problems.append(f"the lock holds what neither set installs: {', '.join(sorted(stale))}: "
                        "run tools/lock.sh")
    return problems


def test_the_two_sets_are_apart_and_the_lock_is_exactly_what_they_install():
    assert set_problems(PIP, MAINTAINERS, LOCKED) == []


def test_the_learners_set_alone_provides_every_import_of_the_lessons():
    learners = installs(PIP)
    assert {"numpy", "jupyterlab", "nbgitpuller", "distributed"} <= learners
    assert import_problems(imports_of_the_workshop(), learners,
                           installed_distributions()) == []


def test_sets_that_overlap_pull_in_tools_or_leave_the_lock_stale_are_caught():
    requires = {"lesson-lib": ["helper"], "helper": [], "jupyter-book": ["sphinx"], "sphinx": [],
                "pytest": [], "old-dep": []}.__getitem__
    learners = ["lesson-lib==1", "jupyter-book==1", "pytest==9"]
    maintainers = ["pytest==9"]
    locked = {"lesson-lib": "1", "jupyter-book": "1", "sphinx": "7", "pytest": "9", "old-dep": "2"}
    problems = " | ".join(set_problems(learners, maintainers, locked, requires))
    assert "pytest in both sets" in problems
    assert "brings build or test tools: jupyter-book, pytest, sphinx" in problems
    assert "not in the lock: helper" in problems
    assert "holds what neither set installs: old-dep" in problems
    # ... and a learner import that only the maintainers' set provides
    distributions = {"sphinx": ["Sphinx"]}
    problems = import_problems({"sphinx": {"12-docs.ipynb"}}, installs(["lesson-lib==1"], requires), distributions)
    assert problems and "sphinx (package Sphinx, imported by 12-docs.ipynb)" in problems[0]
