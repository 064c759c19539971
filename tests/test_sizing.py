"""The hub sizing calculator of lesson 11 does the arithmetic of the TLJH sizing guide."""
import pytest

from workshop import sizing


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
