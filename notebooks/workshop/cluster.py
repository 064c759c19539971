"""Start or join a Dask cluster from a lesson, and find its dashboard.

    from workshop.cluster import get_client, dashboard_link, close_client
    client = get_client()          # a small cluster on this computer, or the one named below
    print(dashboard_link(client))  # a link that also works on a JupyterHub
    ...
    close_client(client)

Where the work runs:

- If the environment variable DASK_SCHEDULER_ADDRESS is set (for example
  "tcp://10.0.0.5:8786", by a hub admin or a test), the client joins that existing cluster.
  Dask's own `Client()` reads the same variable; it is handled here explicitly so that the
  lesson can say which case it is in.
- Otherwise it starts a LocalCluster sized for a free teaching hub: one worker process with
  one thread and a 1 GiB memory limit. Lessons can ask for more with `cluster.scale(n)`;
  `usable_cpus()` says how many processors this server really has (a free hub's: 1), so a
  lesson adds workers only where they can run at the same time.

A Dask Gateway (the usual way on Kubernetes hubs such as Pangeo's, and on the workshop's
class hub with WORKSHOP_HUB_DASK_GATEWAY=1) starts clusters for hub users: `gateway_or_none()`
returns dask-gateway's `Gateway()` where the hub offers one (it sets DASK_GATEWAY__ADDRESS
in every server), else None after one line that says so; lesson 10 then uses
`gateway.new_cluster()`, `cluster.scale(n)` and `cluster.get_client()`.
"""
from __future__ import annotations

import logging
import os
import socket
from urllib.parse import urlsplit

from distributed import Client, LocalCluster

from . import language
from .cpus import usable_cpus  # noqa: F401 (lessons import it from here, beside get_client)

ADDRESS_VARIABLE = "DASK_SCHEDULER_ADDRESS"
DASHBOARD_PORT = 8787  # Dask's usual dashboard port; a free one is chosen if it is taken


def _port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def get_client(n_workers: int = 1, threads_per_worker: int = 1, memory_limit: str = "1GiB") -> Client:
    """A Dask client: joined to the cluster in DASK_SCHEDULER_ADDRESS, or to a new local one.

    The sizes apply only to the local cluster; a cluster started elsewhere has its own.
    """
    address = os.environ.get(ADDRESS_VARIABLE, "").strip()
    if address:
        try:
            return Client(address, timeout="20s")
        except OSError as error:
            raise RuntimeError(language.text(GATEWAY_MESSAGES, "no_scheduler", name=ADDRESS_VARIABLE)) from error

    # The dashboard listens only on this computer (127.0.0.1); on a hub, jupyter-server-proxy
    # carries it to your browser. Use the usual port when it is free, else any free port, so
    # two notebooks (or two users of one server) do not collide.
    port = DASHBOARD_PORT if _port_is_free(DASHBOARD_PORT) else 0
    cluster = LocalCluster(
        n_workers=n_workers,
        threads_per_worker=threads_per_worker,
        memory_limit=memory_limit,
        processes=True,  # each worker is its own Python process, as on a real cluster
        dashboard_address=f"127.0.0.1:{port}",
    )
    return Client(cluster)


def n_workers(client: Client) -> int:
    """How many workers the cluster has right now."""
    return len(client.nthreads())


def _is_this_computer(host: str) -> bool:
    return host in {"127.0.0.1", "localhost", "0.0.0.0", "::1", "", socket.gethostname()}


def dashboard_link(client: Client) -> str | None:
    """A link to the cluster's dashboard that works where this notebook runs, or None.

    On a JupyterHub (JUPYTERHUB_SERVICE_PREFIX is set) a dashboard on this computer is
    reached through jupyter-server-proxy at <prefix>proxy/<port>/status; elsewhere, and for
    clusters on other computers, the plain link is returned.
    """
    info = client.scheduler_info()
    port = info.get("services", {}).get("dashboard")
    if port is None:
        return None  # the scheduler was started without a dashboard
    host = urlsplit(info["address"]).hostname or ""
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX")
    if prefix and _is_this_computer(host):
        return f"{prefix.rstrip('/')}/proxy/{port}/status"
    if host in {"0.0.0.0", ""}:
        host = "127.0.0.1"
    return f"http://{host}:{port}/status"


def _quiet_worker_logs() -> None:
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


def close_client(client: Client) -> None:
    """Disconnect; also stop the cluster if get_client started it (not a shared one)."""
    cluster = client.cluster  # None when the client joined a cluster started elsewhere
    if cluster is not None:
        # A worker starved of CPU while its cluster closes can log a 28-line "Failed to
        # communicate with scheduler during heartbeat" traceback, which the notebook shows in
        # red (2 in 42 closes at a quarter of a CPU; none in 24 with this). The workers are
        # being stopped on purpose: they need not say so.
        try:
            client.run(_quiet_worker_logs)
        except Exception:  # a worker already gone has nothing left to say
            pass
    client.close()
    if cluster is None:
        return
    # On a busy machine a worker can take longer than Dask's 4 seconds to exit; Dask then stops
    # it and logs "Worker process still alive after 4.0 seconds, killing", which a notebook
    # shows in red under the lesson's last cell. Stopping it is what was asked for here.
    nanny = logging.getLogger("distributed.nanny")
    level = nanny.level
    nanny.setLevel(logging.ERROR)
    try:
        cluster.close()
    finally:
        nanny.setLevel(level)


GATEWAY_VARIABLE = "DASK_GATEWAY__ADDRESS"  # what a hub with a gateway sets (dask's config)


GATEWAY_MESSAGES = {  # and the one message of get_client
    "no_scheduler": {"en": "No Dask scheduler answered at the address in {name}. Ask whoever set it whether "
                           "the cluster is running, or unset the variable to use a small cluster on this computer.",
                     "zh-TW": "{name} 裡的位址沒有 Dask 排程器回應。請問設定它的人叢集是否正在執行，"
                              "或是取消這個變數，改用這台電腦上的小叢集。"},
    "none": {"en": "No hub offers a Dask Gateway here, so these cells do nothing: the lesson "
                   "goes on with the cluster above.",
             "zh-TW": "這裡沒有 Hub 提供 Dask Gateway，所以這幾個儲存格什麼都不做：課程繼續使用上面的叢集。"},
    "missing": {"en": "This hub offers a Dask Gateway, but the dask-gateway package is not "
                      "installed here: install the workshop's environment (requirements/learners.txt).",
                "zh-TW": "這個 Hub 提供 Dask Gateway，但這裡沒有安裝 dask-gateway 套件：請安裝工作坊的環境"
                         "（requirements/learners.txt）。"},
}


def gateway_or_none(say=print):
    """The hub's Dask Gateway (dask_gateway.Gateway), or None after one line where there is none."""
    if not os.environ.get(GATEWAY_VARIABLE, "").strip():
        say(language.text(GATEWAY_MESSAGES, "none"))
        return None
    try:
        from dask_gateway import Gateway
    except ImportError:
        say(language.text(GATEWAY_MESSAGES, "missing"))
        return None
    return Gateway()
