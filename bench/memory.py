"""Peak memory: the summed resident memory (RSS) of a group of processes, sampled in a
background thread at a fixed interval (also after a sample that failed)."""
from __future__ import annotations

import threading

import psutil


def summed_rss(processes) -> int:
    """Resident memory of these processes together; one that has just ended counts 0."""
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


def descendants(pid: int | None = None) -> list:
    """Every process started by `pid` (default: this one), at any depth."""
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


class PeakSampler:
    """Calls measure() -> {name: bytes} every `interval` s until stopped; keeps each peak.

        with PeakSampler(lambda: {"kernel": summed_rss(descendants())}) as sampler:
            ...
        sampler.peaks["kernel"]
    """

    def __init__(self, measure, interval: float = 0.02):
        self.measure, self.interval = measure, interval
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while True:
            try:
                for name, value in self.measure().items():
                    self.peaks[name] = max(self.peaks.get(name, 0), value)
            except psutil.Error:
                pass  # a process ended between listing and reading it: the next sample counts
            if self._stop.wait(self.interval):
                return

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
