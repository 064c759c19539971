"""The build finds every lesson of the workshop's book, and the cache each belongs in (the
builds, which run lessons: tests/lessons/test_parallel_build.py)."""
from workshop_kit import build
from workshop_kit.repo import ROOT


def test_the_workshop_books_lessons_are_found():
    found = build.book_lessons(ROOT)
    names = [lesson.path.name for lesson in found]
    assert "10-scaling-out-with-dask.ipynb" in names and "03-kernels-r.ipynb" in names
    assert {lesson.cache for lesson in found} == {ROOT / "_build" / ".jupyter_cache"}
