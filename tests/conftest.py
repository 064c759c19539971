"""Shared test settings: the test tiers, the built site, the hub fixtures.

Paths come from workshop_kit.repo; the hub fixtures from workshop_kit.hubharness.

Every test belongs to exactly one tier, given here and nowhere else (TIERS):

- unit: no browser, no hub or other server, no kernel; the whole tier takes seconds.
  `bash tools/test.sh -m unit` while writing code.
- lessons: runs lessons (kernels, a Dask cluster).
- site: the built website (tools/setup_and_build.sh builds it), in Chromium or as files.
- hub: a real JupyterHub with nbgitpuller, Binder's builder.

A test module missing from TIERS stops the run, and a unit test that starts a kernel, a
browser or a server fails, saying which tier it belongs to.
"""
from fnmatch import fnmatch

import pytest
from hypothesis import settings

from workshop_kit.repo import SITE_DIR

# The hub harness holds assertions of its own, and provides the hub and git-host fixtures;
# sitebrowser the offline website in Chromium (site_url, browser, open_page).
pytest.register_assert_rewrite("workshop_kit.hubharness")
pytest_plugins = ["workshop_kit.hubharness.fixtures", "workshop_kit.sitebrowser"]

# "file.py" or "file.py::test_name" (shell patterns), first match wins.
TIERS = [
    ("test_preflight.py::test_a_lesson_says_in_one_line_what_is_missing", "lessons"),
    ("test_preflight.py::test_lesson_00_names_a_missing_package_and_what_to_do", "lessons"),
    ("test_accounts.py", "unit"),
    ("test_bench.py", "unit"),
    ("test_bench_goals.py", "unit"),
    ("test_browser.py", "unit"),
    ("test_code_quality.py", "unit"),
    ("test_inputs_never_crash.py", "unit"),
    ("test_data.py", "unit"),
    ("test_edition_build.py", "unit"),
    ("test_environment_specs.py", "unit"),
    ("test_fonts.py", "unit"),
    ("test_glossary.py", "unit"),
    ("test_guide_hub_setup.py", "unit"),
    ("test_hub_helper.py", "unit"),
    ("test_language.py", "unit"),
    ("test_lesson_template.py", "unit"),
    ("test_lock_hashes.py", "unit"),
    ("test_setup_script.py", "unit"),
    ("test_links.py", "unit"),
    ("test_links_cli.py", "unit"),
    ("test_links_properties.py", "unit"),
    ("test_preflight.py", "unit"),
    ("test_published_paths.py", "unit"),
    ("test_repair.py", "unit"),
    # Property tests with a whole class (git clones) per example: not in the fast tier.
    ("test_repair_hostile.py::test_whatever_links_the_histories_hold_*", "lessons"),
    ("test_repair_hostile.py::test_a_repair_killed_at_any_moment_*", "lessons"),
    ("test_repair_hostile.py", "unit"),
    ("test_repair_full_disk.py", "lessons"),
    ("test_screenshots.py", "unit"),
    ("test_run_all.py", "lessons"),
    ("test_lesson_paste.py", "unit"),
    ("test_selfcheck.py", "unit"),
    ("test_set_class.py", "unit"),
    ("test_selfcheck_no_leak.py", "unit"),
    ("test_instructor_guide_times.py", "unit"),
    ("test_workshop_zip.py::test_a_lesson_runs_from_the_unpacked_zip", "lessons"),
    ("test_workshop_zip.py", "unit"),
    ("test_sizing.py", "unit"),
    ("test_pages_cite.py", "unit"),
    # These two run the Zero to JupyterHub chart's hub config with its own packages (5-7 s each).
    ("test_kubernetes_config.py::test_the_charts_own_hub_config_*", "hub"),
    ("test_kubernetes_config.py::test_the_chart_run_*", "hub"),
    ("test_kubernetes_config.py", "unit"),
    ("test_test_tiers.py", "unit"),
    ("test_translations.py", "unit"),
    ("test_free_hub.py::test_a_cpu_quota_is_read_in_processors", "unit"),
    ("test_free_hub.py::test_the_quota_is_found_in_either_kind_of_cgroup", "unit"),
    ("test_free_hub.py", "lessons"),
    ("test_parallel_build.py::test_the_workshop_books_lessons_are_found", "unit"),
    ("test_parallel_build.py", "lessons"),
    ("test_lesson_outputs.py", "lessons"),
    ("test_dask_cluster.py", "lessons"),
    ("test_chinese_figures.py", "lessons"),
    ("test_selfcheck_battery.py", "lessons"),
    ("test_selfcheck_r.py", "lessons"),
    ("test_lesson_alone.py", "lessons"),
    ("test_lab_layout.py", "lessons"),
    ("test_launch_buttons.py", "site"),
    ("test_site_*.py", "site"),
    ("test_hub_settings.py::test_the_hub_needs_nothing_of_the_maintainers_toolkit", "unit"),
    ("test_hub_login.py::test_sign_in_limits_count_per_name_and_per_computer", "unit"),
    ("test_hub_*.py", "hub"),
    ("test_repo2docker.py", "hub"),
    ("test_server_start.py", "hub"),
    ("test_student_work_safe.py", "hub"),
]
TIER_NAMES = {
    "unit": "no browser, hub or kernel: seconds in all",
    "lessons": "runs lessons in kernels",
    "site": "the built website",
    "hub": "a real JupyterHub",
}


# Property tests (hypothesis) try 100 generated inputs each when one tier runs (-m unit while
# writing code), and 400 in the whole suite, which CI runs. No deadline: a busy 2-core machine
# is slow now and then, and speed is measured in bench/. `--hypothesis-profile` overrides.
settings.register_profile("one-tier", deadline=None)
settings.register_profile("whole-suite", deadline=None, max_examples=400)


def pytest_configure(config):
    for name, meaning in TIER_NAMES.items():
        config.addinivalue_line("markers", f"{name}: {meaning}")
    settings.load_profile("one-tier" if config.getoption("markexpr") else "whole-suite")


def tier_of(module: str, test: str) -> str | None:
    """The tier TIERS gives the test `test` (its name without parameters) in `module`."""
    for pattern, tier in TIERS:
        if fnmatch(f"{module}::{test}" if "::" in pattern else module, pattern):
            return tier
    return None


def tiers_in_module(module: str) -> set[str]:
    """Every tier TIERS can give a test in `module` (up to its first whole-file pattern)."""
    tiers = set()
    for pattern, tier in TIERS:
        if fnmatch(module, pattern.split("::")[0]):
            tiers.add(tier)
            if "::" not in pattern:
                break
    return tiers


def pytest_ignore_collect(collection_path, config):
    """`-m unit` (one tier) does not even import the modules whose tests are all in other
    tiers: importing them (kernels, browsers, the hub harness) took seconds of the fast tier.
    A module missing from TIERS is still collected, so the run stops on it."""
    tier = config.getoption("markexpr")
    if tier in TIER_NAMES and collection_path.suffix == ".py":
        tiers = tiers_in_module(collection_path.name)
        if tiers and tier not in tiers:
            return True
    return None


def pytest_collection_modifyitems(config, items):
    untiered = set()
    for item in items:
        tier = tier_of(item.path.name, getattr(item, "originalname", item.name))
        if tier is None:
            untiered.add(item.path.name)
        else:
            item.add_marker(tier)
    if untiered:
        raise pytest.UsageError(f"tests with no tier: {', '.join(sorted(untiered))}. Add each to "
                                f"TIERS in tests/conftest.py as one of {', '.join(TIER_NAMES)}.")


class NotInTheUnitTier(RuntimeError):
    """A unit test tried to start a kernel, a browser or a server."""


@pytest.fixture(autouse=True)
def unit_tests_start_nothing(request, monkeypatch):
    """In the unit tier, starting a kernel, Chromium or a server process fails the test."""
    if request.node.get_closest_marker("unit") is None:
        return

    def refuse(what):
        def refused(*args, **kwargs):
            raise NotInTheUnitTier(f"a unit test may not start {what}: give "
                                   f"{request.node.path.name}::{request.node.originalname} "
                                   "another tier in TIERS (tests/conftest.py)")
        return refused
    monkeypatch.setattr("jupyter_client.provisioning.local_provisioner.LocalProvisioner"
                        ".launch_kernel", refuse("a kernel"))
    # Starting Playwright already starts its driver (a Node.js process), before any browser.
    monkeypatch.setattr("playwright.sync_api._context_manager.PlaywrightContextManager.__enter__",
                        refuse("a browser"))
    monkeypatch.setattr("playwright.sync_api._generated.BrowserType.launch", refuse("a browser"))
    monkeypatch.setattr("workshop_kit.process.ServerProcess.start", refuse("a server"))


@pytest.fixture(scope="session")
def site_dir():
    if not (SITE_DIR / "index.html").is_file():
        pytest.fail("The website is not built: run `bash tools/setup_and_build.sh` first.")
    return SITE_DIR
