"""The environment check in lesson 00 finds what is missing and says what to do, in words."""
import shutil

import pytest

from workshop import data, preflight

NO_SUCH_PACKAGE = "no_such_package_for_the_workshop"


@pytest.fixture
def not_on_a_hub(monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_API_URL", raising=False)


@pytest.fixture
def on_a_hub(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://hub.example:8081/hub/api")


def test_everything_the_workshop_needs_is_here():
    for rows in (preflight.check_packages(), preflight.check_kernels(), preflight.check_data()):
        assert rows and all(row.status.startswith("ok") for row in rows), rows


@pytest.mark.parametrize("version, shown", [
    ("2.4.6", "2.4"), ("2026.8.0", "2026.8"), ("1.3.0rc1", "1.3"), ("7", "7"),
])
def test_versions_are_shown_as_major_minor(version, shown):
    assert preflight.major_minor(version) == shown


def test_package_rows_show_major_minor_versions_only():
    for row in preflight.check_packages():
        assert row.status.count(".") == 1, row


def test_a_missing_package_on_a_hub_asks_the_admin(monkeypatch, capsys, on_a_hub):
    monkeypatch.setitem(preflight.REQUIRED_PACKAGES, NO_SUCH_PACKAGE, "nothing")
    rows = {row.name: row for row in preflight.check_packages()}
    assert rows[NO_SUCH_PACKAGE].status == "missing"
    assert rows[NO_SUCH_PACKAGE].todo == f"ask your hub admin to install {NO_SUCH_PACKAGE}"
    assert rows["numpy"].status.startswith("ok")

    preflight.show(list(rows.values()), "package")
    said = capsys.readouterr().out
    assert f"ask your hub admin to install {NO_SUCH_PACKAGE}" in said
    assert f"1 of {len(rows)} need attention" in said


def test_a_missing_package_on_your_own_computer_says_run_the_setup(monkeypatch, not_on_a_hub):
    monkeypatch.setitem(preflight.REQUIRED_PACKAGES, NO_SUCH_PACKAGE, "nothing")
    row = {row.name: row for row in preflight.check_packages()}[NO_SUCH_PACKAGE]
    assert row.status == "missing"
    assert row.todo.startswith("run the setup") and "environment.yml" in row.todo


def test_checking_packages_imports_none_of_them(monkeypatch):
    """find_spec and metadata only: checking must stay fast and must not start R."""
    import sys
    for name in preflight.REQUIRED_PACKAGES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    preflight.check_packages()
    assert not [name for name in preflight.REQUIRED_PACKAGES if name in sys.modules]


def test_a_missing_kernel_is_named_with_what_to_do(monkeypatch, on_a_hub):
    monkeypatch.setitem(preflight.REQUIRED_KERNELS, "julia-1.10", "Julia")
    rows = {row.name: row for row in preflight.check_kernels()}
    assert rows["julia-1.10"].status == "missing"
    assert rows["julia-1.10"].todo == "ask your hub admin to install the Julia kernel (julia-1.10)"
    assert rows["python3"].status == "ok"


def test_kernel_folders_are_never_printed(capsys):
    from jupyter_client.kernelspec import KernelSpecManager
    folders = KernelSpecManager().find_kernel_specs().values()
    preflight.show(preflight.check_kernels(), "kernel")
    said = capsys.readouterr().out
    assert "python3" in said and not [f for f in folders if f in said]


def test_no_kernel_list_is_a_friendly_row(monkeypatch, not_on_a_hub):
    def broken():
        raise ImportError("no jupyter_client")
    monkeypatch.setattr(preflight, "_kernel_names", broken)
    [row] = preflight.check_kernels()
    assert row.status == "unknown" and "could not list Jupyter kernels" in row.todo


def test_a_changed_data_file_is_reported(monkeypatch, tmp_path, capsys):
    shutil.copytree(data.DATA_DIR / "sea_level_epa", tmp_path / "sea_level_epa")
    shutil.copytree(data.DATA_DIR / "co2_mauna_loa", tmp_path / "co2_mauna_loa")
    with open(tmp_path / "sea_level_epa" / "epa-sea-level.csv", "a", encoding="utf-8") as f:
        f.write("2099,1,2,3,4\n")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)

    rows = {row.name: row for row in preflight.check_data()}
    assert rows["co2_mauna_loa"].status == "ok (2 files)"
    assert rows["sea_level_epa"].status == "problem"
    assert "checksum differs" in rows["sea_level_epa"].todo

    preflight.show(list(rows.values()), "dataset")
    said = capsys.readouterr().out
    assert "1 of 2 need attention" in said and str(tmp_path) not in said


def test_a_missing_data_file_is_reported(monkeypatch, tmp_path):
    shutil.copytree(data.DATA_DIR / "co2_mauna_loa", tmp_path / "co2_mauna_loa")
    (tmp_path / "co2_mauna_loa" / "co2-mm-mlo.csv").unlink()
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    [row] = preflight.check_data()
    assert row.status == "problem" and "co2-mm-mlo.csv is missing" in row.todo


def test_no_data_folder_at_all_is_a_friendly_row(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path / "nowhere")
    [row] = preflight.check_data()
    assert row.status == "missing" and "complete copy of the workshop" in row.todo


def test_where_am_i(on_a_hub):
    assert "JupyterHub" in preflight.where_am_i() and "Binder" in preflight.where_am_i()
