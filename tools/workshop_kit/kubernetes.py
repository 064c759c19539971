"""The class on Kubernetes: a Zero to JupyterHub `config.yaml` from what the teacher already set.

    workshop-kubernetes-config --students 300 --memory-gb 2 --active 0.4 \\
        --image registry.example.org/jupyterhub-workshop:2026-12 --auth github --github-org my-class > config.yaml

It reads the repository and the hub from _config.yml (`workshop-set-class`), and sizes the
servers with lesson 11's figures (workshop.sizing, workshop.nodes): each server is
guaranteed the memory and CPU the calculator counts on, so the node plan written at the top
of the file holds the class. The image is the one repo2docker builds from this repository.
Every student lands through the class's nbgitpuller link in JupyterLab; idle servers stop
as on the one-machine hub; dask-gateway (its own chart, release `dask-gateway`) serves the
Dask lesson. A bad setting gets one line (KubernetesSettingsError), never a half-made file.
tests/hub/test_kubernetes_config.py checks the output against the real chart (book/hub-setup.md).
"""
from __future__ import annotations

import argparse
import math
import os
import re
import sys

import yaml
from workshop import nodes, sizing
from workshop.links import LinkError, nbgitpuller_link

from . import classconfig
from .links_cli import lesson_path

# A container image reference with a tag: [registry[:port]/]path:tag (Docker's grammar).
IMAGE = re.compile(r"(?P<name>(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                   r"(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*):(?P<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})")
GITHUB_ORG = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?::[A-Za-z0-9_.-]+)?")  # org or org:team
DOMAIN = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
ADMIN = re.compile(r"[A-Za-z0-9_.@-]{1,64}")
TEACHING_CPUS = 1        # the talk's free hub gives everyone one CPU
SMALLEST_GB, SMALLEST_CPU = 0.25, 0.01   # an idle JupyterLab and its kernel; Kubernetes counts 0.001 CPU
MEMORY_HEADROOM = 2      # a teaching server may use twice its guarantee for a moment (lesson 11's 2G)
# dask-gateway's chart, installed as release "dask-gateway" beside this one: its proxy service.
GATEWAY_URL = "http://traefik-dask-gateway"


class KubernetesSettingsError(ValueError):
    """A setting that cannot make a working config; the message is one line."""


def size(gb: float) -> str:
    """Kubernetes' memory size for `gb` GiB, as KubeSpawner reads it ('2G', '1536M')."""
    mib = round(gb * 1024)
    return f"{mib // 1024}G" if mib % 1024 == 0 else f"{mib}M"


def profile(slug: str, name: str, about: str, cpus: tuple[float, float], memory_gb: tuple[float, float],
            default: bool = False) -> dict:
    """A server size students choose from; cpus and memory_gb are (guarantee, limit)."""
    chosen = {"display_name": name, "slug": slug, "description": about, "default": default}
    chosen["kubespawner_override"] = {"cpu_guarantee": cpus[0], "cpu_limit": cpus[1],
                                      "mem_guarantee": size(memory_gb[0]), "mem_limit": size(memory_gb[1])}
    return chosen


def authenticator(args, hub: str, environ) -> dict:
    """hub.config for the chosen sign-in; OAuth apps' id and secret come from the environment."""
    admins = sorted({name.strip() for name in args.admins.split(",") if name.strip()})
    if not admins or not all(ADMIN.fullmatch(name) for name in admins):
        raise KubernetesSettingsError(f"--admins {args.admins!r} should be your own sign-in name(s), "
                                      "comma-separated, e.g. --admins teacher")
    if args.auth == "native":  # the chart's own accounts: students sign up, an admin approves them
        return {"JupyterHub": {"authenticator_class": "native"},
                "Authenticator": {"admin_users": admins}, "NativeAuthenticator": {"open_signup": False}}
    if not hub:
        raise KubernetesSettingsError(f"--auth {args.auth} needs the hub's address for the sign-in "
                                      "callback: run `workshop-set-class --repo URL --hub URL` first")
    missing = [name for name in ("OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET") if not environ.get(name, "").strip()]
    if missing:
        raise KubernetesSettingsError(f"--auth {args.auth} needs {' and '.join(missing)} in the environment "
                                      f"(from your {args.auth.title()} OAuth app, callback {hub}/hub/oauth_callback)")
    oauth = {"client_id": environ["OAUTH_CLIENT_ID"].strip(), "client_secret": environ["OAUTH_CLIENT_SECRET"].strip(),
             "oauth_callback_url": f"{hub}/hub/oauth_callback"}
    if args.auth == "github":
        if not GITHUB_ORG.fullmatch(args.github_org or ""):
            raise KubernetesSettingsError(f"--auth github needs --github-org (your class's GitHub organization, "
                                          f"or org:team); got {args.github_org!r}")
        section, oauth["allowed_organizations"] = "GitHubOAuthenticator", [args.github_org]
    else:
        domain = (args.google_domain or "").strip().lower()
        if not DOMAIN.fullmatch(domain):
            raise KubernetesSettingsError(f"--auth google needs --google-domain (your school's Google domain, "
                                          f"e.g. example.edu); got {args.google_domain!r}")
        section, oauth["hosted_domain"], oauth["allow_all"] = "GoogleOAuthenticator", [domain], True
    return {"JupyterHub": {"authenticator_class": args.auth}, "Authenticator": {"admin_users": admins},
            section: oauth}


def make_config(args, addresses: classconfig.ClassAddresses, environ) -> tuple[dict, nodes.NodePlan]:
    """The chart's values for the class, and the node plan they are sized for."""
    if not addresses.is_set:
        raise KubernetesSettingsError(classconfig.UNSET_HINT)
    image = IMAGE.fullmatch(args.image.strip())
    if not image:
        raise KubernetesSettingsError(f"--image {args.image!r} should be NAME:TAG as repo2docker built it, "
                                      "e.g. registry.example.org/jupyterhub-workshop:2026-12")
    idle = str(args.idle_minutes or environ.get("WORKSHOP_HUB_IDLE_MINUTES") or "60").strip()
    if not re.fullmatch(r"[0-9]{1,4}", idle) or int(idle) < 2:
        raise KubernetesSettingsError(f"--idle-minutes (or WORKSHOP_HUB_IDLE_MINUTES) {idle!r} should be a whole "
                                      "number of minutes, 2 or more, e.g. 30")
    try:
        plan = nodes.plan(args.students, args.memory_gb, args.active, args.cpu, args.node_cpus, args.node_memory_gb)
        nodes.plan(1, args.research_memory_gb, 1.0, args.research_cpus, args.node_cpus, args.node_memory_gb)
    except ValueError as problem:
        raise KubernetesSettingsError(str(problem)) from None
    if min(args.memory_gb, args.research_memory_gb) < SMALLEST_GB or min(args.cpu, args.research_cpus) < SMALLEST_CPU:
        raise KubernetesSettingsError(f"a server needs at least {SMALLEST_GB:g} GB (--memory-gb, --research-memory-gb) "
                                      f"and {SMALLEST_CPU:g} vCPU (--cpu, --research-cpus): JupyterLab alone uses "
                                      "that much")
    if args.cpu > TEACHING_CPUS:
        raise KubernetesSettingsError(f"--cpu {args.cpu:g} is more than the teaching server's {TEACHING_CPUS} CPU; "
                                      "give the research size more instead (--research-cpus)")
    try:  # the link students click, opening lesson 00; on the hub it is the server's own page
        link = nbgitpuller_link(addresses.hub or "https://hub.example.org", addresses.repo, addresses.branch,
                                path=lesson_path("00"))
    except LinkError as problem:
        raise KubernetesSettingsError(str(problem)) from None
    teaching = profile("teaching", "Teaching / 教學", "Lessons and exercises / 上課和練習",
                       (args.cpu, TEACHING_CPUS), (args.memory_gb, args.memory_gb * MEMORY_HEADROOM), default=True)
    research = profile("research", "Research / 研究", "Bigger data and longer runs / 較大的資料和較長的計算",
                       (args.research_cpus, args.research_cpus), (args.research_memory_gb,) * 2)
    # The Dask lesson's client finds the gateway through the hub's proxy (as daskhub sets it).
    env = {"NBGITPULLER_APP": "lab", "DASK_GATEWAY__ADDRESS": "http://proxy-public/services/dask-gateway",
           "DASK_GATEWAY__PROXY_ADDRESS": f"gateway://{GATEWAY_URL.split('//')[1]}:80",
           "DASK_GATEWAY__PUBLIC_ADDRESS": "/services/dask-gateway/", "DASK_GATEWAY__AUTH__TYPE": "jupyterhub"}
    over = teaching["kubespawner_override"]
    config = {
        "hub": {"config": authenticator(args, addresses.hub, environ),
                # dask-gateway's chart reads the token the chart makes for this service from
                # the hub's Secret (key hub.services.dask-gateway.apiToken).
                "services": {"dask-gateway": {"url": GATEWAY_URL, "display": False}}},
        "singleuser": {
            "image": {"name": image["name"], "tag": image["tag"]},
            "defaultUrl": link.split("/hub/user-redirect", 1)[1],
            "extraEnv": env,
            "cpu": {"guarantee": over["cpu_guarantee"], "limit": over["cpu_limit"]},
            "memory": {"guarantee": over["mem_guarantee"], "limit": over["mem_limit"]},
            "profileList": [teaching, research],
        },
        # A server unused for the minutes stops within them: the culler looks once a minute.
        "cull": {"enabled": True, "timeout": (int(idle) - 1) * 60, "every": 60},
    }
    return config, plan


class OneLineParser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own mistakes too: one line, no usage block
        self.exit(2, f"error: {message} (see --help)\n")


def amount(text: str) -> float:
    """A number above 0 (not inf or nan, which no machine has)."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and number > 0):
        raise argparse.ArgumentTypeError(f"{text!r} should be a number above 0")
    return number


def parser() -> argparse.ArgumentParser:
    make = OneLineParser(prog="workshop-kubernetes-config",
                                   description="Write a Zero to JupyterHub config.yaml for the class (stdout).")
    make.add_argument("--students", type=int, required=True, help="everyone with an account, e.g. 300")
    make.add_argument("--image", required=True, help="the image repo2docker built from this repository, NAME:TAG")
    make.add_argument("--auth", choices=("github", "google", "native"), default="native",
                      help="sign-in: GitHub or Google OAuth (OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET from the "
                           "environment), or the chart's native accounts (default)")
    make.add_argument("--admins", default="teacher", help="admins' sign-in names, comma-separated")
    make.add_argument("--github-org", help="with --auth github: who may sign in (org or org:team)")
    make.add_argument("--google-domain", help="with --auth google: who may sign in, e.g. example.edu")
    make.add_argument("--memory-gb", type=amount, default=sizing.MEMORY_PER_USER_GB,
                      help="guaranteed memory per student (lesson 11)")
    make.add_argument("--cpu", type=amount, default=sizing.CPU_PER_USER, help="guaranteed share of a CPU per student")
    make.add_argument("--active", type=amount, default=1.0, help="share of students working at once, 0 to 1")
    make.add_argument("--idle-minutes",
                      help="stop a server unused this long (default: WORKSHOP_HUB_IDLE_MINUTES, else 60)")
    make.add_argument("--research-cpus", type=amount, default=4, help="the research size's CPUs")
    make.add_argument("--research-memory-gb", type=amount, default=8, help="the research size's memory")
    make.add_argument("--node-cpus", type=amount, default=8, help="CPUs of one user node")
    make.add_argument("--node-memory-gb", type=amount, default=64, help="memory of one user node")
    return make


def main(argv=None, environ=None) -> int:
    environ = os.environ if environ is None else environ
    args = parser().parse_args(argv)
    try:
        config, plan = make_config(args, classconfig.read(), environ)
    except KubernetesSettingsError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    need = plan.need
    print(f"# Zero to JupyterHub 4.4 config.yaml, written by workshop-kubernetes-config for {need.users} "
          f"students: {args.memory_gb:g} GB and {args.cpu:g} vCPU guaranteed each, {args.active:.0%} at once\n"
          f"# {nodes.describe(plan)}; the hub needs {sizing.HUB_MEMORY_GB:g} GB and "
          f"{sizing.HUB_CPU:g} vCPU more (a small core node)\n"
          f"# busiest moment: {need.memory_gb:g} GB and {need.cpus:g} vCPUs "
          f"(about {math.ceil(need.cpus)}) in all; dask-gateway: its own chart, release 'dask-gateway'")
    print(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
