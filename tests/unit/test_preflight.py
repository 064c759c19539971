"""The environment checks find what is missing and say what to do, in words: the full check
in lesson 00, and the one-line check each lesson starts with."""
import contextlib
import io
import re
import shutil

import nbformat
import pytest
import wcwidth
from hypothesis import given
from hypothesis import strategies as st

from workshop_kit.repo import LESSONS
from workshop_kit.imports import lesson_needs
from workshop import data, language, preflight

NO_SUCH_PACKAGE = "no_such_package_for_the_workshop"


@pytest.fixture
def not_on_a_hub(monkeypatch):
    for name in HUB_SERVER:
        monkeypatch.delenv(name, raising=False)


# What JupyterHub gives every server it starts (workshop.hub.VARIABLES).
HUB_SERVER = {"JUPYTERHUB_API_URL": "http://127.0.0.1:9/hub/api",
              "JUPYTERHUB_API_TOKEN": "not-a-token", "JUPYTERHUB_USER": "ada"}


@pytest.fixture
def on_a_hub(monkeypatch):
    for name, value in HUB_SERVER.items():
        monkeypatch.setenv(name, value)


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


@pytest.fixture
def data_copy(monkeypatch, tmp_path):
    """A throwaway copy of every dataset, so a test can damage it."""
    shutil.copytree(data.DATA_DIR, tmp_path / "data")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path / "data")
    return tmp_path / "data"


def test_a_changed_data_file_is_reported(data_copy, capsys):
    with open(data_copy / "sea_level_epa" / "epa-sea-level.csv", "a", encoding="utf-8") as f:
        f.write("2099,1,2,3,4\n")
    rows = {row.name: row for row in preflight.check_data()}
    assert rows["co2_mauna_loa"].status == "ok (2 files)"
    assert rows["sea_level_epa"].status == "problem"
    assert "checksum differs" in rows["sea_level_epa"].todo

    preflight.show(list(rows.values()), "dataset")
    said = capsys.readouterr().out
    assert f"1 of {len(rows)} need attention" in said and str(data_copy) not in said


def test_a_missing_data_file_is_reported(data_copy):
    (data_copy / "co2_mauna_loa" / "co2-mm-mlo.csv").unlink()
    rows = {row.name: row for row in preflight.check_data()}
    assert rows["co2_mauna_loa"].status == "problem"
    assert "co2-mm-mlo.csv is missing" in rows["co2_mauna_loa"].todo


def problems(rows) -> dict:
    return {row.name: row.todo for row in rows if not row.status.startswith("ok")}


def test_a_deleted_dataset_folder_is_reported_never_all_ok(data_copy, capsys):
    shutil.rmtree(data_copy / "sea_level_epa")
    assert problems(preflight.check_data()) == {
        "sea_level_epa": "The folder data/sea_level_epa is missing. Get a fresh copy of the "
                         "workshop; your own notebooks are not affected."}
    preflight.show(preflight.check_data(), "dataset")
    assert "all" not in capsys.readouterr().out.splitlines()[-1]


def test_a_replaced_dataset_folder_is_reported_even_with_a_matching_readme(data_copy):
    """Other files with a README that lists their own checksums: still not the workshop's."""
    folder = data_copy / "sea_level_epa"
    (folder / "epa-sea-level.csv").write_text("Year,Level\n2000,1\n", encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    old = data.checksums("sea_level_epa")["epa-sea-level.csv"]
    (folder / "README.md").write_text(readme.replace(old, data.sha256(folder / "epa-sea-level.csv")),
                                      encoding="utf-8")
    assert "is not the dataset the workshop shipped" in problems(preflight.check_data())["sea_level_epa"]


def test_a_readme_with_a_byte_that_is_not_utf8_is_one_line(data_copy):
    readme = data_copy / "co2_mauna_loa" / "README.md"
    readme.write_bytes(readme.read_bytes().replace(b"Mauna", b"M\xffauna", 1))
    found = problems(preflight.check_data())
    assert list(found) == ["co2_mauna_loa"]
    assert found["co2_mauna_loa"].startswith("data/co2_mauna_loa/README.md cannot be read (it is not UTF-8 text)")
    with pytest.raises(data.DataFileError, match="not UTF-8"):
        data.citation("co2_mauna_loa")


def test_a_dataset_folder_replaced_by_a_file_is_reported(data_copy):
    shutil.rmtree(data_copy / "co2_mauna_loa")
    (data_copy / "co2_mauna_loa").write_text("not a folder")
    assert "data/co2_mauna_loa is missing" in problems(preflight.check_data())["co2_mauna_loa"]


def test_no_data_folder_at_all_is_a_friendly_row(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path / "nowhere")
    [row] = preflight.check_data()
    assert row.status == "missing" and "complete copy of the workshop" in row.todo


def test_where_am_i(on_a_hub):
    assert "JupyterHub" in preflight.where_am_i() and "Binder" in preflight.where_am_i()


# Each lesson's first code cell: set_up(language, ...) with exactly what the lesson imports.

ALL_OK = "✅ Everything this lesson needs is installed.\n"


def missing_line(*names: str) -> str:
    which, it = ("which is", "it") if len(names) == 1 else ("which are", "them")
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (f"❌ This lesson needs {listed}, {which} not installed here: "
            f"ask your hub admin to add {it} (or run the workshop setup).\n")


def test_the_full_check_covers_every_package_a_lesson_needs():
    needed = {name for lesson in LESSONS for name in lesson_needs(lesson)}
    assert needed - set(preflight.REQUIRED_PACKAGES) == set()


def test_require_prints_one_line(capsys):
    assert preflight.require("numpy", "json") is None  # nothing else shows under the cell
    assert capsys.readouterr().out == ALL_OK
    preflight.require("numpy", NO_SUCH_PACKAGE)
    assert capsys.readouterr().out == missing_line(NO_SUCH_PACKAGE)
    preflight.require("no_such_a", "numpy", "no_such_b", "no_such_c")
    assert capsys.readouterr().out == missing_line("no_such_a", "no_such_b", "no_such_c")


def set_up_in_first_code_cell(nb) -> list[str] | None:
    """The arguments of set_up(...) in the cell right after the title (the language, then
    the packages), or None if that cell does not call it."""
    import ast
    cell = nb.cells[1]
    if cell.cell_type != "code" or "set_up(" not in cell.source:
        return None
    if nb.metadata.kernelspec.language.lower() == "r":
        return re.findall(r'set_up\("([^"]+)"\)', cell.source) or None
    calls = [node for node in ast.walk(ast.parse(cell.source))
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "set_up"]
    return [arg.value for arg in calls[0].args] if len(calls) == 1 else None


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_each_lesson_first_sets_up_exactly_what_it_imports(lesson):
    nb = nbformat.read(lesson, as_version=4)
    needs = lesson_needs(lesson)  # empty for the R lesson and lessons that use only Python itself
    assert set_up_in_first_code_cell(nb) == ["en", *needs], (
        f"cell 2 of {lesson.name} should call set_up{('en', *needs)}: see CONTRIBUTING.md")
    [output] = nb.cells[1].outputs
    assert output.text == ALL_OK


# --- The table in Chinese, its columns lined up (issue #25) ---------------------------------

@pytest.fixture
def chinese():
    language.use("zh-TW")
    yield
    language.use("en")


def test_the_chinese_table_says_everything_in_chinese(monkeypatch, capsys, on_a_hub, chinese):
    monkeypatch.setattr(preflight, "REQUIRED_PACKAGES", {"numpy": "", NO_SUCH_PACKAGE: ""})
    preflight.show(preflight.check_packages(), "package")
    preflight.show(preflight.check_data()[:1], "dataset")
    said = capsys.readouterr().out.splitlines()
    assert said[0].split() == ["套件", "狀態", "怎麼處理"]
    assert said[1].split()[:2] == ["numpy", "正常"]
    assert said[2].split()[:2] == [NO_SUCH_PACKAGE, "缺少"] and said[2].endswith(f"請 Hub 管理員安裝 {NO_SUCH_PACKAGE}")
    assert said[3] == "-> 2 項中有 1 項需要處理：請看上面的「怎麼處理」。"
    assert said[4].split() == ["資料集", "狀態", "怎麼處理"]
    assert said[5].split("  ")[0] == "co2_mauna_loa" and said[5].endswith("  正常（2 個檔案）")


def columns(line: str) -> list[int]:
    """Where each column of a printed row starts, in screen columns (wcwidth: what a terminal
    or a notebook's monospaced output draws), found as the text after each run of 2+ spaces."""
    return [wcwidth.wcswidth(line[:m.end()]) for m in re.finditer(r"  +", line)]


# What people put in a table: Latin letters, digits, Chinese, Japanese, Korean, full-width
# punctuation, accents that combine with the letter before, and the emoji the helpers use.
cell = st.text(st.sampled_from(list("aZ09._-é\u0301套件資料集缺少，：（）カナ한글✅❌")),
               min_size=1, max_size=12).filter(lambda s: s[0] != "\u0301")


@given(st.lists(st.tuples(cell, cell, st.one_of(st.just(""), cell)), min_size=1, max_size=6),
       st.sampled_from(["en", "zh-TW"]))
def test_columns_line_up_with_any_mix_of_wide_and_narrow_text(rows, lang):
    """Each column starts at the same screen column on every row: a Chinese character takes two."""
    language.use(lang)
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            preflight.show([preflight.Row(*row) for row in rows], "package")
    finally:
        language.use("en")
    table = out.getvalue().splitlines()[:-1]  # the last line sums up
    starts = [columns(line) for line in table]
    assert len({s[0] for s in starts}) == 1, table
    assert len({s[1] for s in starts if len(s) > 1}) == 1, table  # the header has all three
