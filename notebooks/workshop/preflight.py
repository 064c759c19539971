"""Check that this computer has what the workshop needs, and say what to do when it does not.

Each check returns rows (name, status, what to do); `show` prints them as a small table:

    from workshop import preflight
    preflight.show(preflight.check_packages(), "package")
    preflight.show(preflight.check_kernels(), "kernel")
    preflight.show(preflight.check_data(), "dataset")

Each lesson starts with a one-line check of only what it needs (workshop.installed, whose
`require` is here too):

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
import unicodedata
from typing import NamedTuple

from . import data, hub, language
from .installed import is_installed, require  # noqa: F401 (require: lessons import it from here)
from .preflight_messages import MESSAGES

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
    "dask_gateway": "Dask clusters from a hub's gateway (lesson 10, where a hub offers one)",
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
    todo: str = ""  # what to do: a row that says it needs attention


def say(key: str, **values) -> str:
    return language.text(MESSAGES, key, **values)


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


def check_packages() -> list[Row]:
    """One row per package the lessons need: 'ok MAJOR.MINOR' or 'missing' with what to do."""
    rows = []
    for name in REQUIRED_PACKAGES:
        if not is_installed(name):
            rows.append(Row(name, say("missing"), _install_advice(name)))
            continue
        try:
            status = say("ok_version", version=major_minor(importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            status = say("ok_no_version")
        rows.append(Row(name, status))
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
        return [Row("kernels", say("unknown"), advice)]
    rows = []
    for name, language_name in REQUIRED_KERNELS.items():
        if name in installed:
            rows.append(Row(name, say("ok")))
        else:
            what = language.text(MESSAGES, "kernel_of", language=language_name, name=name)
            rows.append(Row(name, say("missing"), _install_advice(what)))
    return rows


def check_data() -> list[Row]:
    """One row per shipped dataset: 'ok' when its folder, its list and every file are intact.

    The list of datasets is the learner package's own (data.SHIPPED), so a folder that was
    deleted or replaced is reported too.
    """
    if not data.DATA_DIR.is_dir():
        return [Row("data", say("missing"), say("no_data_folder"))]
    rows = []
    for dataset in data.SHIPPED:
        try:
            count = data.verify(dataset)
        except data.DataFileError as problem:
            rows.append(Row(dataset, say("problem"), str(problem)))
        else:
            rows.append(Row(dataset, say("ok_one_file") if count == 1 else say("ok_files", count=count)))
    return rows


def width(text: str) -> int:
    """How many columns `text` takes on screen: a Chinese character (or another wide one)
    takes two, a combining accent or an invisible format character none."""
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def show(rows: list[Row], first_column: str = "name") -> None:
    """Print rows as a table whose columns line up in Chinese too, then one line that sums
    it up. `first_column` names the first column ("package", "kernel", "dataset")."""
    status, todo = say("header").split("|")
    first = say(f"column_{first_column}") if f"column_{first_column}" in MESSAGES else first_column
    table = [Row(first, status, todo)] + list(rows)
    widths = [max(width(str(r[i])) for r in table) for i in (0, 1)]
    for row in table:
        cells = [f"{text}{' ' * (w - width(text))}" for text, w in zip(map(str, row[:2]), widths)]
        print("  ".join(cells + [str(row.todo)]).rstrip())
    problems = sum(1 for r in rows if r.todo)
    if problems:
        print(say("need_attention", problems=problems, total=len(rows)))
    else:
        print(say("all_ok", total=len(rows)))
