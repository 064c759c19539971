"""What a student's server loads while starting: the server extensions the environment
enables, and the packages whose import took longest (from `-X importtime` output)."""
from __future__ import annotations

import re
import subprocess

from workshop_kit.process import ENV_BIN

IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def slowest_imports(log: str, top: int = 15) -> list[tuple[str, float]]:
    """Top-level packages by cumulative import time (ms), from -X importtime output."""
    totals = {}
    for self_us, cumulative_us, indent, name in IMPORT_LINE.findall(log):
        if len(indent) == 1:  # imported by the program itself, not by another package
            root = name.split(".")[0]
            totals[root] = totals.get(root, 0) + int(cumulative_us) / 1000
    return sorted(totals.items(), key=lambda item: -item[1])[:top]


def enabled_extensions() -> list[str]:
    """The server extensions `jupyter server extension list` says are enabled."""
    listed = subprocess.run([str(ENV_BIN / "jupyter"), "server", "extension", "list"],
                            capture_output=True, text=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", listed.stdout + listed.stderr)  # colours
    return sorted(set(re.findall(r"^\s+(\S+) enabled", text, re.MULTILINE)))
