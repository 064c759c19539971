"""How many processors this notebook may really use.

`os.cpu_count()` counts the machine's processors, but a hub usually gives each server fewer:
it pins the server to some of them (a cpuset, seen by `os.sched_getaffinity`) or caps its
share of time (a cgroup CPU quota: `cpu.max` in cgroup v2, `cpu.cfs_quota_us` in v1). A free
hub's server may sit on a 64-processor machine and still have one. This module takes the
smallest of the three.

    from workshop.cpus import usable_cpus
    usable_cpus()   # 1 on a free hub's single processor
"""
from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")


def quota_cpus(cpu_max: str) -> float | None:
    """Processors a cgroup v2 `cpu.max` text ("QUOTA PERIOD" or "max PERIOD") allows."""
    parts = cpu_max.split()
    if len(parts) != 2 or parts[0] == "max":
        return None
    try:
        quota, period = int(parts[0]), int(parts[1])
    except ValueError:
        return None
    return quota / period if quota > 0 and period > 0 else None


def _own_cgroup(controller: str, proc_cgroup: str) -> str | None:
    """This process's cgroup path for `controller` ("" means the v2 unified hierarchy)."""
    for line in proc_cgroup.splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(",") or (controller == "" and controllers == ""):
            return path
    return None


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except OSError:
        return None


def cgroup_quota_cpus(root: Path = CGROUP_ROOT, proc_cgroup: str | None = None) -> float | None:
    """The CPU quota of this process's cgroup, in processors; None when there is none."""
    proc_cgroup = proc_cgroup if proc_cgroup is not None else (_read(Path("/proc/self/cgroup")) or "")
    v2 = _own_cgroup("", proc_cgroup)
    if v2 is not None:
        text = _read(root / v2.lstrip("/") / "cpu.max")
        if text is not None:
            return quota_cpus(text)
    v1 = _own_cgroup("cpu", proc_cgroup)
    if v1 is not None:
        for folder in (root / "cpu" / v1.lstrip("/"), root / "cpu,cpuacct" / v1.lstrip("/")):
            quota, period = _read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us")
            if quota is not None and period is not None:
                return quota_cpus(f"{quota.strip()} {period.strip()}".replace("-1 ", "max "))
    return None


def usable_cpus() -> int:
    """Whole processors this process may use: the fewest of machine, pinning and quota."""
    counts = [os.cpu_count() or 1]
    if hasattr(os, "sched_getaffinity"):
        counts.append(len(os.sched_getaffinity(0)))
    quota = cgroup_quota_cpus()
    if quota is not None:
        counts.append(max(1, math.floor(quota)))  # 1.5 processors' time runs 1 task at full speed
    return max(1, min(counts))
