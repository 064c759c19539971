"""Shared test settings. Paths come from workshop_kit.repo; the hub fixtures from its harness."""
import pytest

from workshop_kit.repo import SITE_DIR

# The hub harness holds assertions of its own, and provides the hub and git-host fixtures.
pytest.register_assert_rewrite("workshop_kit.hubharness")
pytest_plugins = ["workshop_kit.hubharness"]


@pytest.fixture(scope="session")
def site_dir():
    if not (SITE_DIR / "index.html").is_file():
        pytest.fail("The website is not built: run `bash tools/setup_and_build.sh` first.")
    return SITE_DIR
