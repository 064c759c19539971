"""The zh-TW lessons' figures draw every Chinese character: no "Glyph ... missing" warning.

matplotlib's own font has no Chinese; a character it cannot draw comes out as an empty box and
the warning "Glyph 27491 (...) missing from font(s) DejaVu Sans". The lessons' set-up gives
matplotlib a CJK font (workshop.fonts) from the system package fonts-noto-cjk.
"""
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from workshop_kit.lessons import execute
from workshop_kit.repo import ROOT, TRADITIONAL_CHINESE

DRAW_CHINESE = """import io
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.set_title("正弦曲線")
fig.savefig(io.BytesIO(), format="png")"""


def glyph_warnings(nb) -> list[str]:
    """Every line of any output that says a character was missing from the fonts."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("text", "") or "\n".join(str(v) for v in output.get("data", {}).values())
            found += [line.strip() for line in text.splitlines() if "Glyph" in line and "missing" in line]
    return found


@pytest.mark.parametrize("lesson", TRADITIONAL_CHINESE.lessons(), ids=lambda p: p.stem)
def test_chinese_lesson_draws_every_character(lesson):
    nb = execute(nbformat.read(lesson, as_version=4), lesson.parent)
    assert glyph_warnings(nb) == [], f"{lesson.relative_to(ROOT)} draws Chinese without a font for it"


def chinese_figure(*first_cells):
    nb = new_notebook(cells=[new_code_cell(c) for c in [*first_cells, DRAW_CHINESE]])
    nb.metadata.kernelspec = {"name": "python3", "language": "python", "display_name": "Python 3"}
    return execute(nb, TRADITIONAL_CHINESE.lessons_dir)


def test_the_font_helper_is_what_makes_chinese_draw():
    """The check bites: without the helper the warning is there; with it, it is gone."""
    assert any("missing from font" in w for w in glyph_warnings(chinese_figure()))
    assert glyph_warnings(chinese_figure("from workshop import fonts\nfonts.use_for('zh-TW')")) == []
