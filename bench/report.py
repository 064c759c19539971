"""The benchmarks' report as Markdown: bench/results/report.md. The goals come first."""
from __future__ import annotations

import json

from . import goals


def lesson_table(rows: list[dict]) -> str:
    lines = ["| lesson (1 CPU) | time min (s) | time median (s) | peak memory (MiB) | within 60 s, 1 GiB |",
             "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['lesson']} | {r['seconds_min']} | {r['seconds_median']} | "
                     f"{r['peak_rss_mib']} | {'yes' if r['within_budget'] else 'NO'} |")
    over = [r["lesson"] for r in rows if not r["within_budget"]]
    lines += ["", f"Over budget: {', '.join(over) or 'none'}"]
    return "\n".join(lines)


def _mm(value: dict, unit: str = "") -> str:
    return f"{value['min']}{unit} / {value['median']}{unit}"


def build_section(b: dict) -> list[str]:
    return ["## Build", "", "| measure | min / median |", "|---|---|",
            f"| cold build, `workshop-build --jobs {b['jobs']}` (s) | {_mm(b['cold_build_s'])} |",
            f"| the same lessons run one after another, bare (s) | {_mm(b['lessons_serial_execution_s'])} |",
            f"| cold build / serial lessons (same run) | {_mm(b['parallel_over_serial'])} |",
            f"| rebuild, nothing changed (s) | {_mm(b['no_change_rebuild_s'])} |",
            f"| rebuild, one lesson changed ({b['changed_lesson']}) (s) | "
            f"{_mm(b['one_lesson_changed_rebuild_s'])} |", ""]


def free_hub_table(rows: list[dict]) -> str:
    """Each lesson on a free hub (workshop_bench.free_hub) beside the goal."""
    lines = ["| lesson (1 CPU, 2 GiB, no network) | time min (s) | time median (s) | CPU time median (s) | "
             f"peak working set (MiB) | within {goals.LESSON_SECONDS} s, {goals.LESSON_MIB} MiB |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        if "failed" in r:
            lines.append(f"| {r['lesson']} | failed | | | | NO: {r['failed'][:120]} |")
        else:
            lines.append(f"| {r['lesson']} | {r['seconds_min']} | {r['seconds_median']} | "
                         f"{r.get('cpu_seconds_median')} | "
                         f"{r['peak_mib']} | {'yes' if r['within_goal'] else 'NO'} |")
    return "\n".join(lines)


def free_hub_section(free_hub: dict) -> list[str]:
    return [f"## Each lesson on a free hub (cgroup {free_hub['cgroup']}, {free_hub['repeat']} runs)", "",
            free_hub_table(free_hub["lessons"]), ""]


def class_start_section(start: dict) -> list[str]:
    lines = ["## Class start", ""]
    one = start.get("server_start")
    if one:
        lines += [f"One student's server, start until it answers: CPU {_mm(one['cpu_s'], ' s')} (min / median of "
                  f"{one['repeat']}), wall {_mm(one['wall_s'], ' s')}. Server extensions enabled in the "
                  f"environment: {', '.join(one['server_extensions_enabled'])}.", ""]
        if one.get("slowest_imports_ms"):
            lines += ["Slowest imports at start (ms, cumulative, one run): "
                      + ", ".join(f"{name} {ms}" for name, ms in one["slowest_imports_ms"][:10]), ""]
    burst = start.get("burst")
    if burst:
        lines += [f"| {burst['students']} students at once | min / median of {len(burst['runs'])} runs |", "|---|---|",
                  f"| log in, spawn, pull: p50 (s) | {_mm(burst['p50_seconds'])} |",
                  f"| log in, spawn, pull: p95 (s) | {_mm(burst['p95_seconds'])} |",
                  f"| each server's CPU after start and first pull, p50 (s) | {_mm(burst['server_cpu_p50_s'])} |",
                  f"| servers running, first click (clone): p95 (s) | {_mm(burst['warm_first_click_p95_s'])} |",
                  f"| servers running, later click (update): p95 (s) | {_mm(burst['warm_later_click_p95_s'])} |",
                  f"| failed clicks | {burst['failures']} |", ""]
    return lines


def env_section(env: dict) -> list[str]:
    lines = ["## What Binder and a hub install", "",
             "| set | install (s) | size (MiB) | packages |", "|---|---|---|---|"]
    for row in env["sets"]:
        label = {"learners": "learners' set (Binder, hub)",
                 "all": "everything (learners' + maintainers')"}.get(row["set"], row["set"])
        lines.append(f"| {label} | {row['install_s']} | {row['size_mib']} | {row['packages']} |")
    return lines + ["", "(one run each into a throwaway venv with pip's cache warm: unpacking and byte-compiling)", ""]


def markdown(report: dict) -> str:
    lines = ["# Benchmarks against the goals (issue #16)", "", goals.table(report), ""]
    if "build" in report:
        lines += build_section(report["build"])
    if "free_hub" in report:
        lines += free_hub_section(report["free_hub"])
    if "class_start" in report:
        lines += class_start_section(report["class_start"])
    if "env" in report:
        lines += env_section(report["env"])
    if "sizes" in report:
        s = report["sizes"]
        lines += [f"Tracked tree {s['tracked_tree_mb']} MB; a clone (depth 1, as nbgitpuller makes it) is "
                  f"{s['working_tree_mb']} MB of files + {s['git_depth1_mb']} MB .git "
                  f"({s['git_full_mb']} MB .git with the whole history).", ""]
    for name, result in report["other"].items():
        lines.append(f"- {name}: `{json.dumps(result)[:400]}`")
    lines.append(f"\nMachine: {json.dumps(report['machine'])}; commit {report['commit'][:10]}; "
                 f"{report['repeat']} runs of each timing.")
    return "\n".join(lines)
