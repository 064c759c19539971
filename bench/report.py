"""The benchmarks' goals (issue #16) and their report as Markdown (bench/results/report.md).

Each measured result is set beside its goal: met, or missed by how much. One row per goal:
what was measured (min and median of the runs), the target, and a verdict. A miss says by
how much, and the report's other sections say where the time or memory went.
"""
from __future__ import annotations

import json

BUILD_RATIO = 0.75          # cold build / the lessons' serial execution, same run
LESSON_SECONDS = 30         # each lesson, whole process tree on 1 CPU, 2 GiB, no network
LESSON_MIB = 512
BURST_P95_SECONDS = 30      # 30 students log in, spawn and pull at once


def verdict(value: float | None, target: float, unit: str) -> str:
    if value is None:
        return "not measured"
    if value <= target:
        return "met"
    return f"missed by {value - target:.2f}{unit} ({value / target:.2f}x the goal)"


def rows(report: dict) -> list[dict]:
    """[{goal, target, min, median, verdict}] for whatever parts the report holds."""
    found = []
    build = report.get("build")
    if build:
        ratio = build["parallel_over_serial"]
        found.append({"goal": f"cold build / lessons' serial execution "
                              f"({build['jobs']} at a time, {build['cpus']} CPUs)",
                      "target": f"<= {BUILD_RATIO}", "min": ratio["min"], "median": ratio["median"],
                      "verdict": verdict(ratio["median"], BUILD_RATIO, "")})
    for lesson in report.get("free_hub", {}).get("lessons", []):
        if "failed" in lesson:
            found.append({"goal": f"{lesson['lesson']} on a free hub",
                          "target": f"<= {LESSON_SECONDS} s, {LESSON_MIB} MiB",
                          "min": None, "median": None, "verdict": f"failed: {lesson['failed'][:100]}"})
            continue
        time_verdict = verdict(lesson["seconds_median"], LESSON_SECONDS, " s")
        memory_verdict = verdict(lesson["peak_mib"], LESSON_MIB, " MiB")
        both = "met" if time_verdict == memory_verdict == "met" else \
            "; ".join(f"{what} {v}" for what, v in (("time", time_verdict), ("memory", memory_verdict)) if v != "met")
        found.append({"goal": f"{lesson['lesson']} on a free hub (1 CPU, 2 GiB, no network)",
                      "target": f"<= {LESSON_SECONDS} s, {LESSON_MIB} MiB",
                      "min": f"{lesson['seconds_min']} s",
                      "median": f"{lesson['seconds_median']} s ({lesson.get('cpu_seconds_median')} s CPU), "
                                f"{lesson['peak_mib']} MiB peak",
                      "verdict": both})
    burst = report.get("class_start", {}).get("burst")
    if burst:
        p95 = burst["p95_seconds"]
        said = verdict(p95["median"], BURST_P95_SECONDS, " s")
        if said.startswith("missed"):
            # Why: every server starts at once, so the last waits for all of them.
            cpus = report.get("machine", {}).get("cpus") or 1
            work = burst["students"] * burst["server_cpu_p50_s"]["median"] / cpus
            said += (f": {burst['students']} servers x {burst['server_cpu_p50_s']['median']} s CPU each "
                     f"(start and first pull) / {cpus} CPUs = {work:.0f} s of server work alone")
        found.append({"goal": f"{burst['students']} students log in, spawn and pull at once: p95",
                      "target": f"<= {BURST_P95_SECONDS} s", "min": p95["min"], "median": p95["median"],
                      "verdict": said + ("" if not burst["failures"] else f"; {burst['failures']} failed clicks")})
    return found


def busy_note(report: dict) -> str:
    """How busy the machine was: timings from a shared machine are not the project's own."""
    load = report.get("load_average")
    if not load:
        return ""
    cpus = report.get("machine", {}).get("cpus") or 1
    busy = max(load.values()) > cpus
    return (f"Load average (1 min) at the start and end: {load['start']} and {load['end']} on {cpus} CPUs"
            + (": other work shared the machine, so times are longer than on a quiet one." if busy else "."))


def table(report: dict) -> str:
    lines = ["| goal | target | min | median | verdict |", "|---|---|---|---|---|"]
    for row in rows(report):
        lines.append(f"| {row['goal']} | {row['target']} | {row['min']} | {row['median']} | {row['verdict']} |")
    note = busy_note(report)
    return "\n".join(lines + ([("\n" + note)] if note else []))


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
             f"peak working set (MiB) | within {LESSON_SECONDS} s, {LESSON_MIB} MiB |",
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
    lines = ["# Benchmarks against the goals (issue #16)", "", table(report), ""]
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
