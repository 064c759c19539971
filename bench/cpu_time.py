"""Processor time (user + system) that a process and everything it started have used."""
from __future__ import annotations

import psutil


def tree_cpu_seconds(process: psutil.Process, reaped: bool = False) -> float:
    """CPU seconds of `process` and of its living descendants at any depth; with `reaped`,
    also those of the children it has already waited for (the kernel keeps them in its counts).
    Raises psutil.Error if one of them ends while being read."""
    times = process.cpu_times()
    own = times.user + times.system
    if reaped:
        own += times.children_user + times.children_system
    return own + sum(c.cpu_times().user + c.cpu_times().system for c in process.children(recursive=True))
