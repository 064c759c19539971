"""How many Kubernetes nodes of one size hold a class at its busiest moment (lesson 11).

It uses workshop.sizing's figures: every active user's server is guaranteed its memory and
its share of a CPU, so a node holds as many servers as both allow, after what Kubernetes
keeps for itself. The hub runs on a separate, small node (Zero to JupyterHub's "core"
node), so it is not counted here. Like sizing, a starting point: measure, then adjust.

    from workshop import nodes
    nodes.report(users=300, memory_per_user_gb=2, active_fraction=0.4, node_cpus=8, node_memory_gb=64)
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from . import language, sizing

# Each node keeps some of itself for Kubernetes (kubelet, container runtime, the chart's
# image puller and network pods). Cloud providers reserve about this much on an 8-CPU node.
NODE_RESERVED_GB = 1.0
NODE_RESERVED_CPU = 0.2

MESSAGES = {
    "node_size": {"en": "a node needs more than {gb:g} GB and {cpus:g} vCPU: Kubernetes keeps that much "
                        "of each node for itself",
                  "zh-TW": "一個節點必須多於 {gb:g} GB 和 {cpus:g} 個 vCPU：Kubernetes 會在每個節點上"
                           "留這麼多給自己用"},
    "node_number": {"en": "a node's size is its memory in GB and its vCPUs, as numbers, e.g. "
                          "node_memory_gb=64, node_cpus=8",
                    "zh-TW": "節點的大小是它的記憶體 GB 數和 vCPU 數，要寫成數字，例如 "
                             "node_memory_gb=64, node_cpus=8"},
    "too_small": {"en": "a node of {node_gb:g} GB with {node_cpus:g} vCPUs cannot hold even one server of "
                        "{gb:g} GB and {cpus:g} vCPU: choose bigger nodes",
                  "zh-TW": "一個 {node_gb:g} GB、{node_cpus:g} 個 vCPU 的節點，連一台 {gb:g} GB、"
                           "{cpus:g} 個 vCPU 的伺服器都放不下：請選大一點的節點"},
    "plan": {"en": "{users} users, {active} at once: {nodes} node(s) of {node_gb:g} GB with {node_cpus:g} vCPUs "
                   "({fit} servers on each)",
             "zh-TW": "{users} 位使用者，{active} 人同時上線：{nodes} 個 {node_gb:g} GB、{node_cpus:g} 個 vCPU "
                      "的節點（每個節點放 {fit} 台伺服器）"},
}


@dataclass(frozen=True)
class NodePlan:
    need: sizing.Need
    node_cpus: float
    node_memory_gb: float
    servers_per_node: int
    nodes: int


def plan(users: int, memory_per_user_gb: float = sizing.MEMORY_PER_USER_GB, active_fraction: float = 1.0,
         cpu_per_user: float = sizing.CPU_PER_USER, node_cpus: float = 8, node_memory_gb: float = 64) -> NodePlan:
    """Nodes of `node_memory_gb` GB with `node_cpus` vCPUs for the busiest moment of `users`.

    A vCPU is what cloud providers sell a node's processors in (one thread of a core)."""
    need = sizing.estimate(users, memory_per_user_gb, active_fraction, cpu_per_user)
    try:  # sizing's own test of a usable number (not text, nan or infinity), so both agree
        if not (sizing._is_number(node_memory_gb) and sizing._is_number(node_cpus)):
            raise OverflowError
        node_memory_gb, node_cpus = float(node_memory_gb), float(node_cpus)
    except OverflowError:  # text, nan, infinity, or a whole number too long for a float
        raise ValueError(language.text(MESSAGES, "node_number")) from None
    if not (node_memory_gb > NODE_RESERVED_GB and node_cpus > NODE_RESERVED_CPU):
        raise ValueError(language.text(MESSAGES, "node_size", gb=NODE_RESERVED_GB, cpus=NODE_RESERVED_CPU))
    try:  # round() first, so that 7.8 / 0.26 = 29.999999999999996 counts as 30 servers, not 29
        fit = min(math.floor(round((node_memory_gb - NODE_RESERVED_GB) / memory_per_user_gb, 6)),
                  math.floor(round((node_cpus - NODE_RESERVED_CPU) / cpu_per_user, 6)))
    except OverflowError:  # 1e308 GB nodes for 1e-300 GB servers
        raise ValueError(language.text(sizing.MESSAGES, "too_big")) from None
    if fit < 1:
        raise ValueError(language.text(MESSAGES, "too_small", node_gb=node_memory_gb, node_cpus=node_cpus,
                                       gb=memory_per_user_gb, cpus=cpu_per_user))
    return NodePlan(need=need, node_cpus=node_cpus, node_memory_gb=node_memory_gb,
                    servers_per_node=fit, nodes=math.ceil(need.active_users / fit))


def describe(node_plan: NodePlan) -> str:
    """The plan in one line, in the lesson's language."""
    return language.text(MESSAGES, "plan", users=node_plan.need.users, active=node_plan.need.active_users,
                         nodes=node_plan.nodes, node_cpus=node_plan.node_cpus,
                         node_gb=node_plan.node_memory_gb, fit=node_plan.servers_per_node)


def report(users: int, memory_per_user_gb: float = sizing.MEMORY_PER_USER_GB, active_fraction: float = 1.0,
           cpu_per_user: float = sizing.CPU_PER_USER, node_cpus: float = 8, node_memory_gb: float = 64) -> None:
    """Print the plan in one line."""
    print(describe(plan(users, memory_per_user_gb, active_fraction, cpu_per_user, node_cpus, node_memory_gb)))
