"""Where things are in this checkout of the workshop.

The toolkit is installed in editable mode from the checkout (`pip install -e .`), so this
file sits at tools/workshop_kit/repo.py and the checkout is two folders up.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = ROOT / "notebooks"
DATA_DIR = ROOT / "data"
SITE_DIR = ROOT / "_build" / "html"
HUB_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
RESULTS_DIR = ROOT / "bench" / "results"


def lessons() -> list[Path]:
    """Every lesson notebook, in file-name order."""
    return sorted(LESSONS_DIR.glob("*.ipynb"))


LESSONS = lessons()
