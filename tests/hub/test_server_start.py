"""A student's server starts with what learners use and without the maintainers' extras.

The real jupyterhub-singleuser, with the command and arguments hub/jupyterhub_config.py
gives it, started against a stand-in for the hub's API (workshop_bench.server_start).
"""
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from workshop_bench.server_start import HubAPI, start_once


def test_a_students_server_loads_the_learners_extensions_and_skips_the_rest():
    hub = ThreadingHTTPServer(("127.0.0.1", 0), HubAPI)
    threading.Thread(target=hub.serve_forever, daemon=True).start()
    try:
        with tempfile.TemporaryDirectory() as home:
            started = start_once(f"http://127.0.0.1:{hub.server_address[1]}", Path(home))
    finally:
        hub.shutdown()
    loaded = {line.split("|")[0].split("]")[-1].strip() for line in started["log"].splitlines()
              if "extension was successfully loaded" in line}
    assert {"jupyterlab", "nbgitpuller", "jupyter_server_proxy", "dask_labextension",
            "jupyter_server_terminals", "jupyterhub"} <= loaded, loaded
    assert not loaded & {"jupyter_lsp", "nbdime"}, loaded
    assert started["cpu_s"] > 0
