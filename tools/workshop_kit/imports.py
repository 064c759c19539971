"""What a lesson imports, read from its code, so the list cannot go stale.

The tests compare it with each lesson's require(...) line and with environment.yml:

    from workshop_kit.imports import lesson_needs
    lesson_needs("notebooks/02-notebook-basics.ipynb")   # ['matplotlib', 'numpy']
"""
from __future__ import annotations

import ast
import functools
import json
import sys
from pathlib import Path

from .repo import LESSONS_DIR

WORKSHOP_DIR = LESSONS_DIR / "workshop"
# What every Python kernel runs on: if one were missing, no cell would run to say so.
KERNEL_PACKAGES = {"IPython", "ipykernel", "jupyter_client", "jupyter_core"}


def imports_in_code(source: str, package: str = "") -> set[str]:
    """Dotted names of the modules a piece of Python (or notebook cell) imports.

    `%load_ext X` counts as importing X. Other IPython lines (`%...`, `!...`) are skipped,
    and a `%%` cell is another language (R, bash) whose text is not Python. `from A import b`
    gives both 'A' and 'A.b' (b may be a submodule). Relative imports are taken inside
    `package`.
    """
    names = set()
    python_lines = []
    for line in source.splitlines():
        words = line.split()
        if words[:1] == ["%load_ext"] and len(words) > 1:
            names.add(words[1])
        if line.lstrip().startswith("%%"):
            return names
        python_lines.append("" if line.lstrip().startswith(("%", "!")) else line)
    for node in ast.walk(ast.parse("\n".join(python_lines))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package if node.level else ""
            module = ".".join(part for part in (base, node.module) if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def third_party(names: set[str]) -> set[str]:
    """Top-level names among `names` that are neither the standard library nor the workshop."""
    tops = {name.split(".")[0] for name in names}
    return {top for top in tops if top not in sys.stdlib_module_names and top != "workshop"}


@functools.cache
def helper_imports(name: str) -> frozenset[str]:
    """What the workshop helper module `name` (e.g. 'workshop.data') imports itself.

    Cached: every lesson uses the same helpers, and parsing them again for each lesson
    was most of the time the lesson checks took.
    """
    parts = name.split(".")
    module = WORKSHOP_DIR.joinpath(*parts[1:])
    # A module file (its relative imports look in its package), or a package's __init__.py.
    places = [(module.with_suffix(".py"), ".".join(parts[:-1]))] if parts[1:] else []
    for source, package in [*places, (module / "__init__.py", name)]:
        if source.is_file():
            return frozenset(imports_in_code(source.read_text(encoding="utf-8"), package=package))
    return frozenset()


def _workshop_module_imports(names: set[str], seen: set[str]) -> set[str]:
    """What the workshop helpers among `names` import, following them into each other."""
    found = set()
    for name in sorted(names):
        if name.split(".")[0] != "workshop" or name in seen:
            continue
        seen.add(name)
        inner = helper_imports(name)
        found |= inner | _workshop_module_imports(inner, seen)
    return found


def lesson_needs(notebook: str | Path) -> list[str]:
    """The packages (import names) a Python lesson needs beyond the standard library.

    Counts the lesson's own imports and those of the workshop helpers it uses, but not the
    kernel's own packages; an R lesson needs no Python packages, so its list is empty.
    """
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    if nb["metadata"]["kernelspec"]["language"].lower() != "python":
        return []
    names = set()
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            names |= imports_in_code(source)
    return sorted(third_party(names | _workshop_module_imports(names, set())) - KERNEL_PACKAGES)
