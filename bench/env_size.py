"""What the learners' set costs to install, next to everything (learners' and maintainers').

    .venv/bin/python -m workshop_bench.env_size [--sets learners all]

For each set, a throwaway virtual environment gets
`pip install --no-deps --require-hashes -r requirements/<set>.txt`, as the set-up,
binder/postBuild and a hub admin do: the time it takes, the size on disk, and how many
packages arrive. pip's download cache is whatever this machine has (warm after the set-up),
so the time is mostly unpacking and byte-compiling, the same for every set. Writes
bench/results/env_size.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workshop_kit.repo import RESULTS_DIR, ROOT


def folder_mib(folder: Path) -> float:
    kib = int(subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True).stdout.split()[0])
    return round(kib / 1024, 1)


def install(which: str) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"env-{which}-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        empty = folder_mib(venv)
        started = time.perf_counter()
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--require-hashes",
                        "-r", str(ROOT / "requirements" / f"{which}.txt")], check=True)
        seconds = time.perf_counter() - started
        packages = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "list", "--format=json"],
                                  capture_output=True, text=True, check=True).stdout
        return {"set": which, "install_s": round(seconds, 1), "size_mib": round(folder_mib(venv) - empty, 1),
                "packages": len(json.loads(packages))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["learners", "all"])
    args = parser.parse_args(argv)
    rows = []
    for which in args.sets:
        rows.append(install(which))
        print(json.dumps(rows[-1]), flush=True)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "env_size.json").write_text(json.dumps({"sets": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
