"""The locks make installs reproducible and tamper-evident. tools/lock.sh (uv pip compile
--generate-hashes) writes, from the lists of versions (environment.yml's `pip:` part, the
learners' set, and requirements/maintainers.in):

    requirements/learners.txt  the learners' set: Binder, a hub, WORKSHOP_SET=learners
    requirements/all.txt       both sets, at learners.txt's versions: the set-up, CI

each package at one version with the sha256 of its files, installed with
`pip install --no-deps --require-hashes -r`, which refuses a changed file and brings nothing
the lock does not name; `pip check` then refuses a lock that misses a dependency.

The locks are read here offline (no uv, no PyPI); the refusals are shown on a small package
made on the spot, with the same pip and options. CI's set-up proves the real lock on every
run (a wrong hash there stops tools/setup_and_build.sh).
"""
import base64
import hashlib
import re
import subprocess
import sys
import zipfile


from helpers.locks import (ALL, LEARNERS, LEARNERS_LIST, MAINTAINERS_LIST,
                          REQUIREMENTS, Pin, pinned, read_lock)
from workshop_kit.repo import ROOT



def test_every_locked_package_has_its_file_hashes():
    assert len(LEARNERS) > 100 and len(ALL) > len(LEARNERS)
    for name, pin in {**LEARNERS, **ALL}.items():
        assert re.fullmatch(r"[0-9A-Za-z.+!-]+", pin.version), name
        assert pin.hashes, f"{name} has no --hash"


def subset_problems(learners: dict[str, Pin], everything: dict[str, Pin]) -> list[str]:
    """What the learners' lock has that the full lock lacks or pins otherwise."""
    problems = []
    for name, pin in sorted(learners.items()):
        if name not in everything:
            problems.append(f"{name} is in learners.txt but not in all.txt: run tools/lock.sh")
        elif (everything[name].version, everything[name].hashes) != (pin.version, pin.hashes):
            problems.append(f"{name}: learners.txt has {pin.version}, all.txt {everything[name].version} "
                            "(or other files): run tools/lock.sh")
    return problems


def test_the_full_lock_holds_the_learners_lock_at_the_same_versions_and_files():
    assert not {"pytest", "jupyter-book", "hypothesis", "ruff"} & set(LEARNERS)
    assert subset_problems(LEARNERS, ALL) == []


def test_a_full_lock_that_drifted_from_the_learners_lock_is_caught():
    everything = dict(ALL)
    everything["numpy"] = everything["numpy"]._replace(version="2.4.5")
    everything["pandas"] = everything["pandas"]._replace(hashes=frozenset({"0" * 64}))
    del everything["nbgitpuller"]
    problems = " | ".join(subset_problems(LEARNERS, everything))
    assert "numpy: learners.txt has 2.4.6, all.txt 2.4.5" in problems
    assert "pandas: learners.txt has" in problems and "nbgitpuller is in learners.txt but not" in problems
    assert "matplotlib" not in problems


def pin_problems(pins: dict[str, str], locked: dict[str, Pin], lock_name: str) -> list[str]:
    """Names of a list that are not pinned exactly, or not locked at their pin."""
    problems = []
    for name, version in sorted(pins.items()):
        if not version:
            problems.append(f"{name} is not pinned with ==")
        elif name not in locked:
            problems.append(f"{name}=={version} is not in {lock_name}: run tools/lock.sh")
        elif locked[name].version != version:
            problems.append(f"{name}: the list says {version}, {lock_name} {locked[name].version}: "
                            "run tools/lock.sh")
    return problems


def test_every_name_in_the_lists_is_locked_at_its_version():
    learners, maintainers = pinned(LEARNERS_LIST), pinned(MAINTAINERS_LIST)
    assert {"numpy", "jupyterhub", "nbgitpuller", "pip", "setuptools"} <= set(learners)
    assert {"jupyter-book", "pytest"} <= set(maintainers) and not set(learners) & set(maintainers)
    assert pin_problems(learners, LEARNERS, "learners.txt") == []
    assert pin_problems(learners | maintainers, ALL, "all.txt") == []


def test_a_list_and_a_lock_that_disagree_are_caught():
    pins = pinned(["numpy==2.4.6", "pandas==3.1.1", "dask>=2026", "no-such-dist==1.0"])
    locked = {"numpy": Pin("2.4.5", True, frozenset()), "pandas": Pin("3.1.1", True, frozenset())}
    problems = " | ".join(pin_problems(pins, locked, "learners.txt"))
    assert "numpy: the list says 2.4.6, learners.txt 2.4.5" in problems
    assert "dask is not pinned" in problems and "no-such-dist==1.0 is not in learners.txt" in problems
    assert "pandas" not in problems


def test_the_setup_and_binder_install_only_the_locks_with_hashes():
    setup = (ROOT / "tools" / "setup_and_build.sh").read_text(encoding="utf-8")
    pips = re.findall(r"^\s*python -m pip (.*)$", setup, re.M)
    assert pips == ['install -q --no-deps --require-hashes -r "requirements/$SET.txt"', "check",
                    "install -q --no-deps --no-build-isolation -e ."], "only the lock brings packages"
    assert re.search(r"^SET=\$\{WORKSHOP_SET:-all\}$", setup, re.M) and {"learners", "all"} == {
        p.stem for p in REQUIREMENTS.glob("*.txt")}
    post_build = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert re.findall(r"^python (.*)$", post_build, re.M) == [
        "-m pip install --no-cache-dir --no-deps --require-hashes -r requirements/learners.txt"]


def test_pip_and_setuptools_come_from_the_lock_with_their_hashes():
    """Nothing the set-up installs is unhashed: the venv's pip is replaced by the locked one in
    the same install, and the toolkit is built with the locked setuptools (no isolated build
    fetching its own). Both are in the learners' lock, which every install starts from."""
    for name in ("pip", "setuptools"):
        assert LEARNERS[name].applies_here and LEARNERS[name].hashes, name
    build = re.search(r'requires = \["setuptools>=(\d+)"\]', (ROOT / "pyproject.toml").read_text())
    assert int(LEARNERS["setuptools"].version.split(".")[0]) >= int(build.group(1))


def wheel(folder, name="tinypkg", version="1.0", body="VALUE = 1\n", requires=()):
    """A minimal wheel, made by hand (no network, no build tools)."""
    path = folder / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + "".join(
        f"Requires-Dist: {r}\n" for r in requires)
    files = {f"{name}.py": body, f"{info}/METADATA": metadata,
             f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = []
    for file, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{file},sha256={digest},{len(text.encode())}")
    files[f"{info}/RECORD"] = "\n".join(record + [f"{info}/RECORD,,"]) + "\n"
    with zipfile.ZipFile(path, "w") as archive:
        for file, text in files.items():
            archive.writestr(file, text)
    return path


def pip(tmp_path, *args):
    """This pip acting on a throwaway venv in tmp_path (made without a pip of its own)."""
    venv = tmp_path / "venv"
    if not venv.exists():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    return subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), *args],
                          cwd=tmp_path, capture_output=True, text=True,
                          # No version check: with no network it only costs time.
                          env={"PIP_CONFIG_FILE": "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                               "PATH": "/usr/bin:/bin"})


def install(tmp_path, lock_text, *more):
    """What the set-up does with a lock, against a local index."""
    (tmp_path / "lock.txt").write_text(lock_text)
    return pip(tmp_path, "install", "--no-cache-dir", "--no-deps", "--require-hashes", "-r", "lock.txt",
               "--no-index", "--find-links", str(tmp_path / "index"), *more)


def locked_line(path) -> str:
    return f"{path.name.split('-')[0]}=={path.name.split('-')[1]} \\\n" \
           f"    --hash=sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}\n"


def test_pip_installs_the_locked_file_and_refuses_a_changed_one(tmp_path):
    (tmp_path / "index").mkdir()
    line = locked_line(wheel(tmp_path / "index"))
    assert read_lock(line)["tinypkg"].version == "1.0"
    done = install(tmp_path, line)
    assert done.returncode == 0, done.stderr
    assert "Successfully installed tinypkg-1.0" in done.stdout
    # someone replaces the file on the index: same name, same version, other content
    wheel(tmp_path / "index", body="VALUE = 'something else'\n")
    done = install(tmp_path, line, "--force-reinstall")
    assert done.returncode != 0 and "THESE PACKAGES DO NOT MATCH THE HASHES" in done.stderr


def test_a_lock_that_misses_a_dependency_installs_nothing_unnamed_and_pip_check_stops(tmp_path):
    (tmp_path / "index").mkdir()
    wheel(tmp_path / "index", name="helper")
    top = wheel(tmp_path / "index", requires=["helper"])
    done = install(tmp_path, locked_line(top))
    assert done.returncode == 0 and "helper" not in done.stdout, "--no-deps brings nothing unnamed"
    check = pip(tmp_path, "check")
    assert check.returncode != 0 and "tinypkg 1.0 requires helper, which is not installed." in check.stdout


def test_every_locked_package_runs_on_debian_12s_python():
    """The class hub's environment is made with Debian 12's own Python (3.11.2: every
    account may run it, book/hub-setup.md); a package that needs a newer one would stop the
    set-up there. tools/lock.sh resolves for that Python; this reads what each package says."""
    import importlib.metadata

    from packaging.specifiers import SpecifierSet
    too_new = []
    for name, pin in ALL.items():
        try:
            installed = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # test_environment_specs.py reports a package that is not installed
        if installed["Version"] != pin.version:
            continue  # ... and one installed at another version
        needs = installed.get("Requires-Python")
        if needs and "3.11.2" not in SpecifierSet(needs):
            too_new.append(f"{name}=={pin.version} needs Python {needs}")
    assert too_new == []
