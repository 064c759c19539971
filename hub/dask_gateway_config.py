"""The class hub's dask-gateway (WORKSHOP_HUB_DASK_GATEWAY=1; book/hub-setup.md, "Dask Gateway").

The hub starts `dask-gateway-server -f hub/dask_gateway_config.py` as its service
"dask-gateway" (hub/jupyterhub_config.py) and gives it, as to any service it starts, its
address and token (JUPYTERHUB_API_URL, JUPYTERHUB_API_TOKEN, JUPYTERHUB_SERVICE_NAME,
JUPYTERHUB_SERVICE_PREFIX). The gateway asks the hub who sends each request: a student's
kernel gets clusters of its own, sees only those, and may stop only those.

Schedulers and workers are processes on this machine (dask-gateway's local backend):
- class mode (the hub runs as root): each cluster runs as the student who asked for it;
- try-out mode: as you, like every server of a try-out hub (its users are not accounts).
"""
import os
import pwd
import sys
from pathlib import Path

from dask_gateway_server.backends.local import LocalBackend, UnsafeLocalBackend

c = get_config()  # noqa: F821 (provided by dask-gateway-server when it reads this file)
ENV_BIN = Path(sys.executable).parent


class StudentsOwnBackend(LocalBackend):
    """dask-gateway's LocalBackend (each cluster runs as its student), with its cluster folder
    handed to that student whole. Version 2026.3.0 hands over the letters of the key files'
    paths instead of the files (`paths.extend(path)`), so it makes the student owner of "/"
    and then fails; here the folder and everything in it, and nothing else."""

    def set_file_permissions(self, paths, username):
        account = pwd.getpwnam(username)
        for folder, _, files in os.walk(paths[0]):  # paths[0]: the cluster's own new folder
            for path in [folder, *(os.path.join(folder, name) for name in files)]:
                os.chown(path, account.pw_uid, account.pw_gid)


c.DaskGateway.authenticator_class = "dask_gateway_server.auth.JupyterHubAuthenticator"
# Class mode: every hub user is an account here. Try-out mode: names are free, and so is the
# hub's account (tests run it as root), so clusters run as that account.
c.DaskGateway.backend_class = (UnsafeLocalBackend if os.environ["WORKSHOP_HUB_TRYOUT"] == "1"
                               else StudentsOwnBackend)
# One port on this computer for the students' kernels (requests and schedulers alike); the
# hub's proxy passes /services/dask-gateway/ to it, so dashboards open through the hub.
c.Proxy.address = f"127.0.0.1:{os.environ['WORKSHOP_HUB_DASK_GATEWAY_PORT']}"
c.Proxy.prefix = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
# The workshop's own Dask, by full path: a student's PATH is not the hub's.
c.ClusterConfig.scheduler_cmd = [str(ENV_BIN / "dask"), "scheduler"]
c.ClusterConfig.worker_cmd = [str(ENV_BIN / "dask"), "worker"]
# Workers the size of lesson 10's own: one thread and 1 GiB each, at most 4 per student;
# a cluster nobody uses for 30 minutes stops (a closed laptop leaves no workers behind).
c.ClusterConfig.worker_cores = 1
c.ClusterConfig.worker_memory = "1 G"
c.ClusterConfig.scheduler_memory = "1 G"
c.ClusterConfig.cluster_max_workers = 4
c.ClusterConfig.idle_timeout = 1800
