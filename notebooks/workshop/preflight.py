"""Check that this computer has what the workshop needs, and say what to do when it does not.

Each check returns rows (name, status, what to do); `show` prints them as a small table:

    from workshop import preflight
    preflight.show(preflight.check_packages(), "package")
    preflight.show(preflight.check_kernels(), "kernel")
    preflight.show(preflight.check_data(), "dataset")

Each lesson starts with a one-line check of only what it needs:

    from workshop.preflight import require
    require("numpy", "matplotlib")

The maintainers' toolkit (workshop_kit.imports) reads what each lesson imports; a test
keeps every lesson's `require(...)` line equal to it.

Nothing heavy is imported to check a package: we only ask Python whether it could find it
(importlib.util.find_spec) and which version is installed (importlib.metadata). Versions
are shown as MAJOR.MINOR only, so a small update of a package does not change the table.
Kernel names are shown, never the folders they are installed in.
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import reprlib
from typing import NamedTuple

from . import data, hub, language

MESSAGES = {
    "not_names": {
        "en": "❌ require() takes the names of packages as text, like require(\"numpy\"); not {shown}.",
        "zh-TW": "❌ require() 需要以文字寫的套件名稱，例如 require(\"numpy\")；而不是 {shown}。",
    },
    "on_a_hub": {
        "en": "You are on a JupyterHub: a class hub, or Binder (which runs a hub behind the scenes).",
        "zh-TW": "你正在 JupyterHub 上：可能是課堂用的 Hub，或是 Binder（它在背後也執行著一個 Hub）。",
    },
    "not_on_a_hub": {
        "en": "No JupyterHub here: this copy runs on a single computer (your own, or the one that built the website).",
        "zh-TW": "這裡沒有 JupyterHub：這份副本在單一電腦上執行（你自己的電腦，或是建置網站的那一台）。",
    },
    "setup": {
        "en": "run the setup: `bash tools/setup_and_build.sh`, or `conda env create -f environment.yml`",
        "zh-TW": "執行安裝：`bash tools/setup_and_build.sh`，或 `conda env create -f environment.yml`",
    },
    "ask_admin": {"en": "ask your hub admin to install {what}", "zh-TW": "請 Hub 管理員安裝 {what}"},
    "kernel_of": {"en": "the {language} kernel ({name})", "zh-TW": "{language} 核心（{name}）"},
    "no_kernel_list": {"en": "could not list Jupyter kernels; ", "zh-TW": "無法列出 Jupyter 核心；"},
    "no_data_folder": {
        "en": "the data folder is not next to the notebooks folder; get a complete copy of the workshop",
        "zh-TW": "data 資料夾不在 notebooks 資料夾旁邊；請取得一份完整的工作坊檔案",
    },
    "header": {"en": "status|what to do", "zh-TW": "狀態|怎麼處理"},
    "need_attention": {
        "en": "-> {problems} of {total} need attention: see 'what to do' above.",
        "zh-TW": "-> {total} 項中有 {problems} 項需要處理：請看上面的「怎麼處理」。",
    },
    "all_ok": {"en": "-> all {total} ok", "zh-TW": "-> 全部 {total} 項都沒問題"},
    "everything_installed": {
        "en": "✅ Everything this lesson needs is installed.",
        "zh-TW": "✅ 這一課需要的東西都已經安裝好了。",
    },
    "missing_one": {
        "en": "❌ This lesson needs {names}, which is not installed here: ask your hub admin to add it "
              "(or run the workshop setup).",
        "zh-TW": "❌ 這一課需要 {names}，但這裡沒有安裝：請 Hub 管理員加裝（或執行工作坊的安裝程式）。",
    },
    "missing_several": {
        "en": "❌ This lesson needs {names}, which are not installed here: ask your hub admin to add them "
              "(or run the workshop setup).",
        "zh-TW": "❌ 這一課需要 {names}，但這裡沒有安裝：請 Hub 管理員加裝（或執行工作坊的安裝程式）。",
    },
    "and": {"en": " and ", "zh-TW": " 和 "},
    "comma": {"en": ", ", "zh-TW": "、"},
}

# What the lessons import, and what each is for (for the learner's benefit). A test checks
# that every package a lesson needs (workshop_kit.imports.lesson_needs) is listed here.
REQUIRED_PACKAGES = {
    "numpy": "computing with arrays of numbers",
    "pandas": "tables",
    "matplotlib": "figures",
    "ipywidgets": "sliders and buttons",
    "ipyleaflet": "maps you can zoom",
    "geopandas": "tables with places and outlines",
    "h5py": "HDF5 files (satellite data)",
    "networkx": "networks",
    "dask": "computing in parallel",
    "distributed": "Dask's workers and dashboard",
    "rpy2": "R inside Python",
    "packaging": "reading version numbers and requirements",
}

# Jupyter kernel names: the languages the lessons are written in.
REQUIRED_KERNELS = {
    "python3": "Python",
    "ir": "R",
}



class Row(NamedTuple):
    name: str
    status: str
    todo: str = ""


def on_a_hub() -> bool:
    """True inside a JupyterHub (a class hub, or Binder, which runs one behind the scenes).

    workshop.hub decides, so that every helper gives the same answer."""
    return hub.on_a_hub()


def where_am_i() -> str:
    """One sentence on where this notebook is running."""
    return language.text(MESSAGES, "on_a_hub" if on_a_hub() else "not_on_a_hub")


def major_minor(version: str) -> str:
    """'2.4.6' -> '2.4'; '2026.8.0' -> '2026.8'; '7' -> '7'."""
    return ".".join(version.split(".")[:2])


def _install_advice(what: str) -> str:
    if on_a_hub():
        return language.text(MESSAGES, "ask_admin", what=what)
    return language.text(MESSAGES, "setup")


# What an importable module name looks like: dotted identifiers (numpy, rpy2.ipython).
_MODULE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def is_installed(name: str) -> bool:
    """True when Python can find the module `name`, without importing it."""
    if not isinstance(name, str) or not _MODULE_NAME.match(name):
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def check_packages() -> list[Row]:
    """One row per package the lessons need: 'ok MAJOR.MINOR' or 'missing' with what to do."""
    rows = []
    for name in REQUIRED_PACKAGES:
        if not is_installed(name):
            rows.append(Row(name, "missing", _install_advice(name)))
            continue
        try:
            version = major_minor(importlib.metadata.version(name))
        except importlib.metadata.PackageNotFoundError:
            version = "(version unknown)"
        rows.append(Row(name, f"ok {version}"))
    return rows


def _kernel_names() -> set[str]:
    from jupyter_client.kernelspec import KernelSpecManager

    # find_kernel_specs() maps each name to a folder; keep only the names.
    return set(KernelSpecManager().find_kernel_specs())


def check_kernels() -> list[Row]:
    """One row per Jupyter kernel the lessons use."""
    try:
        installed = _kernel_names()
    except Exception:  # jupyter_client missing or broken: say so instead of failing
        advice = language.text(MESSAGES, "no_kernel_list") + _install_advice("jupyter_client")
        return [Row("kernels", "unknown", advice)]
    rows = []
    for name, language_name in REQUIRED_KERNELS.items():
        if name in installed:
            rows.append(Row(name, "ok", ""))
        else:
            what = language.text(MESSAGES, "kernel_of", language=language_name, name=name)
            rows.append(Row(name, "missing", _install_advice(what)))
    return rows


def check_data() -> list[Row]:
    """One row per shipped dataset: 'ok' when its folder, its list and every file are intact.

    The list of datasets is the learner package's own (data.SHIPPED), so a folder that was
    deleted or replaced is reported too.
    """
    if not data.DATA_DIR.is_dir():
        return [Row("data", "missing", language.text(MESSAGES, "no_data_folder"))]
    rows = []
    for dataset in data.SHIPPED:
        try:
            count = data.verify(dataset)
        except data.DataFileError as problem:
            rows.append(Row(dataset, "problem", str(problem)))
        else:
            rows.append(Row(dataset, f"ok ({count} file{'s' if count != 1 else ''})"))
    return rows


def show(rows: list[Row], first_column: str = "name") -> None:
    """Print rows as an aligned table, then one line that sums it up."""
    status, todo = language.text(MESSAGES, "header").split("|")
    table = [Row(first_column, status, todo)] + list(rows)
    width_name = max(len(r.name) for r in table)
    width_status = max(len(r.status) for r in table)
    for row in table:
        print(f"{row.name:<{width_name}}  {row.status:<{width_status}}  {row.todo}".rstrip())
    problems = sum(1 for r in rows if not r.status.startswith("ok"))
    if problems:
        print(language.text(MESSAGES, "need_attention", problems=problems, total=len(rows)))
    else:
        print(language.text(MESSAGES, "all_ok", total=len(rows)))


def _and_list(names: list[str]) -> str:
    """['a'] -> 'a'; ['a', 'b'] -> 'a and b'; ['a', 'b', 'c'] -> 'a, b and c'."""
    if len(names) == 1:
        return names[0]
    comma, and_ = language.text(MESSAGES, "comma"), language.text(MESSAGES, "and")
    return comma.join(names[:-1]) + and_ + names[-1]


def require(*names: str) -> None:
    """Print one friendly line: is everything this lesson imports installed? Never raises.

    Returns nothing, so the cell shows only that line.
    """
    not_names = [name for name in names if not isinstance(name, str) or not _MODULE_NAME.match(name)]
    if not_names:
        shown = ", ".join(reprlib.repr(name) for name in not_names[:3])
        print(language.text(MESSAGES, "not_names", shown=shown))
        return
    missing = [name for name in names if not is_installed(name)]
    # The line and its end in one write, so the notebook never receives it in two pieces.
    if not missing:
        print(language.text(MESSAGES, "everything_installed") + "\n", end="")
        return
    key = "missing_one" if len(missing) == 1 else "missing_several"
    print(language.text(MESSAGES, key, names=_and_list(missing)) + "\n", end="")
