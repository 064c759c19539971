"""The lessons' screenshots: every picture a lesson shows exists, has alt text and is used;
the JupyterLab commands the screenshot command (workshop-screenshots) relies on still exist; the workspace file opens
real files. Fast: no browser (workshop-screenshots itself is the slow, documented command).
"""
import json
import os
import re
import sys
from importlib.metadata import version
from pathlib import Path

import nbformat
import pytest

from workshop_kit.screenshots import labapp, run
from workshop_kit.repo import EDITIONS, LESSONS_DIR, ROOT, TRANSLATIONS

IMAGES_DIR = LESSONS_DIR / "images"
WORKSPACE = LESSONS_DIR / "workshop-layout.jupyterlab-workspace"
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
MAX_IMAGE_KB, MAX_TOTAL_KB = 150, 1500


def markdown_images(edition=EDITIONS[0]):
    """(lesson name, alt text, image path as written) for every Markdown image in every lesson
    of an edition (English unless told)."""
    found = []
    for lesson in edition.lessons():
        for cell in nbformat.read(lesson, as_version=4).cells:
            if cell.cell_type == "markdown":
                found += [(lesson.name, m["alt"], m["src"]) for m in MARKDOWN_IMAGE.finditer(cell.source)]
    return found


# Each edition shows its own screenshots (zh-TW: JupyterLab in Traditional Chinese), from its
# own notebooks/images/.
@pytest.mark.parametrize("edition", EDITIONS, ids=str)
def test_every_image_a_lesson_shows_exists(edition):
    local = [(lesson, src) for lesson, _, src in markdown_images(edition) if "://" not in src]
    assert local or edition != EDITIONS[0], "no lesson shows a picture: the screenshots are not in the lessons"
    missing = [f"{lesson}: {src}" for lesson, src in local if not (edition.lessons_dir / src).is_file()]
    assert not missing, "lessons show pictures that do not exist (run workshop-screenshots?):\n" \
        + "\n".join(missing)


def describes(alt: str) -> bool:
    """Five words or more; Chinese, written without spaces, ten characters or more."""
    return len(alt.split()) >= 5 or len(re.findall(r"[\u4e00-\u9fff]", alt)) >= 10


@pytest.mark.parametrize("edition", EDITIONS, ids=str)
def test_every_image_has_alt_text_that_describes_it(edition):
    too_short = [f"{lesson}: {src} alt={alt!r}" for lesson, alt, src in markdown_images(edition)
                 if not describes(alt)]
    assert not too_short, "pictures need alt text saying what they show (5 words or more):\n" \
        + "\n".join(too_short)


@pytest.mark.parametrize("edition", TRANSLATIONS, ids=str)
def test_a_translated_lesson_shows_as_many_pictures_as_its_english_lesson(edition):
    english = {lesson: src for lesson, _, src in markdown_images()}
    counts = {}
    for images, side in ((markdown_images(), "en"), (markdown_images(edition), "translated")):
        for lesson, _, _ in images:
            counts.setdefault(lesson, {"en": 0, "translated": 0})[side] += 1
    translated = {p.name for p in edition.lessons()}
    differ = {lesson: c for lesson, c in counts.items() if lesson in translated and c["en"] != c["translated"]}
    assert english and differ == {}


@pytest.mark.parametrize("edition", EDITIONS, ids=str)
def test_every_screenshot_is_used_by_a_lesson(edition):
    shown = {os.path.normpath(src) for _, _, src in markdown_images(edition)}  # as written in lessons
    unused = [p.name for p in sorted((edition.lessons_dir / "images").glob("*")) if f"images/{p.name}" not in shown]
    assert not unused, f"pictures in {edition.site_prefix}notebooks/images/ that no lesson shows: {unused}"


def test_alt_text_check_reads_chinese():
    assert describes("JupyterLab 的設定選單，語言子選單選了中文") and not describes("設定選單")


@pytest.mark.parametrize("edition", EDITIONS, ids=str)
def test_screenshots_are_small(edition):
    sizes = {p.name: p.stat().st_size // 1024 for p in (edition.lessons_dir / "images").glob("*.png")}
    big = {name: kb for name, kb in sizes.items() if kb > MAX_IMAGE_KB}
    assert not big, f"screenshots over {MAX_IMAGE_KB} KB: {big}"
    assert sum(sizes.values()) <= MAX_TOTAL_KB, f"screenshots total {sum(sizes.values())} KB"


def installed_lab_javascript() -> str:
    share = Path(sys.prefix) / "share" / "jupyter"
    files = [*(share / "lab" / "static").glob("*.js"), *(share / "labextensions").rglob("*.js")]
    assert files, f"no JupyterLab found under {share}"
    return "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)


def test_jupyterlab_still_has_every_command_the_screenshots_use():
    javascript = installed_lab_javascript()
    commands = labapp.COMMANDS
    assert commands
    # A full id appears quoted; a prefix (ending in ':') is the start of a built id. Plain
    # substring searches: a regular expression took a second over the 15 MB of JavaScript.
    quotes = "\"'`"
    gone = [c for c in commands
            if not any(f"{q}{c}{end}" in javascript for q in quotes
                       for end in (("",) if c.endswith(":") else quotes))]
    assert not gone, f"the installed JupyterLab no longer has these commands: {gone}"


def test_the_traditional_chinese_language_pack_is_installed():
    assert version("jupyterlab-language-pack-zh-TW")


@pytest.fixture(scope="module")
def workspace() -> dict:
    return json.loads(WORKSPACE.read_text())


def test_workspace_file_names_itself_and_opens_files_that_exist(workspace):
    assert workspace["metadata"]["id"] == WORKSPACE.name.removesuffix(".jupyterlab-workspace")
    opened = [entry["data"]["path"] for key, entry in workspace["data"].items()
              if isinstance(entry, dict) and "path" in entry.get("data", {})]
    assert opened, "the workspace opens nothing"
    # Paths count from the top of the workshop folder, where JupyterLab starts.
    missing = [path for path in opened if not (ROOT / path).is_file()]
    assert not missing, f"the workspace opens files that do not exist: {missing}"
    layout = json.dumps(workspace["data"]["layout-restorer:data"])
    placed = [key for key in workspace["data"] if key.split(":")[0] in
              ("notebook", "cloned-outputs", "csvviewer")]
    assert all(key in layout for key in placed), "a document is opened but not placed"


def test_workspace_output_view_shows_a_figure(workspace):
    """The output view names its cell by number: adding a cell above would point it elsewhere."""
    views = [entry["data"] for key, entry in workspace["data"].items()
             if key.startswith("cloned-outputs:")]
    assert views, "the workspace has no output view"
    for view in views:
        cell = nbformat.read(ROOT / view["path"], as_version=4).cells[view["index"]]
        assert cell.cell_type == "code" and any(
            "image/png" in output.get("data", {}) for output in cell.outputs), \
            f"cell {view['index']} of {view['path']} has no figure: update the workspace's index"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.language)
def test_a_failed_run_says_why_and_changes_no_picture(monkeypatch, capsys, edition):
    """workshop-screenshots with no browser to start: one clear failure, exit code 1, and
    every picture of the edition exactly as it was (nothing half-updated or skipped)."""
    images = edition.lessons_dir / "images"
    before = {p.name: p.read_bytes() for p in images.glob("*.png")}
    assert before, f"{images} has no pictures"
    monkeypatch.setenv("CHROMIUM", "/no/such/chromium")
    assert run.main(["--edition", edition.language]) == 1
    said = capsys.readouterr().err
    assert "no picture was changed" in said and "No Chromium at '/no/such/chromium'" in said
    assert {p.name: p.read_bytes() for p in images.glob("*.png")} == before


def shown_lesson_text(edition):
    """(picture, what it recorded showing, what the lesson and the repository hold today) for
    each screenshot of an edition that recorded the lesson's Time line or file list."""
    from workshop_kit.lessons import TIME_LINES
    from workshop_kit.screenshots.pictures import FILES_SHOWN, LESSON, TIME_SHOWN, recorded, tracked_names
    found = []
    for picture in sorted((edition.lessons_dir / "images").glob("*.png")):
        record = recorded(picture)
        if TIME_SHOWN in record:
            first = nbformat.read(ROOT / record[LESSON], as_version=4).cells[0].source
            today = TIME_LINES[edition.language].search(first)
            found.append((picture.name, record[TIME_SHOWN], today and today.group(0).replace("**", "")))
        if FILES_SHOWN in record:
            folder = record[LESSON].rsplit("/", 1)[0]
            found.append((picture.name, sorted(json.loads(record[FILES_SHOWN])), tracked_names(folder)))
    return found


@pytest.mark.parametrize("edition", EDITIONS, ids=str)
def test_screenshots_show_the_lessons_time_line_and_files_of_today(edition):
    """A picture of JupyterLab shows a lesson's Time line and the lessons in the file browser:
    when a lesson's time or the folder's files change, the picture is stale. Take them again
    with workshop-screenshots (book/maintainers.md)."""
    shown = shown_lesson_text(edition)
    assert any(name == "lab-workspace-layout.png" for name, _, _ in shown), \
        "lab-workspace-layout.png records no lesson text: take the screenshots again"
    stale = [f"{name} shows {then!r}, today {now!r}" for name, then, now in shown if then != now]
    assert not stale, (f"{len(stale)} screenshots of the {edition} edition are out of date "
                       "(run workshop-screenshots --edition " + edition.language + "):\n  " + "\n  ".join(stale))
