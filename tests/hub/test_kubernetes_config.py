"""The class on Kubernetes, proven without a cluster: `workshop-kubernetes-config`'s config.yaml
checked against the real Zero to JupyterHub 4.4.0 chart.

The chart's files are in ../shared/z2jh-4.4.0 beside the checkout (WORKSHOP_Z2JH_CHART
overrides). The config is merged over the chart's values.yaml and validated against its
values.schema.yaml, as helm does; then the chart's own files/hub/jupyterhub_config.py runs
on the merged values with the chart's hub packages (.venv-z2jh, made by tools/z2jh_env.sh),
in a private mount namespace where /usr/local/etc/jupyterhub holds what the hub pod has
mounted there (the values, the chart's names and secrets). KubeSpawner, given that
configuration, then writes each profile's pod. What only a real cluster shows (image pulls,
storage, autoscaling, dask-gateway answering) is listed in book/hub-setup.md.
"""
import io
import json
import math
import os
import re
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from workshop import nodes
from workshop_kit import kubernetes
from workshop_kit.repo import ROOT

CHART = Path(os.environ.get("WORKSHOP_Z2JH_CHART") or ROOT.parent / "shared" / "z2jh-4.4.0")
CHART_PYTHON = ROOT / ".venv-z2jh" / "bin" / "python"
IMAGE = "registry.example.org/jupyterhub-workshop:2026-12"
REPO = "https://github.com/example-teacher/jupyterhub-workshop"
HUB = "https://hub.example.edu"
OAUTH = {"OAUTH_CLIENT_ID": "class-app-id", "OAUTH_CLIENT_SECRET": "class-app-secret"}
THIRTY = ["--students", "30", "--image", IMAGE]
THREE_HUNDRED = ["--students", "300", "--memory-gb", "2", "--active", "0.4", "--image", IMAGE,
                 "--auth", "github", "--github-org", "example-class", "--idle-minutes", "30"]

# What the hub pod finds in /usr/local/etc/jupyterhub besides the values: the chart's
# ConfigMap of resource names, and the Secret's generated keys (files/hub/z2jh.py reads both).
NAMES = ("hub", "proxy-api", "user-scheduler", "priority", "image-pull-secret", "singleuser")
SECRETS = {"hub.config.JupyterHub.cookie_secret": "ab" * 32, "hub.config.CryptKeeper.keys": "cd" * 32,
           "hub.services.dask-gateway.apiToken": "ef" * 32}
KUBECONFIG = """apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:9"}}]
users: [{name: none, user: {token: none}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
current-context: none
"""
# Runs with the chart's packages, inside the namespace: the chart's config as JupyterHub
# loads it, then the pod KubeSpawner makes for each profile (its own test mode, _mock).
DRIVER = """
import asyncio, json, sys
from jupyterhub.app import JupyterHub
from kubernetes_asyncio.client import ApiClient
from kubespawner import KubeSpawner
from traitlets.config.loader import LazyConfigValue, PyFileConfigLoader

config = PyFileConfigLoader("jupyterhub_config.py", path=sys.argv[1]).load_config()

async def main():
    async with ApiClient() as api:
        pods = {}
        for profile in config.KubeSpawner.profile_list:
            spawner = KubeSpawner(config=config, _mock=True)
            spawner.user_options = {"profile": profile["slug"]}
            await spawner.load_user_options()
            pods[profile["slug"]] = api.sanitize_for_serialization(await spawner.get_pod_manifest())
        # The sign-in JupyterHub would make; traitlets only warns about a setting no class
        # has, so list them: hub.config is free-form, the chart's schema cannot see inside.
        hub = JupyterHub(config=config)
        hub.init_db()  # the chart's sqlite file, here in the test's folder; NativeAuthenticator needs it
        auth = hub.authenticator_class(parent=hub, _deprecated_db_session=hub.db)
        classes = {cls.__name__: cls for cls in type(auth).mro() if hasattr(cls, "class_trait_names")}
        known = {name: set(cls.class_trait_names()) for name, cls in classes.items()}
        signin = {"class": type(auth).__name__, "admin_users": sorted(auth.admin_users),
                  "allowed_organizations": sorted(getattr(auth, "allowed_organizations", [])),
                  "hosted_domain": list(getattr(auth, "hosted_domain", [])),
                  "unknown": {name: sorted(set(config[name]) - known[name])
                              for name in known if set(config.get(name, {})) - known[name]}}

        def plain(value):
            return value.to_dict() if isinstance(value, LazyConfigValue) else api.sanitize_for_serialization(value)
        with open(sys.argv[2], "w") as out:
            json.dump({"config": config, "pods": pods, "signin": signin}, out, default=plain)

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def chart() -> Path:
    if not (CHART / "values.schema.yaml").is_file():
        pytest.skip(f"no Zero to JupyterHub chart files at {CHART} (set WORKSHOP_Z2JH_CHART)")
    return CHART


@pytest.fixture
def class_folder(tmp_path, monkeypatch) -> Path:
    """A workshop checkout whose class is set (the command reads _config.yml where it runs)."""
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "jupyterhub_config.py").write_text("")
    (tmp_path / "_config.yml").write_text(f'repository:\n  url: "{REPO}"\n  branch: "main"\n'
                                          f'launch_buttons:\n  jupyterhub_url: "{HUB}"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def generate(argv, environ=OAUTH) -> tuple[int, str, str]:
    """The command's exit code, standard output and error output."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = kubernetes.main(argv, environ=dict(environ))
        except SystemExit as stop:  # argparse's own refusals
            code = stop.code
    return code, out.getvalue(), err.getvalue()


def merged(chart: Path, config: dict) -> dict:
    """The config over the chart's defaults, merged as helm merges values."""
    def merge(base, over):
        return {**base, **{key: merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict)
                           else value for key, value in over.items()}}
    return merge(yaml.safe_load((chart / "values.yaml").read_text()), config)


def schema_errors(chart: Path, values: dict) -> list[str]:
    schema = yaml.safe_load((chart / "values.schema.yaml").read_text())
    return sorted(f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
                  for error in jsonschema.Draft7Validator(schema).iter_errors(values))


def chart_run(chart: Path, values: dict, tmp_path: Path) -> dict:
    """The chart's jupyterhub_config.py on `values`, as the hub pod runs it; its config and pods."""
    assert CHART_PYTHON.is_file(), "no .venv-z2jh with the chart's hub packages: run bash tools/z2jh_env.sh"
    etc = tmp_path / "etc"
    for folder in ("secret", "config"):
        (etc / "jupyterhub" / folder).mkdir(parents=True)
    mounted = {**values, "Chart": {"Name": "jupyterhub", "Version": "4.4.0"},
               "Release": {"Name": "workshop", "Namespace": "workshop"}}  # the chart's secret adds these
    (etc / "jupyterhub" / "secret" / "values.yaml").write_text(yaml.safe_dump(mounted))
    for key, secret in SECRETS.items():
        (etc / "jupyterhub" / "secret" / key).write_text(secret)
    for name in NAMES:
        (etc / "jupyterhub" / "config" / name).write_text(name)
    (tmp_path / "driver.py").write_text(DRIVER)
    result = tmp_path / "result.json"
    # Kubernetes sets *_SERVICE_PORT for every Service; the config reads two of them.
    # KubeSpawner's client reads a kube-config even in its test mode; it never connects here.
    (tmp_path / "kubeconfig").write_text(KUBECONFIG)
    env = {**os.environ, "KUBECONFIG": str(tmp_path / "kubeconfig"), "POD_NAMESPACE": "workshop",
           "HUB_SERVICE_PORT": "8081", "PROXY_API_SERVICE_PORT": "8001"}
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
         'mount --bind "$1" /usr/local/etc && exec "$2" "$3" "$4" "$5"', "sh",
         str(etc), str(CHART_PYTHON), str(tmp_path / "driver.py"), str(chart / "files" / "hub"), str(result)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Loading /usr/local/etc/jupyterhub/secret/values.yaml" in done.stdout  # the chart read ours
    return json.loads(result.read_text())


def test_the_class_settings_become_a_config_the_charts_schema_accepts(chart, class_folder):
    for argv in (THIRTY, THREE_HUNDRED):
        code, out, err = generate(argv)
        assert (code, err) == (0, "")
        assert schema_errors(chart, merged(chart, yaml.safe_load(out))) == []


def test_a_misspelt_key_or_a_wrong_type_is_refused_by_the_schema(chart, class_folder):
    config = yaml.safe_load(generate(THIRTY)[1])
    misspelt = {**config, "singleuser": {**config["singleuser"], "defaultURL": "/lab"}}
    assert schema_errors(chart, merged(chart, misspelt)) == [
        "singleuser: Additional properties are not allowed ('defaultURL' was unexpected)"]
    wrong_type = {**config, "cull": {**config["cull"], "timeout": "an hour"}}
    assert schema_errors(chart, merged(chart, wrong_type)) == [
        "cull.timeout: 'an hour' is not of type 'integer', 'null'"]


GIB = 1024**3
GOOGLE = ["--students", "30", "--image", IMAGE, "--auth", "google", "--google-domain", "example.edu"]
# What KubeSpawner and the sign-in end up with, for each class: teaching pod's requests and
# limits (CPUs, bytes), the culler's timeout, the sign-in JupyterHub makes.
CLASSES = {
    "30, native": (THIRTY, ({"cpu": 0.25, "memory": GIB}, {"cpu": 1.0, "memory": 2 * GIB}), 3540,
                   {"class": "NativeAuthenticator", "admin_users": ["teacher"], "allowed_organizations": [],
                    "hosted_domain": []}),
    "300, GitHub": (THREE_HUNDRED, ({"cpu": 0.25, "memory": 2 * GIB}, {"cpu": 1.0, "memory": 4 * GIB}), 1740,
                    {"class": "GitHubOAuthenticator", "admin_users": ["teacher"],
                     "allowed_organizations": ["example-class"], "hosted_domain": []}),
    "30, Google": (GOOGLE, ({"cpu": 0.25, "memory": GIB}, {"cpu": 1.0, "memory": 2 * GIB}), 3540,
                   {"class": "GoogleOAuthenticator", "admin_users": ["teacher"], "allowed_organizations": [],
                    "hosted_domain": ["example.edu"]}),
}


@pytest.mark.parametrize("name", CLASSES)
def test_the_charts_own_hub_config_gives_kubespawner_the_class_settings(chart, class_folder, tmp_path, name):
    argv, (requests, limits), timeout, signin = CLASSES[name]
    ran = chart_run(chart, merged(chart, yaml.safe_load(generate(argv)[1])), tmp_path)
    config, pods = ran["config"], ran["pods"]
    assert config["KubeSpawner"]["image"] == IMAGE
    landing = config["Spawner"]["default_url"]
    assert landing.startswith("/git-pull?repo=https%3A%2F%2Fgithub.com%2Fexample-teacher%2Fjupyterhub-workshop"
                              "&branch=main&urlpath=lab%2Ftree%2Fjupyterhub-workshop%2Fnotebooks%2F00-welcome")
    assert config["KubeSpawner"]["environment"]["NBGITPULLER_APP"] == "lab"
    assert ran["signin"] == {**signin, "unknown": {}}   # and no setting the sign-in does not know
    if signin["class"] != "NativeAuthenticator":
        assert config[signin["class"]]["oauth_callback_url"] == f"{HUB}/hub/oauth_callback"
    # The pods students get: the teaching size by default, the research size when chosen.
    resources = {slug: pod["spec"]["containers"][0]["resources"] for slug, pod in pods.items()}
    assert resources == {"teaching": {"requests": requests, "limits": limits},
                         "research": {"requests": {"cpu": 4.0, "memory": 8 * GIB},
                                      "limits": {"cpu": 4.0, "memory": 8 * GIB}}}
    assert {pod["spec"]["containers"][0]["image"] for pod in pods.values()} == {IMAGE}
    services = {service["name"]: service for service in config["JupyterHub"]["services"]}
    # A server unused for the idle minutes stops within them: checked each minute.
    assert f"--timeout={timeout}" in services["jupyterhub-idle-culler"]["command"]
    assert "--cull-every=60" in services["jupyterhub-idle-culler"]["command"]
    assert services["dask-gateway"]["url"] == "http://traefik-dask-gateway"
    assert services["dask-gateway"]["api_token"] == SECRETS["hub.services.dask-gateway.apiToken"]
    environment = {item["name"]: item["value"] for item in pods["teaching"]["spec"]["containers"][0]["env"]}
    assert environment["DASK_GATEWAY__ADDRESS"] == "http://proxy-public/services/dask-gateway"
    assert environment["DASK_GATEWAY__PROXY_ADDRESS"] == "gateway://traefik-dask-gateway:80"


def test_the_chart_run_notices_a_config_it_cannot_use(chart, class_folder, tmp_path):
    """The chart's own check bites: a hub.config section that is no class name stops the hub."""
    config = yaml.safe_load(generate(THIRTY)[1])
    config["hub"]["config"]["githubOAuthenticator"] = {"allowed_organizations": ["x"]}
    with pytest.raises(AssertionError, match="FATAL: Invalid hub.config section name: githubOAuthenticator"):
        chart_run(chart, merged(chart, config), tmp_path)


def test_the_node_plan_in_the_config_is_lesson_11s_for_the_same_figures(class_folder):
    for argv, figures, expected in ((THIRTY, (30, 1, 1.0), 1), (THREE_HUNDRED, (300, 2, 0.4), 4)):
        out = generate(argv)[1]
        plan = nodes.plan(*figures)
        assert f"# {nodes.describe(plan)};" in out
        assert plan.nodes == expected
        memory = yaml.safe_load(out)["singleuser"]["memory"]
        assert memory["guarantee"] == kubernetes.size(figures[1])   # what the plan packs by


@pytest.mark.parametrize("guide", ["book/hub-setup.md", "zh-TW/book/hub-setup.md"])
def test_the_guide_shows_what_the_command_writes(class_folder, guide):
    """book/hub-setup.md's example: the command as written there, and its output, unedited."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    command = re.search(r"^workshop-kubernetes-config (.*?)> config\.yaml$", text, re.S | re.M).group(1)
    argv = command.replace("\\\n", " ").split()
    assert argv == THREE_HUNDRED
    code, out, _ = generate(argv, {"OAUTH_CLIENT_ID": "YOUR-APP-ID", "OAUTH_CLIENT_SECRET": "YOUR-APP-SECRET"})
    assert code == 0 and f"```yaml\n{out}```" in text


def test_300_students_need_4_nodes_of_8_cpus_and_64_gb():
    plan = nodes.plan(users=300, memory_per_user_gb=2, active_fraction=0.4, node_cpus=8, node_memory_gb=64)
    assert (plan.need.active_users, plan.servers_per_node, plan.nodes) == (120, 31, 4)
    assert nodes.describe(plan) == "300 users, 120 at once: 4 node(s) of 64 GB with 8 vCPUs (31 servers on each)"
    assert nodes.plan(300, 2, 0.4, node_cpus=4, node_memory_gb=16).nodes == 18   # 7 on each (memory)


ODD = st.sampled_from([math.inf, -math.inf, math.nan, "8", None, True, 10**400, 0])


@given(users=st.integers(1, 5000), memory=st.floats(0.1, 16), share=st.floats(0.01, 1), cpu=st.floats(0.05, 2),
       node_cpus=st.floats(0.5, 128) | ODD, node_gb=st.floats(1.5, 1024) | ODD)
def test_a_node_plan_always_holds_everyone_at_once_with_their_guarantees(users, memory, share, cpu, node_cpus,
                                                                         node_gb):
    try:
        plan = nodes.plan(users, memory, share, cpu, node_cpus, node_gb)
    except ValueError as refused:
        assert "\n" not in str(refused) and "node" in str(refused)
        return
    assert plan.nodes * plan.servers_per_node >= plan.need.active_users
    assert plan.servers_per_node * memory <= node_gb - nodes.NODE_RESERVED_GB + 1e-6
    assert plan.servers_per_node * cpu <= node_cpus - nodes.NODE_RESERVED_CPU + 1e-6
    assert (plan.nodes - 1) * plan.servers_per_node < plan.need.active_users   # no node to spare


@pytest.mark.parametrize("argv, environ, says", [
    (["--students", "30", "--image", "jupyterhub-workshop"], OAUTH, "--image 'jupyterhub-workshop' should be NAME:TAG"),
    (THIRTY + ["--auth", "github"], OAUTH, "--auth github needs --github-org"),
    (THIRTY + ["--auth", "google", "--google-domain", "school"], OAUTH, "--auth google needs --google-domain"),
    (THIRTY + ["--auth", "google", "--google-domain", "example.edu"], {},
     "needs OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET"),
    (THIRTY + ["--idle-minutes", "1"], OAUTH, "should be a whole number of minutes, 2 or more"),
    (THIRTY, {"WORKSHOP_HUB_IDLE_MINUTES": "half an hour"}, "'half an hour' should be a whole number of minutes"),
    (THIRTY + ["--research-cpus", "16"], OAUTH, "cannot hold even one server of 8 GB and 16 vCPU"),
    (THIRTY + ["--cpu", "2"], OAUTH, "--cpu 2 is more than the teaching server's 1 CPU"),
    (THIRTY + ["--active", "1.5"], OAUTH, "active_fraction is a share between 0 and 1"),
    (THIRTY + ["--memory-gb", "0.0001"], OAUTH, "a server needs at least 0.25 GB"),
    (THIRTY + ["--cpu", "1e-9"], OAUTH, "and 0.01 vCPU"),
    (THIRTY + ["--memory-gb", "nan"], OAUTH, "argument --memory-gb: 'nan' should be a number above 0"),
    (["--students", "thirty", "--image", IMAGE], OAUTH, "argument --students: invalid int value: 'thirty'"),
    (THIRTY + ["--admins", "teacher, no one"], OAUTH, "--admins 'teacher, no one' should be your own sign-in name"),
])
def test_each_bad_setting_gets_one_line(class_folder, argv, environ, says):
    code, out, err = generate(argv, environ)
    assert (code, out) == (2, "")
    assert err.startswith("error: ") and err.count("\n") == 1 and says in err, err


def test_an_unset_class_gets_the_set_class_line(class_folder):
    (class_folder / "_config.yml").write_text('repository:\n  url: ""\n')
    code, out, err = generate(THIRTY)
    assert (code, out) == (2, "") and "run `workshop-set-class --repo URL --hub URL`" in err
    (class_folder / "_config.yml").write_text(f'repository:\n  url: "{REPO}"\n')   # no hub: OAuth needs one
    assert "needs the hub's address" in generate(THREE_HUNDRED)[2]


SETTING = st.sampled_from(["--students", "--image", "--auth", "--admins", "--github-org", "--google-domain",
                           "--memory-gb", "--cpu", "--active", "--idle-minutes", "--research-cpus",
                           "--research-memory-gb", "--node-cpus", "--node-memory-gb"])
VALUE = st.one_of(st.sampled_from(["0", "-1", "1e309", "nan", "2", "0.5", "300", IMAGE, "github", "google",
                                   "native", "example.edu", "a:b", ""]), st.text(max_size=30))


@given(pairs=st.lists(st.tuples(SETTING, VALUE), max_size=6), oauth=st.booleans())
def test_any_settings_give_a_config_or_one_line(pairs, oauth, tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    (folder / "hub").mkdir()
    (folder / "hub" / "jupyterhub_config.py").write_text("")
    (folder / "_config.yml").write_text(f'repository:\n  url: "{REPO}"\nlaunch_buttons:\n  jupyterhub_url: "{HUB}"\n')
    argv = ["--students", "30", "--image", IMAGE] + [part for pair in pairs for part in pair]
    here = Path.cwd()
    os.chdir(folder)
    try:
        code, out, err = generate(argv, OAUTH if oauth else {})
    finally:
        os.chdir(here)
    if code == 0:
        assert err == "" and isinstance(yaml.safe_load(out)["singleuser"]["profileList"], list)
    else:
        assert code == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1, err


def test_the_image_repo2docker_builds_has_what_a_kubernetes_hub_serves_the_lessons_with():
    """The image is what Binder's plan installs (tests/hub/test_repo2docker.py): binder/postBuild
    installs the learners' lock, which must hold nbgitpuller (the landing link),
    JupyterHub's single-user server, and dask-gateway's client (lesson 10, where a hub
    offers a gateway)."""
    post_build = (ROOT / "binder" / "postBuild").read_text()
    locks = re.findall(r"pip install [^\n]*-r (\S+)", post_build)
    assert locks, "binder/postBuild installs no requirements file"
    names = {match.lower() for lock in locks
             for match in re.findall(r"^([A-Za-z0-9_.-]+)==", (ROOT / lock).read_text(), re.M)}
    assert {"nbgitpuller", "jupyterhub", "jupyterlab", "dask-gateway"} <= names
