"""Find the workshop's data files, check they are intact, and say where they came from.

Every dataset is a folder in the repository's data/ with a README.md that gives its source,
license, citation and the sha256 checksum of each file. Lessons ask for files by name, so
they work from any working folder:

    from workshop import data
    co2_csv = data.path("co2_mauna_loa", "co2-mm-mlo.csv")
    print(data.citation("co2_mauna_loa"))
"""
from __future__ import annotations

import functools
import hashlib
import re
import reprlib
from pathlib import Path

from . import language
from .data_messages import MESSAGES, DataFileError, problem  # noqa: F401 (DataFileError: lessons catch it here)



def _top_folder(package: Path) -> Path:
    """The workshop's top folder, the one that holds data/: two folders up from this package
    (notebooks/workshop), or three from an edition's copy of it (zh-TW/notebooks/workshop is
    a link in the repository, but a real copy in the unpacked workshop.zip)."""
    for folder in list(package.parents)[1:3]:
        if (folder / "data").is_dir():
            return folder
    return package.parents[1]


TOP_FOLDER = _top_folder(Path(__file__).resolve().parent)
DATA_DIR = TOP_FOLDER / "data"

_CHECKSUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S.*)$")

# The datasets the workshop ships, each with a fingerprint of its README's checksum list
# (the first 16 hex digits of the sha256 of its sorted "sha256  name" lines). It lives here,
# outside data/, so a dataset folder that was deleted, or replaced by other files with a
# README to match, is reported instead of passing. tests/unit/test_data.py says when to update it.
SHIPPED = {
    "co2_mauna_loa": "c92ce7f3956b93a4",
    "earthquakes_usgs_feb2018": "663218672d2a0369",
    "glacier_mass_balance": "3df5c8a4d49167da",
    "global_temp_gistemp": "fcb4a3fa677adf42",
    "grace_ice_sheet_mass": "04387ed80e52b408",
    "icesat2_atl03_photons_greenland": "c0d4382113d9b315",
    "icesat2_atl07_sample": "aa43260bb07ca4f5",
    "natural_earth_110m": "7ccf681045f82873",
    "sea_ice_extent_nsidc": "537ca82337988207",
    "sea_level_epa": "918815aa8df580fd",
    "taiwan_boundary_ne10m": "ba491d7205c91703",
}


NAME_MAX = 255  # the longest file name Linux, macOS and Windows disks allow

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 60  # a 100,000-character name is shown by its start


def _name(value, what: str, example: str) -> str:
    """A dataset or file name given as text, one folder level, or DataFileError in one line."""
    what_text = language.text(MESSAGES, what)
    if isinstance(value, str) and len(value.strip().encode("utf-8", "replace")) > NAME_MAX:
        raise problem("too_long", what=what_text, length=len(value), example=example)
    if not isinstance(value, str) or not value.strip() or value.strip() in (".", "..") \
            or "/" in value or "\\" in value or not value.isprintable():
        raise problem("not_a_name", value=_short.repr(value), example=example, what=what_text)
    return value.strip()


def _one_line(helper):
    """A folder or file the system will not open (no permission, a broken disk) ends the
    helper with one DataFileError line instead of a traceback from deep inside pathlib."""
    @functools.wraps(helper)
    def wrapper(*args, **kwargs):
        try:
            return helper(*args, **kwargs)
        except OSError as error:
            where = Path(error.filename or DATA_DIR)
            where = where.relative_to(DATA_DIR) if where.is_relative_to(DATA_DIR) else where.name
            reason = error.strerror or type(error).__name__
            raise problem("cannot_open", where=where, reason=reason) from None
    return wrapper


def _readme(dataset: str) -> str:
    dataset = _name(dataset, "dataset", "co2_mauna_loa")
    readme = DATA_DIR / dataset / "README.md"
    if not readme.is_file():
        known = language.text(MESSAGES, "comma").join(sorted(SHIPPED))
        raise problem("no_dataset", dataset=dataset, known=known)
    try:
        return readme.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        reason = language.text(MESSAGES, "not_utf8")
    except OSError as error:
        reason = error.strerror or type(error).__name__
    raise problem("unreadable_readme", dataset=dataset, reason=reason)


def _section(text: str, title: str) -> str:
    """The body of the '## <title>' section of a README."""
    match = re.search(rf"^## {re.escape(title)}\s*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1).strip() if match else ""


@_one_line
def checksums(dataset: str) -> dict[str, str]:
    """The sha256 of each file of a dataset, as its README lists them."""
    sums = {}
    for line in _section(_readme(dataset), "Checksums (sha256)").splitlines():
        if match := _CHECKSUM_LINE.match(line.strip()):
            sums[match.group(2)] = match.group(1)
    return sums


def fingerprint(sums: dict[str, str]) -> str:
    """What SHIPPED records for a dataset: a short hash of its sorted checksum list."""
    lines = "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items()))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()[:16]


def sha256(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


@_one_line
def path(dataset: str, filename: str) -> Path:
    """The path of one data file, after checking it is the file the workshop shipped."""
    dataset = _name(dataset, "dataset", "co2_mauna_loa")
    filename = _name(filename, "file name", "co2-mm-mlo.csv")
    expected = checksums(dataset).get(filename)
    if expected is None:
        comma = language.text(MESSAGES, "comma")
        listed = comma.join(sorted(checksums(dataset))) or language.text(MESSAGES, "no_files")
        raise problem("no_such_file", dataset=dataset, filename=filename, listed=listed)
    file = DATA_DIR / dataset / filename
    if not file.is_file():
        raise problem("missing", name=file.name, dataset=dataset)
    try:
        digest = sha256(file)
    except OSError as error:
        raise problem("unreadable_file", dataset=dataset, name=file.name, reason=error.strerror) from None
    if digest != expected:
        raise problem("changed", name=file.name, dataset=dataset)
    return file


@_one_line
def citation(dataset: str) -> str:
    """How to cite a dataset, as its README says."""
    return " ".join(_section(_readme(dataset), "Citation").split())


@_one_line
def datasets() -> list[str]:
    return sorted(p.name for p in DATA_DIR.iterdir() if (p / "README.md").is_file())


@_one_line
def verify(dataset: str) -> int:
    """Check a shipped dataset whole: its folder, its README's list, every file.

    Returns how many files it has; raises DataFileError with one line saying what is wrong.
    """
    dataset = _name(dataset, "dataset", "co2_mauna_loa")
    if not (DATA_DIR / dataset).is_dir():
        raise problem("folder_missing", dataset=dataset)
    sums = checksums(dataset)
    if dataset in SHIPPED and fingerprint(sums) != SHIPPED[dataset]:
        raise problem("replaced", dataset=dataset)
    for filename in sums:
        path(dataset, filename)
    return len(sums)
