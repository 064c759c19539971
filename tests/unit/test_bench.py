"""The benchmarks' plumbing fails loudly and samples gently (no timing is asserted here)."""
import sys
import time

import psutil
import pytest

from workshop_bench.measure import BenchFailed, PeakSampler, run_logged, summary


def test_a_failing_command_stops_the_benchmark_and_shows_its_log(tmp_path):
    log = tmp_path / "build.log"
    command = [sys.executable, "-c", "print('WARNING: toc.yml names a missing file'); raise SystemExit(2)"]
    with pytest.raises(BenchFailed) as failed:
        run_logged(command, log)
    assert "failed with code 2" in str(failed.value)
    assert "WARNING: toc.yml names a missing file" in str(failed.value)
    assert "WARNING: toc.yml names a missing file" in log.read_text()


def test_a_command_that_works_is_logged_and_timed(tmp_path):
    log = tmp_path / "build.log"
    seconds = run_logged([sys.executable, "-c", "print('built')"], log)
    assert seconds > 0 and "built" in log.read_text()


@pytest.mark.timeout(20)  # a sampler that never stops would hang the run
def test_the_memory_sampler_waits_between_samples_even_when_a_process_vanished():
    calls = []

    def vanished():
        calls.append(time.monotonic())
        raise psutil.NoSuchProcess(1)
    with PeakSampler(vanished, interval=0.05):
        time.sleep(0.25)
    assert 1 <= len(calls) <= 8, f"{len(calls)} samples in 0.25 s at one per 0.05 s"


def test_min_and_median():
    assert summary([3.0, 1.0, 2.0, 10.0]) == {"min": 1.0, "median": 2.5}
    assert summary([1.23456], digits=3, keep_all=True) == {"min": 1.235, "median": 1.235, "all": [1.235]}
