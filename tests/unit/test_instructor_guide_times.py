"""The instructor guide's total and schedules agree with the lessons' own Time lines."""
import re

import nbformat

from workshop_kit.lessons import TIME_LINE
from workshop_kit.repo import ROOT
from helpers.taught import lessons_in_order

GUIDE = ROOT / "book" / "instructor-guide.md"
DASK = "10-scaling-out-with-dask"


def stated_times() -> dict[str, tuple[int, int]]:
    """{lesson: (teaching, practice)} from each lesson's first cell, in _toc.yml order."""
    times = {}
    for lesson in lessons_in_order():
        teach, practice = TIME_LINE.search(nbformat.read(lesson, as_version=4).cells[0].source).groups()
        times[lesson.stem] = (int(teach), int(practice))
    return times


def schedule(title: str) -> list[list[str]]:
    """The rows of the table under a guide heading, as lists of cells."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index(title):]
    table = re.search(r"\n(\|.*\|\n)+", section).group(0)
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.strip().splitlines()]
    return rows[2:]  # without the header and its rule


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def lessons_linked(cell: str) -> list[str]:
    return re.findall(r"\(\.\./notebooks/([\w-]+)\.ipynb", cell)


def test_the_guide_states_the_total_of_the_lessons_times():
    times = stated_times()
    total = sum(t + p for t, p in times.values())
    teach, practice = sum(t for t, _ in times.values()), sum(p for _, p in times.values())
    text = " ".join(GUIDE.read_text(encoding="utf-8").split())
    hours = f"{total // 60} hours {total % 60} minutes"
    assert f"All lessons together take **{total} minutes ({hours})**" in text
    assert f"{teach} minutes of teaching and {practice} of practice" in text
    without = total - sum(times[DASK])
    assert f"without the optional Dask lesson, {without} minutes ({without // 60} hours {without % 60} minutes)" in text
    assert f"({hours} with breaks on top)" in text


def test_the_90_minute_schedule_adds_up_and_marks_dask_optional():
    rows = schedule("### 90 minutes")
    starts = [minutes(row[0]) for row in rows]
    assert starts[0] == 0 and starts[-1] == 90 and starts == sorted(set(starts))
    assert rows[-1][1] == "End"
    [dask_row] = [row for row in rows if DASK in " ".join(row)]
    assert "optional" in dask_row[1]


def test_the_half_day_schedule_adds_up_and_fits_each_lesson():
    times = stated_times()
    rows = schedule("### Half a day")
    clock = 0
    for row in rows[:-1]:
        assert minutes(row[0]) == clock, f"{row[1]} should start at {clock // 60}:{clock % 60:02d}"
        spent = [int(n) for n in re.findall(r"\d+", row[3])]
        clock += sum(spent)
        choices = [lessons_linked(part) for part in row[2].split(" / ")]
        for choice in filter(None, choices):   # "08 / 09": either lesson must fit its slot
            teach = sum(times[name][0] for name in choice)
            practice = sum(times[name][1] for name in choice)
            assert spent[0] <= teach and spent[1] <= practice, f"{row[1]} gets more time than stated"
    assert rows[-1][1] == "End" and minutes(rows[-1][0]) == clock == 210
    taught = {name for row in rows for name in lessons_linked(row[2])}
    assert DASK not in taught and "02-python-you-need" in taught


def test_the_intro_marks_the_dask_lesson_optional():
    intro = (ROOT / "book" / "intro.md").read_text(encoding="utf-8")
    [line] = [line for line in intro.splitlines() if f"{DASK}.ipynb" in line]
    assert "(optional)" in line
