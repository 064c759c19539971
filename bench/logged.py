"""Run a benchmark's command with its output in a log file; a failure shows the log."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

from workshop_kit.process import tail


class BenchFailed(RuntimeError):
    """A benchmarked command failed; the message ends with its log."""


def run_logged(command: list[str], log: Path, cwd: Path | None = None, ok_codes=(0,)) -> float:
    """Run `command`, its output appended to `log`; the seconds it took. Raises on failure
    (an exit code not in `ok_codes`)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        out.write(f"\n$ {' '.join(map(str, command))}  (in {cwd or '.'})\n".encode())
        out.flush()
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        seconds = time.perf_counter() - start
    if done.returncode not in ok_codes:
        raise BenchFailed(f"{' '.join(map(str, command))} failed with code {done.returncode}; "
                          f"the end of {log}:\n{tail(log, 40)}")
    return seconds
