"""How much processor time one student's server spends starting, and on what.

    .venv/bin/python -m workshop_bench.server_start [--repeat 5] [--imports]

When thirty students log in at once, thirty `jupyterhub-singleuser` processes start on the
same few processors, so each one's start-up CPU time decides how long the class waits. This
starts the real single-user server (the hub config's command and arguments, every server
extension the environment enables) against a small stand-in for the hub's API on 127.0.0.1,
waits until it answers HTTP, and reads its CPU time (user + system, with any children).
`--imports` also runs it once with `-X importtime` and lists the packages whose import
took longest. Writes bench/results/server_start.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from workshop_kit.repo import RESULTS_DIR

from .hub_standin import HubAPI, stand_in_hub
from .server_loads import IMPORT_LINE, enabled_extensions, slowest_imports
from .single_server import server_command, start_once
from .stats import summary

_HubAPI = HubAPI  # the name tests/test_server_start.py imports

# Importable from here as before the stand-in hub, the server's start and what it loads had
# their own modules.
__all__ = ["IMPORT_LINE", "HubAPI", "_HubAPI", "enabled_extensions", "main", "measure",
           "server_command", "slowest_imports", "start_once"]


def measure(repeat: int, imports: bool) -> dict:
    with stand_in_hub() as hub_url:
        runs = []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory(prefix="server-start-") as home:
                runs.append(start_once(hub_url, Path(home)))
        report = {
            "repeat": repeat,
            "cpu_s": summary([r["cpu_s"] for r in runs]),
            "wall_s": summary([r["wall_s"] for r in runs]),
            "server_extensions_enabled": enabled_extensions(),
        }
        if imports:
            with tempfile.TemporaryDirectory(prefix="server-start-") as home:
                profiled = start_once(hub_url, Path(home), {"PYTHONPROFILEIMPORTTIME": "1"})
            report["slowest_imports_ms"] = [[n, round(ms)] for n, ms in slowest_imports(profiled["log"])]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--imports", action="store_true", help="also list the slowest imports")
    args = parser.parse_args(argv)
    report = measure(args.repeat, args.imports)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "server_start.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
