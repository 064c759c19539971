"""A rough sizing calculator for a JupyterHub: how much memory and how many CPUs, and which
way of running the hub fits.

The arithmetic follows the rules of thumb in The Littlest JupyterHub's guide "Estimate
Memory / CPU / Disk needed" (tljh.jupyter.org). They are starting points, not promises:
measure what your own users need and adjust.

    from workshop import sizing
    sizing.report(users=30, memory_per_user_gb=1, active_fraction=1.0)

This is the workshop's one sizing rule: the instructor guide and the hub set-up page quote
its answer for a class of 30, and tests/unit/test_sizing.py checks that they still agree.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral, Real

from . import language

HUB_MEMORY_GB = 0.128   # the TLJH guide adds about 128 MB for the hub and its helpers
HUB_CPU = 0.2           # ... and about a fifth of one CPU
TLJH_MAX_USERS = 100    # TLJH describes itself as for small groups, up to about 100 users
ONE_MACHINE_GB = 128    # this workshop's rule of thumb for "one large machine"; not a hard limit
# Per learner working at once, for this workshop's lessons: a server uses about 175 MiB before
# any lesson runs, plus a kernel of 70 to 370 MiB per open lesson (bench/lessons.py measures
# it), so 1 GB leaves room; teaching notebooks mostly wait for the reader, so a quarter of a CPU.
MEMORY_PER_USER_GB = 1.0
CPU_PER_USER = 0.25

MESSAGES = {
    # The two ways to run a hub: their product names, and what each runs on.
    "TLJH": {"en": "The Littlest JupyterHub (one machine)", "zh-TW": "The Littlest JupyterHub（單一機器）"},
    "KUBERNETES": {"en": "Zero to JupyterHub on Kubernetes (a cluster)",
                   "zh-TW": "Zero to JupyterHub on Kubernetes（叢集）"},
    "users_whole": {"en": "users must be a whole number above 0, e.g. 30",
                    "zh-TW": "使用者人數必須是大於 0 的整數，例如 30"},
    "share": {"en": "active_fraction is a share between 0 and 1, e.g. 0.5 for half",
              "zh-TW": "active_fraction 是 0 到 1 之間的比例，例如一半就是 0.5"},
    "positive": {"en": "memory and CPU per user must be numbers above 0, e.g. 1 and 0.25",
                 "zh-TW": "每位使用者的記憶體和 CPU 都必須是大於 0 的數字，例如 1 和 0.25"},
    "too_big": {"en": "these numbers are too big to add up: no hub is that large",
                "zh-TW": "這些數字大到沒辦法相加：沒有這麼大的 Hub"},
    "too_many_users": {"en": "{users} users is more than the roughly {most} that TLJH is made for",
                       "zh-TW": "{users} 位使用者，超過 TLJH 設計上大約 {most} 人的規模"},
    "too_much_memory": {"en": "{gb:.0f} GB is more than one large machine gives (about {one} GB here); "
                              "a cluster spreads users out",
                        "zh-TW": "{gb:.0f} GB 超過一台大型機器能提供的量（這裡以約 {one} GB 計）；"
                                 "叢集可以把使用者分散開來"},
    "containers": {"en": "each user needs their own container; Kubernetes does that, TLJH does not",
                   "zh-TW": "每位使用者都需要自己的容器；Kubernetes 做得到，TLJH 做不到"},
    "within_range": {"en": "{users} users is within TLJH's range (up to about {most})",
                     "zh-TW": "{users} 位使用者在 TLJH 的範圍內（最多大約 {most} 人）"},
    "fits": {"en": "{gb:.0f} GB fits on one machine", "zh-TW": "{gb:.0f} GB 一台機器就裝得下"},
    "simpler": {"en": "one machine is simpler and cheaper to run than a cluster",
                "zh-TW": "一台機器比叢集更簡單，也更便宜"},
    "your_hub": {"en": "Your hub", "zh-TW": "你的 Hub"},
    "headline": {"en": "{name}: {users} users, {share:.0%} at once = {active} working together",
                 "zh-TW": "{name}：{users} 位使用者，{share:.0%} 同時上線 = {active} 人一起使用"},
    "machine": {"en": "a {gb} GB machine or bigger", "zh-TW": "一台 {gb} GB 或更大的機器"},
    "several": {"en": "spread over several machines", "zh-TW": "分散到好幾台機器上"},
    "memory": {"en": "  memory: {gb:.1f} GB ({size})", "zh-TW": "  記憶體：{gb:.1f} GB（{size}）"},
    "cpus": {"en": "  CPUs:   {cpus:.1f} (about {whole})", "zh-TW": "  CPU：{cpus:.1f}（大約 {whole} 顆）"},
    "suggestion": {"en": "  suggestion: {choice}", "zh-TW": "  建議：{choice}"},
}


def _say(key: str, **values) -> str:
    return language.text(MESSAGES, key, **values)


def __getattr__(name: str) -> str:
    """sizing.TLJH and sizing.KUBERNETES: the names suggest() gives, in the lesson's language
    at the moment they are read (a lesson compares them: suggest(need)[0] == sizing.TLJH)."""
    if name in ("TLJH", "KUBERNETES"):
        return _say(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def _is_number(value) -> bool:
    """A real number a sum can use: not text, not True/False, not nan or infinity."""
    if not isinstance(value, Real) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # a whole number too long for a float is still finite: too big, later
        return True


def estimate(users: int, memory_per_user_gb: float = MEMORY_PER_USER_GB, active_fraction: float = 1.0,
             cpu_per_user: float = CPU_PER_USER) -> Need:
    """Memory and CPUs for `users` people when `active_fraction` of them (0 to 1) work at once.

    Impossible numbers (0 users, a share of 1.5, nan, infinity, text) raise ValueError, one line."""
    if not (isinstance(users, Integral) and not isinstance(users, bool) and users > 0):
        raise ValueError(_say("users_whole"))
    users = int(users)  # numpy's whole numbers too
    if not (_is_number(active_fraction) and 0 < active_fraction <= 1):
        raise ValueError(_say("share"))
    if not all(_is_number(value) and value > 0 for value in (memory_per_user_gb, cpu_per_user)):
        raise ValueError(_say("positive"))
    try:
        # round() first, so that 300 * 0.4 = 120.00000000000001 counts as 120 people, not 121
        active = math.ceil(round(users * active_fraction, 6))
        need = Need(users=users, active_users=active,
                    memory_gb=round(active * memory_per_user_gb + HUB_MEMORY_GB, 3),
                    cpus=round(active * cpu_per_user + HUB_CPU, 3))
    except OverflowError:  # 10**400 users: too many for a float
        raise ValueError(_say("too_big")) from None
    if not (math.isfinite(need.memory_gb) and math.isfinite(need.cpus)):  # 1e308 GB each
        raise ValueError(_say("too_big"))
    return need


def machine_gb(memory_gb: float) -> int:
    """The next machine size that doubles (1, 2, 4, 8, 16 ... GB) and holds `memory_gb`."""
    return 2 ** max(0, math.ceil(math.log2(memory_gb)))


def suggest(need: Need, containers: bool = False) -> tuple[str, list[str]]:
    """TLJH or Kubernetes for this need (its name, as sizing.TLJH or sizing.KUBERNETES gives
    it), with the reasons in plain words."""
    say = _say
    reasons = []
    if need.users > TLJH_MAX_USERS:
        reasons.append(say("too_many_users", users=need.users, most=TLJH_MAX_USERS))
    if need.memory_gb > ONE_MACHINE_GB:
        reasons.append(say("too_much_memory", gb=need.memory_gb, one=ONE_MACHINE_GB))
    if containers:
        reasons.append(say("containers"))
    if reasons:
        return say("KUBERNETES"), reasons
    return say("TLJH"), [say("within_range", users=need.users, most=TLJH_MAX_USERS),
                  say("fits", gb=need.memory_gb), say("simpler")]


def report(users: int, memory_per_user_gb: float = MEMORY_PER_USER_GB, active_fraction: float = 1.0,
           cpu_per_user: float = CPU_PER_USER, containers: bool = False, name: str | None = None) -> None:
    """Print the estimate and the suggestion in a few plain lines; impossible numbers get
    one line saying what to give instead (in a lesson, a traceback would hide it)."""
    say = _say
    try:
        need = estimate(users, memory_per_user_gb, active_fraction, cpu_per_user)
    except ValueError as error:
        print(f"⚠️ {error}")
        return
    choice, reasons = suggest(need, containers)
    print(say("headline", name=name or say("your_hub"), users=need.users, share=active_fraction,
              active=need.active_users))
    if need.memory_gb <= ONE_MACHINE_GB:
        size = say("machine", gb=machine_gb(need.memory_gb))
    else:
        size = say("several")
    print(say("memory", gb=need.memory_gb, size=size))
    print(say("cpus", cpus=need.cpus, whole=need.whole_cpus))
    print(say("suggestion", choice=choice))
    for reason in reasons:
        print(f"    - {reason}")
