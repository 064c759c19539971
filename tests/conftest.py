"""Shared test settings. The tests are in four tiers, one folder each:

- unit/: no browser, no hub or other server, no kernel.
  `bash tools/test.sh tests/unit` while writing code (its conftest.py refuses the rest).
- lessons/: runs lessons in kernels (pytest-notebook, a Dask cluster, R) and whole classes of
  git clones (the repair's property tests).
- site/: the built website (tools/setup_and_build.sh builds it), in Chromium or as files.
- hub/: a real JupyterHub with nbgitpuller, class mode with real accounts, the Zero to
  JupyterHub chart's own hub config, Binder's builder.

Fixtures, each in its tier's conftest.py:
- site/: site_dir (the built website, or a failure that says how to build it), site_url
  (served on loopback), browser (Chromium: CHROMIUM), open_page (a page with the network cut);
- hub/: hub (a real hub on 127.0.0.1 for a test module), git_host (a loopback git host),
  workshop_snapshot and workshop_repo (the workshop as a commit would hold it, published),
  room and machine_files (the throwaway classroom with real accounts).

Code that only tests use lives in tests/helpers/: a throwaway class of git clones (gitclass),
the classroom with real accounts, a student's server and kernels on a hub, the lock readers,
code tokens, the 'nothing used before it is taught' check, answer leaks, the site's pages.
What tests share with the screenshots and benchmarks (the hub harness, the offline site
browser) stays in the toolkit. Tests import those, never each other.
"""
from pathlib import Path

import pytest
from hypothesis import settings

# The hub harness holds assertions of its own (rewritten so their failures show values).
pytest.register_assert_rewrite("workshop_kit.hubharness", "helpers")

TESTS = Path(__file__).parent

# Property tests (hypothesis) try 100 generated inputs each when part of the suite runs (one
# tier while writing code), and 400 when the whole suite runs, as CI does. No deadline: a busy
# 2-core machine is slow now and then, and speed is measured in bench/.
# `--hypothesis-profile` overrides.
settings.register_profile("part", deadline=None)
settings.register_profile("whole-suite", deadline=None, max_examples=400)


def pytest_configure(config):
    chosen = [Path(str(arg).split("::")[0]).resolve() for arg in config.args]
    settings.load_profile("whole-suite" if chosen == [TESTS] else "part")
