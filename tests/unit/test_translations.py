"""The translated editions are complete, follow the English version they record, and run the same code.

- Every English lesson and reader-facing book page has its translation in each edition
  (adding an English lesson alone fails here, naming what to translate).
- Each translated page records the English version it translates; when the English has
  changed since, the test names the page and the command that shows what changed.
- The code cells of both editions are the same code: equal token streams once string
  literals and comments are left out, in cells of the same kinds in the same order.
"""
import json
import shutil
import subprocess

import nbformat
import pytest

from workshop_kit.translation import command, pages
from helpers.code_tokens import code_tokens
from workshop_kit.repo import ROOT, TRANSLATIONS

TRANSLATED = [(e, p) for e in TRANSLATIONS for p in pages.translated_pages(e)]
TRANSLATED_LESSONS = [(e, p) for e, p in TRANSLATED if p.suffix == ".ipynb"]


def page_id(value):
    return value.relative_to(ROOT).as_posix() if hasattr(value, "relative_to") else str(value)


@pytest.mark.parametrize("edition", TRANSLATIONS, ids=str)
def test_every_english_page_has_its_translation(edition):
    missing = pages.missing(edition)
    assert not missing, (f"{len(missing)} English pages have no {edition} translation yet "
                         f"(translate each into {edition.folder}/, then workshop-translation-diff "
                         f"--record it):\n  " + "\n  ".join(missing))


@pytest.mark.parametrize("edition, page", TRANSLATED, ids=page_id)
def test_translation_follows_the_english_version_it_records(edition, page):
    state = pages.state(page)
    assert state.up_to_date, state.says()


def test_edition_only_pages_exist():
    """The pages a translation adds (its glossary) are really there, so the list is not stale."""
    for edition in TRANSLATIONS:
        for page in pages.EDITION_ONLY.get(edition.language, ()):
            assert (edition.root / page).is_file(), f"{edition.folder}/{page} is listed but missing"


# --- the drift check and the translator's command, on a copy of the repository ------------------

@pytest.fixture
def repo_copy(tmp_path):
    """A small git repository laid out like the workshop: one English lesson and its translation."""
    root = tmp_path / "workshop"
    for name in ["notebooks/02-notebook-basics.ipynb", "zh-TW/notebooks/02-notebook-basics.ipynb",
                 "book/intro.md", "zh-TW/book/intro.md"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, root / name)

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       cwd=root, check=True, capture_output=True)
    git("init", "-q")
    for page in ["zh-TW/notebooks/02-notebook-basics.ipynb", "zh-TW/book/intro.md"]:
        command.record(root / page, root)
    git("add", "-A")
    git("commit", "-qm", "translated")
    return root


def commit_all(root):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam",
                    "English changed"], cwd=root, check=True, capture_output=True)


def change_one_word(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_one_word_change_in_english_is_caught_then_shown_then_recorded(repo_copy, capsys):
    lesson = repo_copy / "zh-TW/notebooks/02-notebook-basics.ipynb"
    assert pages.state(lesson, repo_copy).up_to_date

    change_one_word(repo_copy / "notebooks/02-notebook-basics.ipynb", "Mistakes are normal", "Mistakes are common")
    commit_all(repo_copy)
    state = pages.state(lesson, repo_copy)
    assert not state.up_to_date
    assert "zh-TW/notebooks/02-notebook-basics.ipynb" in state.says()
    assert "changed since this translation" in state.says()

    # The translator's command finds the translated version in git and shows the change.
    capsys.readouterr()
    assert command.main([str(lesson)], repo_copy) == 0
    diff = capsys.readouterr().out
    assert "-Mistakes are normal. Python stops" in diff
    assert "+Mistakes are common. Python stops" in diff
    assert "=== cell 14 (markdown) ===" in diff  # says which cell, so the translator finds it

    # After updating the translation, recording makes the check pass again.
    assert command.main(["--record", str(lesson)], repo_copy) == 0
    assert pages.state(lesson, repo_copy).up_to_date
    assert "nothing to do" in command.english_changes(lesson, repo_copy)


def test_a_changed_alt_text_or_book_page_is_caught_too(repo_copy):
    """Not only cell text: the alt text a figure carries, and Markdown book pages."""
    english = repo_copy / "notebooks/02-notebook-basics.ipynb"
    nb = json.loads(english.read_text(encoding="utf-8"))
    [cell] = [c for c in nb["cells"] if c["metadata"].get("mystnb")]
    cell["metadata"]["mystnb"]["image"]["alt"] += " More."
    english.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
    assert not pages.state(repo_copy / "zh-TW/notebooks/02-notebook-basics.ipynb", repo_copy).up_to_date

    change_one_word(repo_copy / "book/intro.md", "hands-on", "practical")
    page = repo_copy / "zh-TW/book/intro.md"
    assert not pages.state(page, repo_copy).up_to_date
    assert "-A hands-on workshop" in command.english_changes(page, repo_copy)


def test_outputs_and_screen_state_are_not_changes(repo_copy):
    """Re-running the English lesson (new outputs, execution counts) needs no new translation."""
    english = repo_copy / "notebooks/02-notebook-basics.ipynb"
    nb = json.loads(english.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            cell["metadata"]["collapsed"] = True
    english.write_text(json.dumps(nb, indent=2), encoding="utf-8")
    assert pages.state(repo_copy / "zh-TW/notebooks/02-notebook-basics.ipynb", repo_copy).up_to_date


def test_a_new_english_lesson_without_translation_is_listed(repo_copy):
    shutil.copy2(repo_copy / "notebooks/02-notebook-basics.ipynb", repo_copy / "notebooks/12-new-lesson.ipynb")
    assert pages.missing(TRANSLATIONS[0], repo_copy) == ["notebooks/12-new-lesson.ipynb"]


# --- same code ------------------------------------------------------------------------------

def code_problems(english, translated) -> list[str]:
    """How the code of two editions of a lesson differs; empty when it is the same code."""
    kinds = [c.cell_type for c in english.cells], [c.cell_type for c in translated.cells]
    if kinds[0] != kinds[1]:
        return [f"the cells differ in number or kind: {len(kinds[0])} English, {len(kinds[1])} translated"]
    problems = []
    language = english.metadata.kernelspec.language
    if translated.metadata.kernelspec.name != english.metadata.kernelspec.name:
        problems.append("the kernels differ")
    for number, (ours, theirs) in enumerate(zip(english.cells, translated.cells)):
        if ours.cell_type != "code":
            continue
        a, b = code_tokens(ours.source, language), code_tokens(theirs.source, language)
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            ours_here, theirs_here = " ".join(a[at:at + 4]), " ".join(b[at:at + 4])
            problems.append(f"cell {number}: the code differs at {ours_here!r} / {theirs_here!r}")
        if ours.metadata.get("tags", []) != theirs.metadata.get("tags", []):
            problems.append(f"cell {number}: the tags differ")
    return problems


@pytest.mark.parametrize("edition, lesson", TRANSLATED_LESSONS, ids=page_id)
def test_both_editions_run_the_same_code(edition, lesson):
    english = nbformat.read(pages.source_of(lesson), as_version=4)
    translated = nbformat.read(lesson, as_version=4)
    assert code_problems(english, translated) == []


def test_the_code_comparison_ignores_strings_and_comments_but_not_code():
    english = nbformat.read(ROOT / "notebooks/02-notebook-basics.ipynb", as_version=4)
    translated = nbformat.read(ROOT / "notebooks/02-notebook-basics.ipynb", as_version=4)
    for cell in translated.cells:
        if cell.cell_type == "code":
            cell.source = cell.source.replace('"hello world"', '"你好，世界"').replace("# m", "# 公尺")
    assert code_problems(english, translated) == []

    changed = [c for c in translated.cells if "k_ice = 2.2" in c.source][0]
    changed.source = changed.source.replace("k_ice = 2.2", "k_ice = 2.1")
    assert code_problems(english, translated) == [
        f"cell {translated.cells.index(changed)}: the code differs at "
        "'2.2 thickness = 1000.0' / '2.1 thickness = 1000.0'"]
    translated.cells.pop()
    assert "number or kind" in code_problems(english, translated)[0]


@pytest.mark.parametrize("source, same, different", [
    # R (an R notebook, or a %%R cell): strings and comments may differ, code may not.
    ('x <- c(1, 2)  # numbers\nplot(x, main = "A")', 'x <- c(1, 2)  # 數字\nplot(x, main = "甲")',
     'x <- c(1, 3)\nplot(x, main = "A")'),
    ('%%R -o y\ny <- mean(co2) # mean', '%%R -o y\ny <- mean(co2) # 平均', '%%R -o y\ny <- median(co2)'),
    ('!ls data  # list', '!ls data  # 列出', '!ls notebooks'),
    ('print(f"{x:.2f} m")', 'print(f"{x:.2f} 公尺")', 'print(x)'),
])
def test_tokens_of_python_r_and_shell(source, same, different):
    language = "R" if source.startswith("x <-") else "python"
    assert code_tokens(source, language) == code_tokens(same, language)
    assert code_tokens(source, language) != code_tokens(different, language)


def test_links_into_a_newly_translated_lesson_get_its_chinese_headings(tmp_path):
    """A translated page that links to a section by its English heading is mended to the
    translated lesson's heading at the same place; links it cannot place stay as they were."""
    root = tmp_path / "workshop"
    for name in ["notebooks/04-terminal-and-environments.ipynb", "zh-TW/notebooks/04-terminal-and-environments.ipynb"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, root / name)
    page = root / "zh-TW/book/guide.md"
    page.parent.mkdir(parents=True)
    page.write_text("[a](../notebooks/04-terminal-and-environments.ipynb#opening-a-terminal) "
                    "[b](../notebooks/04-terminal-and-environments.ipynb#no-such-heading) "
                    "[c](../notebooks/99-not-translated.ipynb#anything)", encoding="utf-8")
    assert pages.translate_anchors(page, root) == [
        "../notebooks/04-terminal-and-environments.ipynb#opening-a-terminal -> #打開終端機"]
    assert page.read_text(encoding="utf-8") == (
        "[a](../notebooks/04-terminal-and-environments.ipynb#打開終端機) "
        "[b](../notebooks/04-terminal-and-environments.ipynb#no-such-heading) "
        "[c](../notebooks/99-not-translated.ipynb#anything)")
    assert pages.translate_anchors(page, root) == []  # a second run changes nothing
