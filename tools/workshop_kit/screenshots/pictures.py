"""Screenshots taken once the page is still, kept aside until every one has been taken.

A picture is saved when two screenshots in a row are the same (animations stopped, fonts
and late repaints in), instead of after a fixed pause. The pictures go to a staging folder;
`publish` moves them into notebooks/images/ only after the whole run worked, so a failed
run leaves the old pictures as they were and says so.
"""
from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

from PIL import Image

from ..repo import LESSONS_DIR

IMAGES = LESSONS_DIR / "images"


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


def palette_png(png: bytes, path: Path):
    """A palette PNG (256 colours, no dithering: text stays crisp, files stay small)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


class Shots:
    """The pictures of one run, in `staging` until published."""

    def __init__(self, staging: Path):
        self.staging = Path(staging)
        self.staging.mkdir(parents=True, exist_ok=True)
        self.names: list[str] = []

    def shoot(self, page, name: str, **screenshot_options):
        palette_png(still_screenshot(page, **screenshot_options), self.staging / name)
        self.names.append(name)
        print(f"  {name}: {(self.staging / name).stat().st_size // 1024} KB", flush=True)

    def publish(self, images: Path = IMAGES) -> int:
        """Move every picture into `images`; their total size in bytes."""
        images.mkdir(parents=True, exist_ok=True)
        total = 0
        for name in self.names:
            total += (self.staging / name).stat().st_size
            shutil.move(self.staging / name, images / name)
        return total
