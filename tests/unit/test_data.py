"""Every shipped data file is the one its README describes, and bad files get a clear message."""
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_kit.repo import DATA_DIR
from workshop import data

DATASETS = data.datasets()
README_SECTIONS = ["Files", "Source", "Producer", "License", "Citation",
                   "How it was prepared", "Checksums (sha256)"]


def test_every_data_folder_is_a_documented_dataset():
    folders = sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir())
    assert folders == DATASETS, "a folder in data/ has no README.md"
    assert len(DATASETS) >= 3


@pytest.mark.parametrize("dataset", DATASETS)
def test_readme_has_every_section(dataset):
    text = (DATA_DIR / dataset / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+?)\s*$", text, re.M)
    assert headings == README_SECTIONS
    assert len(data.citation(dataset)) > 40, "the citation is missing or too short to be useful"


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_file_is_listed_and_matches_its_checksum(dataset):
    listed = data.checksums(dataset)
    present = sorted(p.name for p in (DATA_DIR / dataset).iterdir() if p.name != "README.md")
    assert sorted(listed) == present, "files and checksum list differ"
    for name, expected in listed.items():
        assert data.sha256(DATA_DIR / dataset / name) == expected, f"{name} has changed"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A throwaway copy of one dataset, so a test can damage it."""
    shutil.copytree(DATA_DIR / "co2_mauna_loa", tmp_path / "co2_mauna_loa")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    return tmp_path / "co2_mauna_loa"


def test_a_corrupted_file_is_refused_with_a_way_to_restore_it(data_copy):
    with open(data_copy / "co2-mm-mlo.csv", "ab") as f:
        f.write(b"2026-07,2026.54,999.99,0,0,0,0\n")
    with pytest.raises(data.DataFileError, match=r"co2_mauna_loa/co2-mm-mlo.csv has changed.*"
                                                  r"click the workshop link again") as refused:
        data.path("co2_mauna_loa", "co2-mm-mlo.csv")
    # The workshop folder belongs to the link that made it: never send a learner to git there.
    assert "git" not in str(refused.value)


def test_a_missing_file_is_named(data_copy):
    (data_copy / "co2-mm-mlo.csv").unlink()
    with pytest.raises(data.DataFileError, match="co2-mm-mlo.csv is missing"):
        data.path("co2_mauna_loa", "co2-mm-mlo.csv")


def test_unknown_names_list_what_exists():
    with pytest.raises(data.DataFileError, match="co2_mauna_loa"):
        data.path("co2", "co2-mm-mlo.csv")
    with pytest.raises(data.DataFileError, match="co2-annmean-mlo.csv"):
        data.path("co2_mauna_loa", "co2.csv")


def test_an_intact_file_is_found_from_any_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found = data.path("co2_mauna_loa", "co2-mm-mlo.csv")
    assert found.is_file() and found.parent.name == "co2_mauna_loa"


def test_the_learner_package_knows_every_shipped_dataset():
    """data.SHIPPED (outside data/) must match the READMEs; after changing a dataset on
    purpose, put the fingerprint printed here into notebooks/workshop/data.py."""
    now = {dataset: data.fingerprint(data.checksums(dataset)) for dataset in DATASETS}
    assert data.SHIPPED == now, f"update data.SHIPPED to {now}"


def _as_another_user(call):
    """Run call() in a child process that has given up root (tests run as root, who may
    open anything), and return what it raised, as text, or 'no error'."""
    import os
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: become nobody, try, report, and leave without pytest's clean-up
        os.close(read_end)
        try:
            os.setgid(65534)
            os.setuid(65534)
            call()
            said = "no error"
        except BaseException as error:  # noqa: BLE001 (whatever happens is the test's answer)
            said = f"{type(error).__name__}: {error}"
        os.write(write_end, said.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        said = pipe.read().decode()
    os.waitpid(child, 0)
    return said


@pytest.mark.parametrize("helper", [lambda: data.path("co2_mauna_loa", "co2-mm-mlo.csv"),
                                    lambda: data.verify("co2_mauna_loa"),
                                    lambda: data.citation("co2_mauna_loa"),
                                    data.datasets])
def test_a_data_folder_nobody_may_open_gets_one_line(monkeypatch, helper):
    """Issue #21: chmod 000 on a dataset folder gave a PermissionError traceback."""
    import tempfile
    # Not pytest's tmp_path: its folders are root's alone, so the child could not reach it.
    top = Path(tempfile.mkdtemp(prefix="workshop-data-"))
    top.chmod(0o755)
    shutil.copytree(DATA_DIR / "co2_mauna_loa", top / "co2_mauna_loa")
    monkeypatch.setattr(data, "DATA_DIR", top)
    try:
        assert _as_another_user(helper) == "no error"  # the copy itself is fine for anyone
        (top / "co2_mauna_loa").chmod(0)
        said = _as_another_user(helper)
    finally:
        (top / "co2_mauna_loa").chmod(0o755)
        shutil.rmtree(top)
    assert said.startswith("DataFileError: data/"), said
    assert "cannot be opened here (Permission denied)" in said and "\n" not in said


@pytest.mark.parametrize("dataset, filename", [("x" * 100_000, "co2-mm-mlo.csv"),
                                               ("co2_mauna_loa", "x" * 100_000),
                                               ("co2_mauna_loa", "資料" * 50)])
def test_a_name_too_long_for_any_disk_gets_one_short_line(dataset, filename):
    """Issue #21: a 100,000-character name reached the disk and came back as OSError."""
    with pytest.raises(data.DataFileError, match="too long") as refused:
        data.path(dataset, filename)
    assert "\n" not in str(refused.value) and len(str(refused.value)) < 200


errors = st.sampled_from([PermissionError(13, "Permission denied"), IsADirectoryError(21, "Is a directory"),
                          OSError(5, "Input/output error"), OSError(36, "File name too long"),
                          TimeoutError(110, "Connection timed out"), OSError("no errno")])
doing = st.sampled_from(["stat", "read_bytes", "iterdir", "is_file", "is_dir"])


@given(errors, doing, st.sampled_from(["path", "verify", "citation", "checksums", "datasets"]))
def test_whatever_the_disk_refuses_each_helper_says_in_one_line(error, step, helper):
    """A disk, a network folder or a permission can fail any step; the learner gets one line."""
    arguments = {"path": ("co2_mauna_loa", "co2-mm-mlo.csv"), "datasets": ()}.get(helper, ("co2_mauna_loa",))

    def fail(*args, **kwargs):
        raise error

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, step, fail)
        try:
            getattr(data, helper)(*arguments)
        except data.DataFileError as problem:
            assert "\n" not in str(problem) and str(problem)
