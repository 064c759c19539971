"""requirements.lock makes installs reproducible and tamper-evident: every package at one
version with the sha256 of its files, installed by the set-up and by Binder with
`pip install --require-hashes`, which refuses a changed file and any package the lock does
not name. pip's constraint files (-c) cannot carry hashes, so the lock is a requirements
file installed whole; environment.yml stays the one list (test_environment_specs.py checks
that the lock agrees with it).

The refusals are shown here on a small package made on the spot, offline, with the same pip
and the same options; CI's set-up proves the real lock on every run (a wrong hash there
stops tools/setup_and_build.sh).
"""
import base64
import hashlib
import re
import subprocess
import sys
import zipfile

from workshop_kit import lockfile
from workshop_kit.repo import ROOT

LOCK = (ROOT / "requirements.lock").read_text(encoding="utf-8")
INSTALL = "pip install --no-cache-dir --require-hashes -r requirements.lock"


def test_every_locked_package_has_its_file_hashes():
    entries = lockfile.entries(LOCK)
    assert len(entries) > 100
    for name, (version, hashes) in entries.items():
        assert re.fullmatch(r"[0-9A-Za-z.+!-]+", version), name
        assert hashes and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), name


def test_the_setup_and_binder_install_the_lock_with_hashes():
    setup = (ROOT / "tools" / "setup_and_build.sh").read_text(encoding="utf-8")
    installs = re.findall(r"^\s*python -m pip install (.*)$", setup, re.M)
    assert installs == ["-q --upgrade pip", "-q --require-hashes -r .venv/workshop-locked.txt",
                        "-q --no-deps -e ."], "only the lock brings packages from PyPI"
    assert 'lockfile.py select "$SET" requirements.lock > .venv/workshop-locked.txt' in setup
    post_build = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert re.findall(r"^python (.*)$", post_build, re.M) == [
        'tools/workshop_kit/lockfile.py select learners requirements.lock > "${TMPDIR:-/tmp}/workshop-locked.txt"',
        '-m pip install --no-cache-dir --require-hashes -r "${TMPDIR:-/tmp}/workshop-locked.txt"']


def test_the_learners_set_is_marked_in_the_lock_and_selected_with_its_hashes(tmp_path):
    learners_txt = subprocess.run([sys.executable, str(ROOT / "tools" / "workshop_kit" / "lockfile.py"),
                                   "select", "learners", str(ROOT / "requirements.lock")],
                                  capture_output=True, text=True, check=True).stdout
    learners = lockfile.entries(learners_txt)
    everything = lockfile.entries(LOCK)
    assert {"jupyterhub", "nbgitpuller", "numpy"} <= set(learners) < set(everything)
    assert not {"pytest", "jupyter-book", "hypothesis"} & set(learners)
    assert all(learners[name] == everything[name] for name in learners)


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


def install(tmp_path, lock_text):
    (tmp_path / "requirements.lock").write_text(lock_text)
    return subprocess.run([sys.executable, "-m", "pip", "install", "--no-cache-dir", "--require-hashes",
                           "-r", "requirements.lock", "--no-index", "--find-links", str(tmp_path / "index"),
                           "--target", str(tmp_path / "target")],
                          cwd=tmp_path, capture_output=True, text=True,
                          # No version check: with no network it only costs time.
                          env={"PIP_CONFIG_FILE": "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                               "PATH": "/usr/bin:/bin"})


def test_pip_installs_the_locked_file_and_refuses_a_changed_one(tmp_path):
    (tmp_path / "index").mkdir()
    good = wheel(tmp_path / "index")
    digest = hashlib.sha256(good.read_bytes()).hexdigest()
    line = f"tinypkg==1.0 \\\n    --hash=sha256:{digest}\n"
    assert lockfile.entries(line) == {"tinypkg": ("1.0", [digest])}
    done = install(tmp_path, line)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "target" / "tinypkg.py").read_text() == "VALUE = 1\n"
    # someone replaces the file on the index: same name, same version, other content
    wheel(tmp_path / "index", body="VALUE = 'something else'\n")
    done = install(tmp_path, line)
    assert done.returncode != 0 and "THESE PACKAGES DO NOT MATCH THE HASHES" in done.stderr


def test_pip_refuses_a_package_the_lock_does_not_name(tmp_path):
    (tmp_path / "index").mkdir()
    wheel(tmp_path / "index", name="helper")
    top = wheel(tmp_path / "index", requires=["helper"])
    line = f"tinypkg==1.0 --hash=sha256:{hashlib.sha256(top.read_bytes()).hexdigest()}\n"
    done = install(tmp_path, line)
    assert done.returncode != 0 and "all requirements must have their versions pinned" in done.stderr


def test_every_locked_package_runs_on_debian_12s_python():
    """The class hub's environment is made with Debian 12's own Python (3.11.2: every
    account may run it, book/hub-setup.md); a package that needs a newer one would stop the
    set-up there. tools/lock.sh resolves with that Python; this reads what each package says."""
    import importlib.metadata

    from packaging.specifiers import SpecifierSet
    too_new = []
    for name, (version, _) in lockfile.entries(LOCK).items():
        try:
            installed = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # test_environment_specs.py reports a package that is not installed
        if installed["Version"] != version:
            continue  # ... and one installed at another version
        needs = installed.get("Requires-Python")
        if needs and "3.11.2" not in SpecifierSet(needs):
            too_new.append(f"{name}=={version} needs Python {needs}")
    assert too_new == []
