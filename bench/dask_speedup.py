"""How much faster is the Dask lesson's computation on 2 local workers than on 1?

    .venv/bin/python -m workshop_bench.dask_speedup [--repeats 3]

Runs the bootstrap of lesson 10 (18 ICESat-2 segments, one task each) as a plain loop, then
on a LocalCluster with 1 worker and with 2 workers (1 thread and 1 GiB each, as the lesson's
`get_client` makes them). Each cluster gets one untimed warm-up run, then `--repeats` timed
runs. Prints one JSON line: min and median wall time of each, and the speed-up of 2 workers
over 1. The task function is taken from the lesson notebook itself, so the benchmark always
measures what the lesson computes. With fewer than 2 processors, expect no speed-up.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

import dask
import numpy as np
import pandas as pd

from workshop import data
from workshop.cluster import close_client, get_client, n_workers
from workshop.cpus import usable_cpus
from workshop_kit.repo import LESSONS_DIR, RESULTS_DIR

from .measure import summary

LESSON = LESSONS_DIR / "10-scaling-out-with-dask.ipynb"

FOLDER = "icesat2_atl03_photons_greenland"


def lesson_task_function():
    """The lesson's bootstrap_segment, defined from the lesson's own code cell."""
    cells = json.loads(LESSON.read_text(encoding="utf-8"))["cells"]
    source = next("".join(c["source"]) for c in cells
                  if c["cell_type"] == "code" and "def bootstrap_segment" in "".join(c["source"]))
    namespace = {"np": np, "__name__": "__main__"}
    exec(compile(source, str(LESSON.name), "exec"), namespace)
    return namespace["bootstrap_segment"]


def segment_heights() -> list[np.ndarray]:
    """The photon heights of each 20 m segment, cut as in the lesson."""
    photons = pd.read_csv(data.path(FOLDER, "IS2_ATL03selphotons_ATL03_20190314235626_11690205_003_01_gt1l.txt"),
                          skiprows=1, names=["x_m", "h_m"])
    centres = pd.read_csv(data.path(FOLDER, "IS2_elevprofile20m_ATL06_20190314.txt"),
                          skiprows=1, names=["x_m", "h_m"]).x_m.to_numpy()
    return [photons.h_m[(photons.x_m >= c - 10) & (photons.x_m < c + 10)].to_numpy() for c in centres]


def timed(run, repeats: int) -> tuple[list[float], pd.DataFrame]:
    seconds, table = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        table = run()
        seconds.append(time.perf_counter() - start)
    return seconds, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.pop("DASK_SCHEDULER_ADDRESS", None)  # always local clusters here

    bootstrap_segment = lesson_task_function()
    heights = segment_heights()

    def serial():
        return pd.DataFrame([bootstrap_segment(h, i) for i, h in enumerate(heights)])

    def with_dask():
        tasks = [dask.delayed(bootstrap_segment)(h, i) for i, h in enumerate(heights)]
        return pd.DataFrame(list(dask.compute(*tasks)))

    serial_s, reference = timed(serial, args.repeats)
    result = {"benchmark": "dask_speedup", "tasks": len(heights),
              "cpus": usable_cpus(),
              "repeats": args.repeats, "serial_s": summary(serial_s, digits=3, keep_all=True)}
    identical = True
    for workers in (1, 2):
        client = get_client(n_workers=workers)
        try:
            client.wait_for_workers(workers)
            assert n_workers(client) == workers
            with_dask()  # warm-up: workers import NumPy and receive the function
            seconds, table = timed(with_dask, args.repeats)
        finally:
            close_client(client)
        identical = identical and table.equals(reference)
        result[f"workers_{workers}_s"] = summary(seconds, digits=3, keep_all=True)
    one, two = result["workers_1_s"], result["workers_2_s"]
    result["speedup_2_vs_1_min"] = round(one["min"] / two["min"], 2)
    result["speedup_2_vs_1_median"] = round(one["median"] / two["median"], 2)
    result["identical_results"] = identical
    print(json.dumps(result))
    RESULTS_DIR.mkdir(exist_ok=True)  # picked up by workshop-bench
    (RESULTS_DIR / "dask_speedup.json").write_text(json.dumps(result, indent=2))
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
