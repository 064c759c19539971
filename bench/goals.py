"""The goals of issue #16, and each measured result set beside its goal: met, or missed by how much.

One row per goal: what was measured (min and median of the runs), the target, and a verdict.
A miss says by how much, and the report's other sections say where the time or memory went.
"""
from __future__ import annotations

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
