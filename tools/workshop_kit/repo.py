"""Where things are in this checkout of the workshop.

The toolkit is installed in editable mode from the checkout (`pip install -e .`), so this
file sits at tools/workshop_kit/repo.py and the checkout is two folders up.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = ROOT / "notebooks"
DATA_DIR = ROOT / "data"
SITE_DIR = ROOT / "_build" / "html"
HUB_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
RESULTS_DIR = ROOT / "bench" / "results"


def moved_to(path: Path) -> str | None:
    """Where a retired lesson's note points (relative to its folder), or None if `path` is
    not such a note. workshop-retire leaves one at a lesson's old path (see lesson_paths)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size > 20_000:  # notes are small; lessons are not
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))["metadata"]["workshop"]["moved_to"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def lessons() -> list[Path]:
    """Every lesson notebook, in file-name order (a retired lesson's note is not a lesson)."""
    return sorted(p for p in LESSONS_DIR.glob("*.ipynb") if moved_to(p) is None)


LESSONS = lessons()
