"""The terminal command: python3 -m workshop.repair [FOLDER] [--language zh-TW] [--no-fetch]."""
from __future__ import annotations

import argparse
import os

from .. import language
from .fix import check_and_fix


def _language_from_environment() -> str:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value.lower().replace("-", "_").startswith("zh_tw"):
            return "zh-TW"
    return language.current()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m workshop.repair",
        description="Repair the workshop folder after an update went wrong, keeping your work.")
    parser.add_argument("folder", nargs="?", help="a folder inside the workshop copy "
                        "(default: the current folder)")
    parser.add_argument("--language", default=None, help="en or zh-TW")
    parser.add_argument("--no-fetch", action="store_true",
                        help="do not ask the teacher's repository for its latest version")
    args = parser.parse_args(argv)
    language.use(args.language or _language_from_environment())
    report = check_and_fix(args.folder, fetch=not args.no_fetch)
    print(report.message)
    return 1 if report.busy else 0
