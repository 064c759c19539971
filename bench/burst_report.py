"""The class benchmark's numbers (workshop_bench.hub_burst): the clicks' percentiles, the
failures, the memory peaks and clone sizes, as JSON and as a short table."""
from __future__ import annotations

import json
import statistics

from . import machine
from .stats import percentile

# The columns of the printed table: heading -> key of the report.
COLUMNS = {"students": "students", "ok": "succeeded", "p50 s": "p50_seconds", "p95 s": "p95_seconds",
           "max s": "max_seconds", "of which pulling, p50 s": "pull_p50_seconds",
           "hub+proxy peak MiB": "hub_and_proxy_peak_rss_mib", "hub+servers peak MiB": "all_servers_peak_rss_mib"}


def rounded(values: list[float], how) -> float | None:
    return round(how(values), 2) if values else None


def warm_phase(results: list) -> dict:
    """How many clicks worked, the ones that failed, and p50/p95 seconds of those that worked."""
    done = [r["seconds"] for r in results if r["ok"]]
    return {"succeeded": len(done), "failures": [r for r in results if not r["ok"]],
            "p50_seconds": rounded(done, statistics.median),
            "p95_seconds": rounded(done, lambda values: percentile(values, 0.95))}


def summarize(results: list, wall: float, peaks: dict, sizes: dict, commit: str) -> dict:
    """The cold burst: every student logging in, spawning and pulling at once."""
    done = [r["seconds"] for r in results if r["ok"]]
    pulls = [r["pull_seconds"] for r in results if r["ok"]]
    return {
        "students": len(results), "cpus": machine.describe()["cpus"], **warm_phase(results),
        "max_seconds": rounded(done, max),
        # of which nbgitpuller's own part (the rest is login and the server starting)
        "pull_p50_seconds": rounded(pulls, statistics.median),
        "pull_max_seconds": rounded(pulls, max),
        "wall_seconds": round(wall, 2),
        "hub_and_proxy_peak_rss_mib": round(peaks.get("hub_and_proxy", 0) / 2**20, 1),
        "all_servers_peak_rss_mib": round(peaks.get("everything", 0) / 2**20, 1),
        "clone": sizes, "commit": commit[:10],
    }


def add_warm_clicks(report: dict, cpu: list[float], first_click: list, later_click: list) -> dict:
    """The servers' CPU after the cold burst and the two clicks with servers running; their
    failures count among the report's failures."""
    report["server_cpu_s"] = {"p50": rounded(cpu, statistics.median), "max": rounded(cpu, max)}
    report["warm_first_click"] = warm_phase(first_click)
    report["warm_later_click"] = warm_phase(later_click)
    if report["warm_first_click"]["failures"] or report["warm_later_click"]["failures"]:
        report["failures"] += report["warm_first_click"]["failures"] + report["warm_later_click"]["failures"]
    return report


def show(report: dict) -> None:
    """Print the report as JSON, then a table and a few sentences."""
    print(json.dumps(report))
    print("\n| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS))
    print("| " + " | ".join(str(report[key]) for key in COLUMNS.values()) + " |\n")
    first, later, sizes = report["warm_first_click"], report["warm_later_click"], report["clone"]
    print(f"servers running: first click (clone) p50 {first['p50_seconds']} s, p95 {first['p95_seconds']} s; "
          f"later click (update) p50 {later['p50_seconds']} s, p95 {later['p95_seconds']} s")
    print(f"each server's CPU after start and first pull: p50 {report['server_cpu_s']['p50']} s, "
          f"max {report['server_cpu_s']['max']} s")
    print(f"clone (depth 1, as nbgitpuller): {sizes['working_tree_mb']} MB of files, .git "
          f"{sizes['git_depth1_mb']} MB; full clone .git {sizes['git_full_mb']} MB")
