"""A student's server starts with what learners use and without the maintainers' extras.

The real jupyterhub-singleuser, with the command and arguments hub/jupyterhub_config.py
gives it, started against a stand-in for the hub's API (workshop_bench.server_start).
"""
import tempfile
from pathlib import Path

from workshop_bench.server_start import stand_in_hub, start_once


def test_a_students_server_loads_the_learners_extensions_and_skips_the_rest():
    with stand_in_hub() as hub_url, tempfile.TemporaryDirectory() as home:
        started = start_once(hub_url, Path(home))
    loaded = {line.split("|")[0].split("]")[-1].strip() for line in started["log"].splitlines()
              if "extension was successfully loaded" in line}
    assert {"jupyterlab", "nbgitpuller", "jupyter_server_proxy", "dask_labextension",
            "jupyter_server_terminals", "jupyterhub"} <= loaded, loaded
    assert not loaded & {"jupyter_lsp", "nbdime"}, loaded
    assert started["cpu_s"] > 0
