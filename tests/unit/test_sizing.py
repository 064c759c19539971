"""The hub sizing calculator of lesson 11 does the arithmetic of the TLJH sizing guide."""
import contextlib
import io
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import language, sizing


def test_a_class_that_works_together_needs_memory_for_everyone_plus_the_hub():
    need = sizing.estimate(users=30, memory_per_user_gb=1, active_fraction=1.0)
    assert need.active_users == 30
    assert need.memory_gb == pytest.approx(30.128)
    assert need.cpus == pytest.approx(30 * 0.25 + 0.2)
    assert need.whole_cpus == 8              # 7.7 CPUs: machines come with whole ones


def test_only_the_active_share_counts_and_rounding_does_not_add_a_person():
    need = sizing.estimate(users=300, memory_per_user_gb=2, active_fraction=0.4)
    assert need.active_users == 120          # 300 * 0.4 is 120.00000000000001 in floats
    assert need.memory_gb == pytest.approx(240.128)
    assert sizing.estimate(37, 4, 0.5).active_users == 19   # 18.5 people round up


@pytest.mark.parametrize("memory, size", [(0.5, 1), (1, 1), (1.2, 2), (30.128, 32), (90.1, 128)])
def test_machine_sizes_double(memory, size):
    assert sizing.machine_gb(memory) == size


@pytest.mark.parametrize("users, memory, fraction, containers, expected", [
    (30, 1, 1.0, False, sizing.TLJH),
    (100, 1, 1.0, False, sizing.TLJH),
    (101, 0.5, 0.2, False, sizing.KUBERNETES),       # too many people for TLJH
    (50, 4, 1.0, False, sizing.KUBERNETES),          # 200 GB does not fit one machine
    (10, 1, 1.0, True, sizing.KUBERNETES),           # containers per user
])
def test_suggestion_and_reasons(users, memory, fraction, containers, expected):
    choice, reasons = sizing.suggest(sizing.estimate(users, memory, fraction), containers)
    assert choice == expected
    assert reasons and all(isinstance(r, str) and r for r in reasons)


@pytest.mark.parametrize("args", [(0, 1, 0.5), (30.5, 1, 0.5), (30, 1, 0), (30, 1, 1.5), (30, -1, 0.5)])
def test_impossible_inputs_are_refused_in_words(args):
    with pytest.raises(ValueError, match=r"\w+ \w+"):
        sizing.estimate(*args)


def test_report_prints_a_few_plain_lines(capsys):
    assert sizing.report(30, 1, 1.0, name="Class of 30") is None
    said = capsys.readouterr().out
    assert said.startswith("Class of 30: 30 users, 100% at once = 30 working together")
    assert "30.1 GB (a 32 GB machine or bigger)" in said
    assert sizing.TLJH in said


odd_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(min_value=-10**500, max_value=10**500),
    st.booleans(), st.none(), st.text(max_size=5), st.sampled_from(["1", "0.25", [1], b"1"]))


@given(odd_numbers, odd_numbers, odd_numbers, odd_numbers)
def test_report_answers_any_numbers_with_the_estimate_or_one_line(users, memory, share, cpus):
    """Issue #21: report(cpu_per_user=inf) and friends ended in a traceback."""
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        assert sizing.report(users, memory, share, cpus) is None
    lines = said.getvalue().splitlines()
    assert (len(lines) == 1 and lines[0].startswith("⚠️ ")) or lines[0].startswith("Your hub: "), lines


@pytest.mark.parametrize("cpus", [math.inf, math.nan, -1, 0, 1e308, "0.25", 10**400])
def test_report_says_in_one_line_what_to_give_instead(cpus, capsys):
    sizing.report(users=30, memory_per_user_gb=1, active_fraction=1.0, cpu_per_user=cpus)
    said = capsys.readouterr().out
    assert said.count("\n") == 1 and said.startswith("⚠️ "), said
    assert "must be numbers above 0" in said or "too big" in said


def test_the_class_of_30_uses_the_workshops_own_rule():
    """The defaults are the rule the pages quote: 1 GB and a quarter of a CPU per learner."""
    assert sizing.estimate(30) == sizing.estimate(30, 1, 1.0, 0.25)


# The pages that size a class quote the calculator's answer; both editions, one rule.
ZH_FIGURE = r".*?\*\*([\d.]+) GB 記憶體和 (\d+) 個 CPU：一台 (\d+) GB 的機器\*\*"
FIGURES = {
    "book/hub-setup.md": r"For (\d+) students working at once.*?\*\*([\d.]+) GB of\s+memory and (\d+) CPUs: "
                         r"a (\d+) GB machine\*\*",
    "book/instructor-guide.md": r"for (\d+) learners working at once.*?\*\*([\d.]+) GB of\s+memory and (\d+)"
                                r"\s+CPUs: a (\d+) GB machine\*\*",
    "zh-TW/book/hub-setup.md": r"(\d+) 位學生同時上課時" + ZH_FIGURE,
    "zh-TW/book/instructor-guide.md": r"(\d+) 位學員同時上課時" + ZH_FIGURE,
}


@pytest.mark.parametrize("page", FIGURES)
def test_every_page_that_sizes_a_class_quotes_the_calculator(page):
    """Issue #21: the instructor guide's '1 CPU and 2 GB per learner' gave 60 GB and 31 CPUs
    for 30, where lesson 11 and the hub page said 30.1 GB and 8 CPUs."""
    from workshop_kit.repo import ROOT
    text = (ROOT / page).read_text(encoding="utf-8")
    figures = re.findall(FIGURES[page], text, re.S)
    assert len(figures) == 1, f"{page}: the class figure is missing, or there are several"
    users, memory, cpus, machine = figures[0]
    need = sizing.estimate(int(users))
    assert (float(memory), int(cpus), int(machine)) == (
        round(need.memory_gb, 1), need.whole_cpus, sizing.machine_gb(need.memory_gb))
    assert not re.search(r"\d+ CPUs? and \d+ GB per|每位學員 \d+ 個 CPU", text), "a second rule of thumb"


def test_the_suggestion_is_named_in_the_lessons_language():
    """Issue #25: lesson 11 printed suggest()'s name, "(one machine)", in the Chinese lesson;
    the lesson compares it with sizing.TLJH, which follows the language too."""
    language.use("zh-TW")
    try:
        small, large = (sizing.suggest(sizing.estimate(users))[0] for users in (30, 300))
        assert (small, large) == (sizing.TLJH, sizing.KUBERNETES)
        assert small == "The Littlest JupyterHub（單一機器）"
        assert large == "Zero to JupyterHub on Kubernetes（叢集）"
    finally:
        language.use("en")
    assert sizing.TLJH == "The Littlest JupyterHub (one machine)"
