"""The lessons tier: tests that run lessons in real kernels (Python, R, a Dask cluster) and
compare what they show with the outputs stored in the notebooks (pytest-notebook's settings
are in pyproject.toml). Minutes, not seconds: run one file while working on a lesson."""
