"""workshop-build runs lessons in parallel into the cache the book reads, and stays correct.

A small throwaway book (three lessons) is built the way the workshop's own is. Each lesson
appends its name to a run log when it runs, so the tests see exactly what ran, and when.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from workshop_kit import build
from workshop_kit.build import pool

CONFIG = """\
title: Throwaway
only_build_toc_files: true
execute:
  execute_notebooks: cache
  cache: _build/.jupyter_cache
  timeout: 60
  allow_errors: false
sphinx:
  config:
    nb_execution_raise_on_error: true
    nb_execution_show_tb: true
"""
TOC = """\
format: jb-book
root: intro
chapters:
  - file: lessons/a
  - file: lessons/b
  - file: lessons/c
"""


def lesson(title: str, *code: str):
    nb = new_notebook(cells=[new_markdown_cell(f"# {title}"), *(new_code_cell(c) for c in code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def logged(name: str, log: Path) -> str:
    """A cell that records that this lesson ran (and where), then prints a result."""
    return (f"import pathlib\n"
            f"with open({str(log)!r}, 'a') as f: f.write({name!r} + '\\n')\n"
            f"print('lesson {name} ran in a folder called', pathlib.Path.cwd().name)")


@pytest.fixture
def book(tmp_path):
    root = tmp_path / "book"
    (root / "lessons").mkdir(parents=True)
    (root / "_config.yml").write_text(CONFIG)
    (root / "_toc.yml").write_text(TOC)
    (root / "intro.md").write_text("# Throwaway book\n")
    log = tmp_path / "ran.log"
    for name in "abc":
        nbformat.write(lesson(f"Lesson {name}", logged(name, log)), root / "lessons" / f"{name}.ipynb")
    return root, log


def ran(log: Path) -> list[str]:
    return log.read_text().split() if log.exists() else []


def run(root: Path, jobs: int = 2) -> pool.Report:
    return pool.execute(build.book_lessons(root), jobs=jobs, reports=root / "_build/html/reports", repo=root,
                        log=lambda *_: None)


def test_the_book_reads_every_lesson_from_the_cache_and_runs_none(book):
    root, log = book
    report = run(root)
    assert sorted(ran(log)) == ["a", "b", "c"] and not report.failed
    subprocess.run([*build.JUPYTER_BOOK, str(root)], cwd=root, check=True, capture_output=True)
    assert sorted(ran(log)) == ["a", "b", "c"], "the book ran a lesson again instead of using the cache"
    page = (root / "_build" / "html" / "lessons" / "b.html").read_text()
    assert "lesson b ran in a folder called lessons" in page


def test_a_changed_lesson_and_only_it_runs_again(book):
    root, log = book
    run(root)
    assert run(root).ran == [], "nothing changed, yet a lesson ran again"
    changed = root / "lessons" / "b.ipynb"
    nb = nbformat.read(changed, as_version=4)
    nb.cells[1].source += "\nprint('one more line')"
    nbformat.write(nb, changed)
    again = run(root)
    assert [o.path.name for o in again.ran] == ["b.ipynb"]
    assert sorted(ran(log)) == ["a", "b", "b", "c"]


def test_lessons_run_at_the_same_time(book, tmp_path):
    """Each of two lessons waits until the other has started: only parallel runs finish."""
    root, _ = book
    meet = tmp_path / "meet"
    meet.mkdir()
    for me, other in (("a", "b"), ("b", "a")):
        nbformat.write(lesson(me, (
            "import pathlib, time\n"
            f"pathlib.Path({str(meet / me)!r}).touch()\n"
            "deadline = time.monotonic() + 30\n"
            f"while not pathlib.Path({str(meet / other)!r}).exists():\n"
            "    assert time.monotonic() < deadline, 'the other lesson never started'\n"
            "    time.sleep(0.1)\n")), root / "lessons" / f"{me}.ipynb")
    report = run(root, jobs=2)
    assert report.failed == [] and len(report.ran) == 3


def test_a_failing_cell_fails_the_build_with_its_traceback(book, capsys):
    root, log = book
    nbformat.write(lesson("Broken", "thickness = -1",
                          "if thickness < 0:\n    raise ValueError('the ice cannot be -1 m thick')"),
                   root / "lessons" / "b.ipynb")
    code = build.main(["--root", str(root), "--execute-only", "--jobs", "2"])
    said = capsys.readouterr().out
    assert code == 1
    assert "FAILED lessons/b.ipynb" in said
    assert "ValueError: the ice cannot be -1 m thick" in said
    assert "raise ValueError('the ice cannot be -1 m thick')" in said  # the cell's own line
    assert "The build stops: 1 lesson(s) failed" in said
    assert sorted(ran(log)) == ["a", "c"], "the other lessons still ran (and are cached)"
    assert not pool.is_cached(pool.Lesson(root / "lessons" / "b.ipynb", root / "_build/.jupyter_cache", 60))
    kept = (root / "_build/html/reports/lessons/b.err.log").read_text()
    assert "ValueError: the ice cannot be -1 m thick" in kept, "the log of the failing lesson is kept"


def test_a_lesson_writes_its_files_in_a_private_copy_of_its_folder(book):
    """Two lessons writing the same file name cannot meet halfway; the real folder stays clean."""
    root, _ = book
    for name in "ab":
        nbformat.write(lesson(name, (
            "import pathlib\n"
            f"pathlib.Path('picture.png').write_text({name!r})\n"
            "print(pathlib.Path('picture.png').read_text(), sorted(p.name for p in pathlib.Path().iterdir()))")),
            root / "lessons" / f"{name}.ipynb")
    assert not run(root).failed
    assert not (root / "lessons" / "picture.png").exists()
    cache = pool.cache_at(root / "_build" / ".jupyter_cache")
    for name in "ab":
        nb = nbformat.read(root / "lessons" / f"{name}.ipynb", as_version=4)
        _, merged = cache.merge_match_into_notebook(nb)
        text = merged.cells[1].outputs[0]["text"]
        # its own file, and the folder's other entries (the lessons) seen through links
        assert text.startswith(f"{name} ['a.ipynb', 'b.ipynb', 'c.ipynb', 'picture.png']"), text
