"""requirements.lock: every Python package of the workshop, its exact version and the sha256
of each file pip may install for it, in pip's hash-checking format:

    numpy==2.4.6 \\
        --hash=sha256:89cd...

Written by tools/lock.sh from pip's installation reports (`pip install --dry-run --report`),
read by the tests. Standard library only: tools/lock.sh runs it before anything is
installed, as `python3 tools/workshop_kit/lockfile.py COMMAND ...`.
"""
from __future__ import annotations

import json
import re
import sys

HEADER = """\
# Every Python package of the workshop at its exact version, with the sha256 of each file pip
# may install (Linux x86_64 and aarch64, Python 3.11, from PyPI). Made by tools/lock.sh from
# the pip part of environment.yml (edit that, not this). Installed with
#   pip install --require-hashes -r requirements.lock
# so every install gets the same files, and a changed file stops it. A line "# learners"
# marks what the learners' set needs (Binder, a hub): lockfile.py select learners|all.
"""


# The line before each package the learners' set installs (Binder, a hub's environment).
LEARNERS_MARK = "# learners"


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def entries(text: str) -> dict[str, tuple[str, list[str]]]:
    """{normalized name: (version, [sha256, ...])} from a lock's text."""
    found = {}
    logical = re.sub(r"\\\n", " ", text)
    for line in logical.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        requirement, *options = line.split()
        name, _, version = requirement.partition("==")
        hashes = [o.split(":", 1)[1] for o in options if o.startswith("--hash=sha256:")]
        found[normalize(name)] = (version, hashes)
    return found


def _installs(report_path: str) -> list[dict]:
    with open(report_path, encoding="utf-8") as handle:
        return json.load(handle)["install"]


def _sha256(item: dict) -> str:
    return item["download_info"]["archive_info"]["hashes"]["sha256"]


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "pins":  # environment.yml's pins, and the lock's for everything else
        wanted = open(args[0], encoding="utf-8").read().split()
        named = {normalize(w.split("==")[0]) for w in wanted}
        locked = entries(open(args[1], encoding="utf-8").read())
        print("\n".join(wanted + [f"{n}=={v}" for n, (v, _) in locked.items() if n not in named]))
    elif command == "pins-from-report":
        for item in _installs(args[0]):
            print(f"{item['metadata']['name']}=={item['metadata']['version']}")
    elif command == "binary-pins":  # packages whose chosen file holds compiled code
        for item in _installs(args[0]):
            filename = item["download_info"]["url"].rsplit("/", 1)[-1]
            if filename.endswith(".whl") and not filename.endswith("-none-any.whl"):
                print(f"{item['metadata']['name']}=={item['metadata']['version']}")
    elif command == "select":  # select SET LOCK: the entries one set installs ("all": every one)
        which, path = args
        text = open(path, encoding="utf-8").read()
        blocks = re.split(r"\n(?=\S)", text.strip())
        chosen = [block for before, block in zip(["", *blocks], blocks)
                  if not block.startswith("#") and (which == "all" or before == LEARNERS_MARK)]
        print("\n".join(block.rstrip() for block in chosen))
    elif command == "write":  # write LEARNERS_REPORT REPORT...: the lock, learners' set marked
        learners = {normalize(item["metadata"]["name"]) for item in _installs(args[0])}
        args = args[1:]
        hashes: dict[str, tuple[str, str, set]] = {}
        for report in args:
            for item in _installs(report):
                key = normalize(item["metadata"]["name"])
                name, version, seen = hashes.setdefault(
                    key, (item["metadata"]["name"], item["metadata"]["version"], set()))
                seen.add(_sha256(item))
        lines = [HEADER.rstrip("\n")]
        for key in sorted(hashes):
            name, version, seen = hashes[key]
            if key in learners:
                lines.append(LEARNERS_MARK)
            lines.append(f"{name}=={version} \\\n" + " \\\n".join(
                f"    --hash=sha256:{digest}" for digest in sorted(seen)))
        print("\n".join(lines))
    else:
        print(f"unknown command {command!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
