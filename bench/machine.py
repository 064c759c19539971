"""What the benchmarks ran on, recorded beside their numbers."""
from __future__ import annotations

import os
import platform
from importlib.metadata import version

import psutil

PACKAGES = ("jupyter-book", "myst-nb", "jupyterlab", "jupyterhub")


def describe() -> dict:
    return {"cpus": os.cpu_count(), "cpus_allowed": len(os.sched_getaffinity(0)),
            "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            **{name: version(name) for name in PACKAGES}}
