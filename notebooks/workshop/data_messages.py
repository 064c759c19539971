"""What workshop.data says, in English and Traditional Chinese, and DataFileError, the
mistake it raises with one of these messages."""
from __future__ import annotations

from . import language

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
    "comma": {"en": ", ", "zh-TW": "、"},
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
    "not_a_name": {
        "en": "The {what} should be a name as text, such as {example!r}, not {value}.",
        "zh-TW": "{what}應該是文字形式的名稱，例如 {example!r}，而不是 {value}。",
    },
    "too_long": {
        "en": "The {what} is {length:,} characters long, too long for any file here; "
              "the workshop's names are short, such as {example!r}.",
        "zh-TW": "{what}有 {length:,} 個字元，太長了，這裡不會有這麼長的檔名；工作坊用的名稱都很短，例如 {example!r}。",
    },
    "cannot_open": {
        "en": "data/{where} cannot be opened here ({reason}). Ask whoever runs this computer to let "
              "you read the workshop's data folder, or get a fresh copy of the workshop.",
        "zh-TW": "這裡打不開 data/{where}（{reason}）。請管理這台電腦的人讓你讀取工作坊的資料夾，"
                 "或重新取得一份工作坊檔案。",
    },
    "dataset": {"en": "dataset", "zh-TW": "資料集"},
    "file name": {"en": "file name", "zh-TW": "檔名"},
    "unreadable_readme": {
        "en": "data/{dataset}/README.md cannot be read ({reason}), so its files cannot be checked. "
              "Get a fresh copy of the workshop; your own notebooks are not affected.",
        "zh-TW": "無法讀取 data/{dataset}/README.md（{reason}），所以無法檢查它的檔案。"
                 "請重新取得一份工作坊檔案；你自己的筆記本不受影響。",
    },
    "not_utf8": {"en": "it is not UTF-8 text", "zh-TW": "它不是 UTF-8 文字"},
    "folder_missing": {
        "en": "The folder data/{dataset} is missing. Get a fresh copy of the workshop; your own "
              "notebooks are not affected.",
        "zh-TW": "data/{dataset} 資料夾不見了。請重新取得一份工作坊檔案；你自己的筆記本不受影響。",
    },
    "replaced": {
        "en": "data/{dataset} is not the dataset the workshop shipped (its list of files and "
              "checksums differs), so results would not match the lessons. Get a fresh copy of "
              "the workshop.",
        "zh-TW": "data/{dataset} 不是工作坊提供的資料集（檔案與檢查碼清單不同），所以結果會和課程對不上。"
                 "請重新取得一份工作坊檔案。",
    },
    "unreadable_file": {
        "en": "data/{dataset}/{name} cannot be read ({reason}). Get a fresh copy of the workshop.",
        "zh-TW": "無法讀取 data/{dataset}/{name}（{reason}）。請重新取得一份工作坊檔案。",
    },
}


class DataFileError(Exception):
    """A data file is missing or is not the file the workshop shipped."""

    __module__ = "workshop.data"  # where learners meet it, and where tracebacks name it


def problem(key: str, **values) -> DataFileError:
    """The error to raise: message `key` in the lesson's language, with `values` filled in."""
    return DataFileError(language.text(MESSAGES, key, **values))
