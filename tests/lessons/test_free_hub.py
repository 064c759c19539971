"""A free hub's limits, as the benchmark applies them, hold for every process a lesson starts;
and the Dask lesson fits itself to the processors it really has.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import nbformat
import pytest

from workshop.cpus import usable_cpus
from workshop_bench.free_hub import Confinement, run_confined
from workshop_kit.repo import LESSONS_DIR

# A process that starts a grandchild (as a kernel starts Dask workers) and reports what
# each of them sees: processors, cgroups, network interfaces.
REPORTER = r"""
import json, multiprocessing, os, socket

def seen(_=None):
    return {"cpus": sorted(os.sched_getaffinity(0)), "cgroup": open("/proc/self/cgroup").read(),
            "interfaces": sorted(name for _, name in socket.if_nameindex())}

if __name__ == "__main__":
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        child = pool.apply(seen)
    print(json.dumps({"parent": seen(), "child": child}))
"""


def script(folder, text: str) -> str:
    """A file to run: multiprocessing's spawned children re-import it (they cannot `-c`)."""
    path = folder / "script.py"
    path.write_text(text)
    return str(path)


def test_every_process_a_lesson_starts_gets_one_cpu_the_cgroup_and_no_network(tmp_path):
    result = run_confined([sys.executable, script(tmp_path, REPORTER)], cpu=1 if os.cpu_count() > 1 else 0,
                          timeout=120)
    assert result["returncode"] == 0, result["stderr"][-2000:]
    seen = json.loads(result["stdout"])
    assert result["cpu_seconds"] > 0, "the box counts no processor time"
    for who in ("parent", "child"):
        assert seen[who]["cpus"] == [1 if os.cpu_count() > 1 else 0], who
        assert "workshop-free-hub-" in seen[who]["cgroup"], who
        assert seen[who]["interfaces"] == ["lo"], who


def test_the_memory_limit_holds_for_the_whole_tree(tmp_path):
    """A child that wants 300 MiB in a 128 MiB box is killed, and the box says so."""
    greedy = ("import multiprocessing\n"
              "def eat(): b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096])\n"
              "if __name__ == '__main__':\n"
              "    p = multiprocessing.get_context('spawn').Process(target=eat); p.start(); p.join()\n"
              "    raise SystemExit(p.exitcode)\n")
    result = run_confined([sys.executable, script(tmp_path, greedy)], memory=128 * 2**20, timeout=120)
    assert result["returncode"] != 0
    assert result["oom_kills"] >= 1
    assert result["peak_bytes"] <= 128 * 2**20


def test_the_box_is_gone_afterwards():
    with Confinement() as box:
        folders = list(box.folders)
        assert all(f.is_dir() for f in folders)
    assert not any(f.exists() for f in folders)


def test_pinned_to_one_processor_a_notebook_counts_one():
    pinned = subprocess.run(["taskset", "-c", "0", sys.executable, "-c",
                             "from workshop.cpus import usable_cpus; print(usable_cpus())"],
                            capture_output=True, text=True, check=True)
    assert pinned.stdout.strip() == "1"
    assert 1 <= usable_cpus() <= os.cpu_count()


@pytest.mark.timeout(300)
def test_the_dask_lesson_keeps_one_worker_on_one_processor(tmp_path):
    """Lesson 10 run with its whole process tree on one processor: one worker, same answers."""
    runner = ("import sys\nfrom pathlib import Path\nimport nbformat\n"
              "from workshop_kit.lessons import execute\n"
              "nb = nbformat.read(sys.argv[1], as_version=4)\n"
              "execute(nb, Path(sys.argv[1]).parent, timeout=300)\n"
              "nbformat.write(nb, sys.argv[2])\n")
    lesson, ran = LESSONS_DIR / "10-scaling-out-with-dask.ipynb", tmp_path / "ran.ipynb"
    env = {k: v for k, v in os.environ.items() if k not in ("DASK_SCHEDULER_ADDRESS", "WORKSHOP_SHOW_DETAILS")}
    subprocess.run(["taskset", "-c", "0", sys.executable, "-c", runner, str(lesson), str(ran)],
                   check=True, env=env, capture_output=True)
    said = "".join(o.get("text", "") for c in nbformat.read(ran, as_version=4).cells
                   if c.cell_type == "code" for o in c.get("outputs", []))
    assert "This server has 1 processor, so the cluster keeps 1 worker." in said
    assert "Connected to a cluster with 2 worker(s)." not in said
    assert "Same result on 1 worker and on all workers: True" in said
    assert "Same as the ordinary loop, to the last digit: True" in said
