"""Find the workshop's data files, check they are intact, and say where they came from.

Every dataset is a folder in the repository's data/ with a README.md that gives its source,
license, citation and the sha256 checksum of each file. Lessons ask for files by name, so
they work from any working folder:

    from workshop import data
    co2_csv = data.path("co2_mauna_loa", "co2-mm-mlo.csv")
    print(data.citation("co2_mauna_loa"))
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

# notebooks/workshop/data.py -> the repository root is two folders up.
DATA_DIR = Path(__file__).resolve().parents[2] / "data"

_CHECKSUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S.*)$")


class DataFileError(Exception):
    """A data file is missing or is not the file the workshop shipped."""


def _readme(dataset: str) -> str:
    readme = DATA_DIR / dataset / "README.md"
    if not readme.is_file():
        known = ", ".join(sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir()))
        raise DataFileError(f"There is no dataset called {dataset!r}. The workshop has: {known}.")
    return readme.read_text(encoding="utf-8")


def _section(text: str, title: str) -> str:
    """The body of the '## <title>' section of a README."""
    match = re.search(rf"^## {re.escape(title)}\s*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1).strip() if match else ""


def checksums(dataset: str) -> dict[str, str]:
    """The sha256 of each file of a dataset, as its README lists them."""
    sums = {}
    for line in _section(_readme(dataset), "Checksums (sha256)").splitlines():
        if match := _CHECKSUM_LINE.match(line.strip()):
            sums[match.group(2)] = match.group(1)
    return sums


def sha256(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def path(dataset: str, filename: str) -> Path:
    """The path of one data file, after checking it is the file the workshop shipped."""
    expected = checksums(dataset).get(filename)
    if expected is None:
        listed = ", ".join(sorted(checksums(dataset))) or "no files"
        raise DataFileError(f"{dataset} has no file called {filename!r}; it has: {listed}.")
    file = DATA_DIR / dataset / filename
    if not file.is_file():
        raise DataFileError(
            f"{file.name} is missing from data/{dataset}. Get a fresh copy of the workshop "
            "(the instructor guide says how); your own notebooks are not affected."
        )
    if sha256(file) != expected:
        raise DataFileError(
            f"data/{dataset}/{file.name} has changed since the workshop shipped it (its "
            "checksum differs), so results would not match the lesson. Restore it with "
            f"`git checkout -- data/{dataset}/{file.name}` or get a fresh copy of the workshop."
        )
    return file


def citation(dataset: str) -> str:
    """How to cite a dataset, as its README says."""
    return " ".join(_section(_readme(dataset), "Citation").split())


def datasets() -> list[str]:
    return sorted(p.name for p in DATA_DIR.iterdir() if (p / "README.md").is_file())
