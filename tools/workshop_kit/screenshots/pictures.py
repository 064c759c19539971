"""Screenshots taken once the page is still, kept aside until every one has been taken.

A picture is saved when two screenshots in a row are the same (animations stopped, fonts
and late repaints in), instead of after a fixed pause. The pictures go to a staging folder;
`publish` moves them into the edition's notebooks/images/ only after the whole run worked,
so a failed run leaves the old pictures as they were and says so.

Each picture records what it shows (PNG text fields, read back by `recorded`): the software
and its version, the language the page was in, the lesson it had open and whether that was
an English stand-in for a translation not yet written, and the lesson text it shows: the
lesson's Time line as rendered and the repository's files listed in the file browser
(tests/unit/test_screenshots.py compares them with the lessons of today). Before saving, a JupyterLab picture
must be in the edition's language: a zh-TW picture of English menus stops the run.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import time
from importlib.metadata import version
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from ..git import git
from ..lessons import TIME_LINES
from ..repo import ROOT, Edition
from .labapp import call, is_lab, page_language

# The PNG text fields a picture records.
SOFTWARE, EDITION, LANGUAGE, LESSON, STAND_IN = (
    "Software", "workshop:edition", "workshop:language", "workshop:lesson", "workshop:stand-in")
JUPYTERLAB, JUPYTERHUB = "JupyterLab", "JupyterHub"
TIME_SHOWN, FILES_SHOWN = "workshop:time-line", "workshop:files"


def rendered_time_line(language: str, text: str) -> str | None:
    """The lesson's Time line as a page shows it (Markdown's ** gone), found in `text`."""
    found = re.search(TIME_LINES[language].pattern.replace(r"\*\*", ""), text)
    return found.group(0) if found else None


def tracked_names(folder: str) -> list[str]:
    """The names directly in `folder` (from the top of the repository) that git keeps, but
    not images/, which the copy a tour photographs leaves out."""
    listed = git("ls-files", "--", folder, cwd=ROOT).splitlines()
    return sorted({path[len(folder) + 1:].split("/")[0] for path in listed} - {"images"})


class WrongLanguage(RuntimeError):
    """A picture would show JupyterLab in another language than the one it must show."""


def still_screenshot(page, timeout: float = 20, **options) -> bytes:
    """A screenshot of the page once two in a row agree."""
    options = {"animations": "disabled", "caret": "hide", **options}
    page.evaluate("() => document.fonts.ready.then(() => true)")
    deadline = time.monotonic() + timeout
    previous = page.screenshot(**options)
    while True:
        time.sleep(0.2)  # a poll interval: the condition is "nothing changed"
        current = page.screenshot(**options)
        if current == previous:
            return current
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page kept changing for {timeout:.0f} s: {page.url}")
        previous = current


def palette_png(png: bytes, path: Path, record: dict[str, str] | None = None):
    """A palette PNG (256 colours, no dithering: text stays crisp, files stay small)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    info = PngInfo()
    for key, value in (record or {}).items():
        info.add_itxt(key, value)  # international text: a lesson path may be in any script
    small.save(path, optimize=True, pnginfo=info)


def recorded(path: Path) -> dict[str, str]:
    """What a picture recorded about itself when it was taken (empty if nothing)."""
    with Image.open(path) as image:
        return {key: str(value) for key, value in image.text.items()}


class Shots:
    """The pictures of one run for one edition, in `staging` until published."""

    def __init__(self, staging: Path, edition: Edition):
        self.staging = Path(staging)
        self.staging.mkdir(parents=True, exist_ok=True)
        self.edition = edition
        self.names: list[str] = []

    def shoot(self, page, name: str, lesson=None, language: str | None = None,
              **screenshot_options):
        """Save the page as `name`. `lesson`: the Lesson it shows, if any; `language`: the
        language JupyterLab must be in, when not the edition's own."""
        record = self.record(page, name, language)
        if lesson is not None:
            record[LESSON] = lesson.path
            if is_lab(page):
                shown = call(page, "shown")
                time_line = rendered_time_line(self.edition.language, shown["text"])
                if time_line:
                    record[TIME_SHOWN] = time_line
                # the repository's files it lists; the files the lessons write are left out
                # (when the file browser is in the lesson's folder)
                ours = set(tracked_names(lesson.folder))
                if lesson.path.rsplit("/", 1)[-1] in shown["files"]:
                    record[FILES_SHOWN] = json.dumps([n for n in shown["files"] if n in ours])
            if lesson.stand_in:
                record[STAND_IN] = "the English lesson, copied under this name for the picture"
        palette_png(still_screenshot(page, **screenshot_options), self.staging / name, record)
        self.names.append(name)
        print(f"  {name}: {(self.staging / name).stat().st_size // 1024} KB, "
              f"{record[SOFTWARE]} in {record[LANGUAGE]}"
              + (" (English lesson standing in)" if lesson is not None and lesson.stand_in else ""),
              flush=True)

    def record(self, page, name: str, language: str | None) -> dict[str, str]:
        shown = page_language(page)
        if is_lab(page):
            wanted = language or self.edition.language
            if shown != wanted:
                raise WrongLanguage(f"{name}: JupyterLab is in {shown!r}, but this picture of "
                                    f"the {self.edition} edition must show it in {wanted!r}")
            software = f"{JUPYTERLAB} {version('jupyterlab')}"
        else:  # the hub's own pages, which exist in English only
            software = f"{JUPYTERHUB} {version('jupyterhub')}"
        return {SOFTWARE: software, EDITION: self.edition.language, LANGUAGE: shown}

    def publish(self) -> tuple[Path, int]:
        """Move every picture into the edition's notebooks/images/; the folder and their
        total size in bytes."""
        images = self.edition.lessons_dir / "images"
        images.mkdir(parents=True, exist_ok=True)
        total = 0
        for name in self.names:
            total += (self.staging / name).stat().st_size
            shutil.move(self.staging / name, images / name)
        return images, total
