"""Shared test settings: where things are, and the workshop helpers on the import path."""
import sys
from pathlib import Path

import pytest

# The hub harness holds assertions of its own; several test modules import it.
pytest.register_assert_rewrite("hubtools")

ROOT = Path(__file__).resolve().parents[1]
LESSONS_DIR = ROOT / "notebooks"
DATA_DIR = ROOT / "data"
SITE_DIR = ROOT / "_build" / "html"
LESSONS = sorted(LESSONS_DIR.glob("*.ipynb"))

# The lessons import their helpers from notebooks/workshop; so do the tests. The tests also
# use what tools/ already has (how a lesson is run, what a lesson's Time line looks like).
sys.path.insert(0, str(LESSONS_DIR))
sys.path.insert(0, str(ROOT / "tools"))


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE_DIR / "index.html").is_file():
        pytest.fail("The website is not built: run `bash tools/setup_and_build.sh` first.")
    return SITE_DIR
