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

from . import language


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

MESSAGES = {
    "no_dataset": {
        "en": "There is no dataset called {dataset!r}. The workshop has: {known}.",
        "zh-TW": "沒有叫做 {dataset!r} 的資料集。工作坊裡有：{known}。",
    },
    "no_such_file": {
        "en": "{dataset} has no file called {filename!r}; it has: {listed}.",
        "zh-TW": "{dataset} 裡沒有叫做 {filename!r} 的檔案；它有：{listed}。",
    },
    "no_files": {"en": "no files", "zh-TW": "沒有檔案"},
    "missing": {
        "en": "{name} is missing from data/{dataset}. Get a fresh copy of the workshop "
              "(the instructor guide says how); your own notebooks are not affected.",
        "zh-TW": "data/{dataset} 裡少了 {name}。請重新取得一份工作坊檔案（講師指南有說明作法）；"
                 "你自己的筆記本不受影響。",
    },
    # Never advise running git: the workshop folder belongs to the link that put it there.
    "changed": {
        "en": "data/{dataset}/{name} has changed since the workshop shipped it (its checksum "
              "differs), so results would not match the lesson. Delete that file in the file "
              "browser and click the workshop link again (it brings deleted files back), or get a "
              "fresh copy of the workshop.",
        "zh-TW": "data/{dataset}/{name} 跟工作坊提供的版本不一樣了（檢查碼不同），所以結果會和課程對不上。"
                 "請在檔案瀏覽器裡刪除這個檔案，再點一次工作坊的連結（它會把刪掉的檔案補回來），"
                 "或重新取得一份工作坊檔案。",
    },
}


class DataFileError(Exception):
    """A data file is missing or is not the file the workshop shipped."""


def _readme(dataset: str) -> str:
    readme = DATA_DIR / dataset / "README.md"
    if not readme.is_file():
        known = ", ".join(sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir()))
        raise DataFileError(language.text(MESSAGES, "no_dataset", dataset=dataset, known=known))
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
        listed = ", ".join(sorted(checksums(dataset))) or language.text(MESSAGES, "no_files")
        raise DataFileError(language.text(MESSAGES, "no_such_file", dataset=dataset,
                                          filename=filename, listed=listed))
    file = DATA_DIR / dataset / filename
    if not file.is_file():
        raise DataFileError(language.text(MESSAGES, "missing", name=file.name, dataset=dataset))
    if sha256(file) != expected:
        raise DataFileError(language.text(MESSAGES, "changed", name=file.name, dataset=dataset))
    return file


def citation(dataset: str) -> str:
    """How to cite a dataset, as its README says."""
    return " ".join(_section(_readme(dataset), "Citation").split())


def datasets() -> list[str]:
    return sorted(p.name for p in DATA_DIR.iterdir() if (p / "README.md").is_file())
