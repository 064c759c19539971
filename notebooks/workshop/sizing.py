"""A rough sizing calculator for a JupyterHub: how much memory and how many CPUs, and which
way of running the hub fits.

The arithmetic follows the rules of thumb in The Littlest JupyterHub's guide "Estimate
Memory / CPU / Disk needed" (tljh.jupyter.org). They are starting points, not promises:
measure what your own users need and adjust.

    from workshop import sizing
    sizing.report(users=30, memory_per_user_gb=1, active_fraction=1.0)
"""
from __future__ import annotations

import math
from dataclasses import dataclass

HUB_MEMORY_GB = 0.128   # the TLJH guide adds about 128 MB for the hub and its helpers
HUB_CPU = 0.2           # ... and about a fifth of one CPU
TLJH_MAX_USERS = 100    # TLJH describes itself as for small groups, up to about 100 users
ONE_MACHINE_GB = 128    # this workshop's rule of thumb for "one large machine"; not a hard limit

TLJH = "The Littlest JupyterHub (one machine)"
KUBERNETES = "Zero to JupyterHub on Kubernetes (a cluster)"


@dataclass(frozen=True)
class Need:
    """What a hub needs at its busiest moment."""
    users: int           # everyone who has an account
    active_users: int    # how many work at the same time
    memory_gb: float     # memory for all active users plus the hub itself
    cpus: float          # CPUs for all active users plus the hub itself

    @property
    def whole_cpus(self) -> int:
        """CPUs come whole: round up."""
        return math.ceil(self.cpus)


def estimate(users: int, memory_per_user_gb: float, active_fraction: float,
             cpu_per_user: float = 0.25) -> Need:
    """Memory and CPUs for `users` people when `active_fraction` of them (0 to 1) work at once."""
    if not (isinstance(users, int) and users > 0):
        raise ValueError("users must be a whole number above 0, e.g. 30")
    if not 0 < active_fraction <= 1:
        raise ValueError("active_fraction is a share between 0 and 1, e.g. 0.5 for half")
    if memory_per_user_gb <= 0 or cpu_per_user <= 0:
        raise ValueError("memory and CPU per user must be above 0")
    # round() first, so that 300 * 0.4 = 120.00000000000001 counts as 120 people, not 121
    active = math.ceil(round(users * active_fraction, 6))
    return Need(users=users, active_users=active,
                memory_gb=round(active * memory_per_user_gb + HUB_MEMORY_GB, 3),
                cpus=round(active * cpu_per_user + HUB_CPU, 3))


def machine_gb(memory_gb: float) -> int:
    """The next machine size that doubles (1, 2, 4, 8, 16 ... GB) and holds `memory_gb`."""
    return 2 ** max(0, math.ceil(math.log2(memory_gb)))


def suggest(need: Need, containers: bool = False) -> tuple[str, list[str]]:
    """TLJH or Kubernetes for this need, with the reasons in plain words."""
    reasons = []
    if need.users > TLJH_MAX_USERS:
        reasons.append(f"{need.users} users is more than the roughly {TLJH_MAX_USERS} "
                       "that TLJH is made for")
    if need.memory_gb > ONE_MACHINE_GB:
        reasons.append(f"{need.memory_gb:.0f} GB is more than one large machine gives "
                       f"(about {ONE_MACHINE_GB} GB here); a cluster spreads users out")
    if containers:
        reasons.append("each user needs their own container; Kubernetes does that, "
                       "TLJH does not")
    if reasons:
        return KUBERNETES, reasons
    return TLJH, [f"{need.users} users is within TLJH's range (up to about {TLJH_MAX_USERS})",
                  f"{need.memory_gb:.0f} GB fits on one machine",
                  "one machine is simpler and cheaper to run than a cluster"]


def report(users: int, memory_per_user_gb: float, active_fraction: float,
           cpu_per_user: float = 0.25, containers: bool = False, name: str = "Your hub") -> None:
    """Print the estimate and the suggestion in a few plain lines."""
    need = estimate(users, memory_per_user_gb, active_fraction, cpu_per_user)
    choice, reasons = suggest(need, containers)
    print(f"{name}: {need.users} users, {active_fraction:.0%} at once = "
          f"{need.active_users} working together")
    if need.memory_gb <= ONE_MACHINE_GB:
        size = f"a {machine_gb(need.memory_gb)} GB machine or bigger"
    else:
        size = "spread over several machines"
    print(f"  memory: {need.memory_gb:.1f} GB ({size})")
    print(f"  CPUs:   {need.cpus:.1f} (about {need.whole_cpus})")
    print(f"  suggestion: {choice}")
    for reason in reasons:
        print(f"    - {reason}")
