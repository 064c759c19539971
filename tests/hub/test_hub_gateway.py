"""Lesson 10's Dask Gateway on the real class hub (WORKSHOP_HUB_DASK_GATEWAY=1).

The hub is hub/jupyterhub_config.py with the gateway on (try-out mode, as the hub harness
runs it), so the gateway is the real dask-gateway-server started by the hub as its service
with hub/dask_gateway_config.py. A student pulls the workshop through the teacher's link and
runs lesson 10's own cells in her kernel, gateway cells included: the gateway gives her a
cluster of two workers, the lesson's table comes out identical to the ordinary loop's, and
the cluster shuts down. Meanwhile a second student can neither see nor stop it.
"""
from urllib.parse import urlsplit

import psutil
import pytest

from helpers.classroom import PASSWORDS, Seat, guide, own_server, start_hub, uid_of, write_settings
from workshop import links
from workshop_kit.hubharness.hub import Hub
from helpers.kernel import Kernel
from helpers.student_server import StudentServer
from workshop_kit.hubharness.student import Student
from workshop_kit.process import free_port, wait_until

# Class mode: the throwaway classroom of tests/hub/test_hub_class.py, real accounts.

LESSON = "notebooks/10-scaling-out-with-dask.ipynb"
FOLDER = "jupyterhub-workshop"  # the clone folder links.nbgitpuller_link names
SHUTDOWN_CELL = "gateway_cluster.shutdown()"  # the lesson's last gateway cell


@pytest.fixture(scope="module")
def gateway_hub(tmp_path_factory):
    with pytest.MonkeyPatch.context() as env:  # the hub reads its settings from its environment
        env.setenv("WORKSHOP_HUB_DASK_GATEWAY", "1")
        env.setenv("WORKSHOP_HUB_DASK_GATEWAY_PORT", str(free_port()))
        running = Hub(tmp_path_factory.mktemp("gateway-hub"))
        try:
            yield running.start()
        finally:
            running.stop()


def lesson_cells(server) -> list[str]:
    notebook = server.notebook(f"{FOLDER}/{LESSON}")
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


def run_cell(kernel, code: str, hub: Hub) -> str:
    result = kernel.run(code)
    if result["error"]:
        gateway = [line for line in hub.log_tail(400).splitlines() if "DaskGateway" in line]
        pytest.fail(f"{code[:80]!r} failed with {result['error']}: {result['text']}\n"
                    + "\n".join(gateway[-30:]))
    return result["text"]


def test_a_student_gets_two_workers_from_the_gateway_and_only_she_sees_them(gateway_hub, workshop_repo):
    def run(kernel, code: str) -> str:
        return run_cell(kernel, code, gateway_hub)

    link = links.nbgitpuller_link(gateway_hub.url, workshop_repo, branch="main", path=LESSON)
    pull = Student(gateway_hub, "ada").login().click(link)
    assert pull["phase"] == "finished", pull["output"]
    assert Student(gateway_hub, "ben").login().click(link)["phase"] == "finished"
    ada, ben = StudentServer(gateway_hub, "ada"), StudentServer(gateway_hub, "ben")
    cells = lesson_cells(ada)
    last = next(i for i, code in enumerate(cells) if SHUTDOWN_CELL in code)
    with ada.kernel_for(f"{FOLDER}/{LESSON}") as kernel:
        printed = "".join(run(kernel, code) for code in cells[:last])  # up to the shutdown cell
        assert "The gateway's cluster has 2 worker(s)." in printed
        name = run(kernel, "print(gateway_cluster.name)").strip()
        link = run(kernel, "print(gateway_cluster.dashboard_link)").strip()
        assert link.startswith("/services/dask-gateway/clusters/")  # through the hub's own address

        # ben, in his own kernel: the gateway shows him none of ada's clusters, refuses to
        # stop hers, and her cluster keeps both workers.
        with ben.kernel_for(f"{FOLDER}/{LESSON}") as other:
            seen = run(other, "from dask_gateway import Gateway\ngateway = Gateway()\n"
                              "print([c.name for c in gateway.list_clusters()])")
            assert seen.strip() == "[]"
            refused = other.run(f"gateway.stop_cluster({name!r})")
            assert refused["error"] is not None, refused["text"]
        assert run(kernel, "print(n_workers(gateway_client))").strip() == "2"

        finished = "".join(run(kernel, code) for code in cells[last:last + 1])
        assert "Same as the ordinary loop, to the last digit: True" in finished
        assert "The gateway's cluster is shut down." in finished
        left = run(kernel, "print([c.name for c in gateway.list_clusters()])")
        assert left.strip() == "[]"


@pytest.fixture(scope="module")
def class_hub_with_gateway(room):
    """The guide's class hub (steps 2 and 3, as tests/hub/test_hub_class.py) with the gateway on."""
    room.run(f"cd {room.workdir} && " + guide("accounts"))
    write_settings(room, WORKSHOP_HUB_DASK_GATEWAY=1, WORKSHOP_HUB_DASK_GATEWAY_PORT=free_port())
    start_hub(room)
    return room


def test_in_class_mode_the_workers_run_as_the_student(class_hub_with_gateway):
    room = class_hub_with_gateway
    amy = Student(Seat(room.hub_url, PASSWORDS["amy"]), "amy").login()
    wait_until(lambda: urlsplit(amy.session.get(f"{room.hub_url}/hub/", timeout=60).url).path
               == "/user/amy/lab", 120, "amy's JupyterLab", interval=0.5)
    server = own_server(amy)
    server.save_text("gateway.ipynb", "")
    with Kernel(server, "gateway.ipynb", "python3") as kernel:
        started = kernel.run("from dask_gateway import Gateway\ncluster = Gateway().new_cluster()\n"
                             "cluster.scale(2)\nclient = cluster.get_client()\n"
                             "client.wait_for_workers(2)\nprint(len(client.nthreads()))")
        assert started["error"] is None and started["text"].strip() == "2", started
        # The scheduler and both workers (each with its nanny) run as amy, none as root.
        hers = [p.info["cmdline"] for p in psutil.process_iter(["uids", "cmdline"])
                if p.info["uids"] and p.info["uids"].real == uid_of(room, "amy")
                and {"scheduler", "worker"} & set(p.info["cmdline"] or [])]
        assert len(hers) >= 3, hers
        stopped = kernel.run("client.close(); cluster.shutdown(); print('stopped')")
        assert stopped["text"].strip() == "stopped", stopped


def test_the_gateway_setting_is_read_and_checked(tmp_path):
    """Off unless asked; its port defaults to 8002 and must not be one of the hub's own;
    a wrong value stops the hub with one line (hub/jupyterhub_config.py prints it)."""
    from workshop_hub.settings import SettingsError, read
    tryout = {"WORKSHOP_HUB_TRYOUT": "1", "WORKSHOP_HUB_PASSWORD": "eight-chars"}

    def port_of(**more):
        return read({**tryout, **more}, repo=tmp_path, euid=1000).dask_gateway_port

    assert port_of() is None
    assert port_of(WORKSHOP_HUB_DASK_GATEWAY="1") == 8002
    assert port_of(WORKSHOP_HUB_DASK_GATEWAY="1", WORKSHOP_HUB_DASK_GATEWAY_PORT="8786") == 8786
    with pytest.raises(SettingsError, match="WORKSHOP_HUB_DASK_GATEWAY_PORT=8001 is one of the hub's own"):
        port_of(WORKSHOP_HUB_DASK_GATEWAY="1", WORKSHOP_HUB_DASK_GATEWAY_PORT="8001")
    with pytest.raises(SettingsError, match=r"WORKSHOP_HUB_DASK_GATEWAY='yes' is not one of 0, 1"):
        port_of(WORKSHOP_HUB_DASK_GATEWAY="yes")
