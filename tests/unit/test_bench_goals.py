"""The benchmark report sets each result beside its goal, and says by how much a goal is missed."""
from workshop_bench.report import markdown, rows

REPORT = {
    "machine": {"cpus": 2}, "commit": "abcdef1234", "repeat": 3, "other": {},
    "load_average": {"start": 7.5, "end": 3.0},
    "build": {"jobs": 2, "cpus": 2, "cold_build_s": {"min": 50, "median": 52},
              "lessons_serial_execution_s": {"min": 80, "median": 81},
              "parallel_over_serial": {"min": 0.62, "median": 0.64},
              "no_change_rebuild_s": {"min": 8, "median": 9}, "one_lesson_changed_rebuild_s": {"min": 12, "median": 13},
              "changed_lesson": "02-notebook-basics"},
    "free_hub": {"cgroup": "v1", "repeat": 3, "lessons": [
        {"lesson": "02-notebook-basics", "seconds_min": 3.1, "seconds_median": 3.3, "peak_mib": 120,
         "within_goal": True},
        {"lesson": "10-scaling-out-with-dask", "seconds_min": 33.0, "seconds_median": 36.0, "peak_mib": 600,
         "within_goal": False}]},
    "class_start": {"burst": {"students": 30, "failures": 0, "p50_seconds": {"min": 20, "median": 22},
                              "p95_seconds": {"min": 40, "median": 45}, "server_cpu_p50_s": {"min": 2, "median": 2.1},
                              "warm_first_click_p95_s": {"min": 5, "median": 6},
                              "warm_later_click_p95_s": {"min": 3, "median": 3.5}, "runs": [{}, {}, {}]}},
}


def test_each_goal_is_met_or_missed_by_how_much():
    verdicts = {row["goal"].split(" ")[0]: row["verdict"] for row in rows(REPORT)}
    assert verdicts["cold"] == "met"
    assert verdicts["02-notebook-basics"] == "met"
    assert verdicts["10-scaling-out-with-dask"] == ("time missed by 6.00 s (1.20x the goal); "
                                                    "memory missed by 88.00 MiB (1.17x the goal)")
    assert verdicts["30"] == ("missed by 15.00 s (1.50x the goal): 30 servers x 2.1 s CPU each "
                              "(start and first pull) / 2 CPUs = 32 s of server work alone")


def test_the_report_starts_with_the_goals_and_shows_min_and_median():
    text = markdown(REPORT)
    assert text.index("| goal | target | min | median | verdict |") < text.index("## Build")
    assert "| cold build / serial lessons (same run) | 0.62 / 0.64 |" in text
    assert "| servers running, later click (update): p95 (s) | 3 / 3.5 |" in text
    assert "Load average (1 min) at the start and end: 7.5 and 3.0 on 2 CPUs: other work shared" in text
