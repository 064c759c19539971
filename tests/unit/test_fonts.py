"""workshop.fonts: a zh-TW lesson's figures get a CJK font; without one, one line says what to install."""
import matplotlib
import pytest

from workshop import fonts, language


@pytest.fixture(autouse=True)
def restore():
    saved = matplotlib.rcParams.copy()
    yield
    matplotlib.rcParams.update(saved)
    language.use("en")


def test_chinese_gets_the_cjk_font_after_the_usual_one():
    fonts.use_for("zh-TW")
    assert matplotlib.rcParams["font.family"] == ["sans-serif", "Noto Sans CJK TC"]


def test_choosing_chinese_as_the_lessons_language_sets_the_font():
    language.use("zh-TW")
    assert "Noto Sans CJK TC" in matplotlib.rcParams["font.family"]


def test_english_changes_nothing():
    before = list(matplotlib.rcParams["font.family"])
    fonts.use_for("en")
    assert matplotlib.rcParams["font.family"] == before


def test_no_chinese_font_says_so_in_one_line_in_the_lessons_language(monkeypatch, capsys):
    monkeypatch.setattr(fonts, "chinese_font", lambda: None)
    before = list(matplotlib.rcParams["font.family"])
    language.use("zh-TW")  # choosing the language sets the font (here: says there is none)
    said = capsys.readouterr().out
    assert said.count("\n") == 1 and "fonts-noto-cjk" in said and "中文字型" in said
    assert matplotlib.rcParams["font.family"] == before


def test_fonts_imports_no_other_helper():
    """language.py imports fonts (choosing Chinese sets the figures' font): fonts importing
    language back made an import loop."""
    from workshop_kit.imports import helper_imports
    assert sorted(n for n in helper_imports("workshop.fonts") if n.split(".")[0] == "workshop") == []
