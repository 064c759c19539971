"""The benchmarks' report as Markdown: bench/results/report.md."""
from __future__ import annotations

import json


def lesson_table(rows: list[dict]) -> str:
    lines = ["| lesson (1 CPU) | time min (s) | time median (s) | peak memory (MiB) | within 60 s, 1 GiB |",
             "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['lesson']} | {r['seconds_min']} | {r['seconds_median']} | "
                     f"{r['peak_rss_mib']} | {'yes' if r['within_budget'] else 'NO'} |")
    over = [r["lesson"] for r in rows if not r["within_budget"]]
    lines += ["", f"Over budget: {', '.join(over) or 'none'}"]
    return "\n".join(lines)


def markdown(report: dict) -> str:
    b, s = report["build"], report["sizes"]
    timed = [("cold build (s)", "cold_build_s"),
             ("lessons executed bare, summed (s)", "lessons_bare_execution_s"),
             ("rebuild, nothing changed (s)", "no_change_rebuild_s"),
             ("rebuild, one lesson changed (s)", "one_lesson_changed_rebuild_s")]
    lines = ["| measure | min | median |", "|---|---|---|"]
    lines += [f"| {label} | {b[key]['min']} | {b[key]['median']} |" for label, key in timed]
    lines += [f"| build overhead (cold build / bare execution) | {b['build_overhead_ratio']} | |",
              "", lesson_table(report["lessons"]), "",
              f"Tracked tree {s['tracked_tree_mb']} MB; a clone (depth 1, as nbgitpuller makes it) is "
              f"{s['working_tree_mb']} MB of files + {s['git_depth1_mb']} MB .git "
              f"({s['git_full_mb']} MB .git with the whole history).", ""]
    for name, result in report["other"].items():
        lines.append(f"- {name}: `{json.dumps(result)[:400]}`")
    lines.append(f"\nMachine: {json.dumps(report['machine'])}")
    return "\n".join(lines)
