"""Benchmarks: build, lessons on one CPU, a class pulling at once, page weight, Dask.

Run them all with `workshop-bench`; results go to bench/results/ (not tracked).
"""
