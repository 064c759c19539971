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
