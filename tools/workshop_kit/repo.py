"""Where things are in this checkout of the workshop.

The toolkit is installed in editable mode from the checkout (`pip install -e .`), so this
file sits at tools/workshop_kit/repo.py and the checkout is two folders up.
"""
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = ROOT / "notebooks"
DATA_DIR = ROOT / "data"
SITE_DIR = ROOT / "_build" / "html"
HUB_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
RESULTS_DIR = ROOT / "bench" / "results"


def moved_to(path: Path) -> str | None:
    """Where a retired lesson's note points (relative to its folder), or None if `path` is
    not such a note. workshop-retire leaves one at a lesson's old path (see workshop_kit.lessons.published)."""
    path = Path(path)
    if not path.is_file():  # a note is the old lesson with the note on top: any size
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))["metadata"]["workshop"]["moved_to"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class Edition:
    """One language edition of the workshop: where its sources sit and where its site goes.

    English is the source; every other edition mirrors its files under its own folder
    (`zh-TW/notebooks/NN-name.ipynb`, `zh-TW/book/intro.md`) and its site sits under the same
    folder name in the English site (`_build/html/zh-TW/...`).
    """

    language: str  # as workshop.language names it: "en", "zh-TW"
    folder: str  # "" for English, else the edition's top-level folder and site path
    # The workshop folder it belongs to: this checkout, or a copy being built elsewhere
    # (the build benchmark builds a copy of the last commit).
    base: Path = field(default=ROOT, compare=False)

    def at(self, base: Path) -> "Edition":
        """The same edition in another copy of the workshop."""
        return replace(self, base=Path(base))

    @property
    def root(self) -> Path:
        return self.base / self.folder if self.folder else self.base

    @property
    def lessons_dir(self) -> Path:
        return self.root / "notebooks"

    @property
    def book_dir(self) -> Path:
        return self.root / "book"

    @property
    def site_dir(self) -> Path:
        return SITE_DIR / self.folder if self.folder else SITE_DIR

    @property
    def site_prefix(self) -> str:
        """The edition's pages under the site's root: "" or "zh-TW/"."""
        return f"{self.folder}/" if self.folder else ""

    def lessons(self) -> list[Path]:
        """The edition's lessons (a retired lesson's note is not a lesson)."""
        return sorted(p for p in self.lessons_dir.glob("*.ipynb") if moved_to(p) is None)

    def pages(self) -> list[Path]:
        return sorted(self.book_dir.glob("*.md"))

    def __str__(self) -> str:
        return self.language


ENGLISH = Edition("en", "")
TRADITIONAL_CHINESE = Edition("zh-TW", "zh-TW")
# Every edition; tests run over all of them. English first: it is the source.
EDITIONS = [ENGLISH, TRADITIONAL_CHINESE]
TRANSLATIONS = EDITIONS[1:]
LESSONS = ENGLISH.lessons()  # the English lessons, as the tests find them when they start


def every_lesson() -> list[Path]:
    """Every edition's lessons, English first: a translated lesson is measured and tested too."""
    return [lesson for edition in EDITIONS for lesson in edition.lessons()]
