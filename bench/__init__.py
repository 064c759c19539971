"""Benchmarks: build, lessons on one CPU, a class pulling at once, page weight, Dask.

Run them all with `workshop-bench` (run.py); results go to bench/results/ (not tracked).
One module per benchmark (build, free_hub, server_start, hub_burst, env_size, page_weight,
dask_speedup), what they all measure with in measure.py, the goals and the report in report.py.
"""
