"""How many processors a server may use, read from its cgroup's CPU quota (v1 or v2), as
lesson 10 sizes its cluster (workshop.cpus); tests/lessons/test_free_hub.py runs lessons
under a real one."""
import pytest

from workshop.cpus import cgroup_quota_cpus, quota_cpus


@pytest.mark.parametrize("text, expected", [
    ("max 100000", None), ("100000 100000", 1.0), ("150000 100000", 1.5), ("50000 100000", 0.5),
    ("", None), ("garbage", None), ("-1 100000", None), ("100000 0", None),
])
def test_a_cpu_quota_is_read_in_processors(text, expected):
    assert quota_cpus(text) == expected


def test_the_quota_is_found_in_either_kind_of_cgroup(tmp_path):
    v2 = tmp_path / "v2"
    (v2 / "user" / "me").mkdir(parents=True)
    (v2 / "user" / "me" / "cpu.max").write_text("200000 100000\n")
    assert cgroup_quota_cpus(v2, "0::/user/me\n") == 2.0
    v1 = tmp_path / "v1"
    (v1 / "cpu" / "hub" / "ada").mkdir(parents=True)
    (v1 / "cpu" / "hub" / "ada" / "cpu.cfs_quota_us").write_text("100000\n")
    (v1 / "cpu" / "hub" / "ada" / "cpu.cfs_period_us").write_text("100000\n")
    assert cgroup_quota_cpus(v1, "4:memory:/x\n1:cpu:/hub/ada\n0::/\n") == 1.0
    (v1 / "cpu" / "hub" / "ada" / "cpu.cfs_quota_us").write_text("-1\n")  # no quota
    assert cgroup_quota_cpus(v1, "1:cpu:/hub/ada\n") is None
