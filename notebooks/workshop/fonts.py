"""Figures that can write Chinese: matplotlib's letters stay as they are, Chinese comes from a CJK font.

Choosing the lesson's language (workshop.language.use, which the lesson's set-up calls)
calls this too, so the Traditional Chinese lessons draw titles and labels in Chinese:

    from workshop import fonts
    fonts.use_for("zh-TW")

matplotlib's own font (DejaVu Sans) has no Chinese, and a missing character is drawn as an
empty box with the warning "Glyph ... missing from font(s)". The font comes from a system
package that every way of running the workshop installs: Debian's and Ubuntu's
`fonts-noto-cjk` (tools/setup_and_build.sh, Binder's binder/apt.txt, and the hub guide for
admins). matplotlib keeps its usual font (DejaVu Sans) first, so Latin letters and numbers look as in the
English figures, and falls back to the CJK font for each character DejaVu Sans lacks.
"""
from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

# The first of these that is installed is used. Noto Sans CJK TC draws characters the way
# Taiwan's schools write them; the others are there for machines set up another way.
CHINESE_FONTS = ["Noto Sans CJK TC", "Noto Sans TC", "Noto Sans CJK JP", "Noto Sans CJK SC",
                 "WenQuanYi Micro Hei"]
# Languages whose figures need a CJK font.
NEEDS_CJK = {"zh-TW"}

MESSAGES = {
    "no_font": {
        "en": "⚠️ No Chinese font on this computer: Chinese in figures will show as boxes. "
              "Ask your hub admin to install the package fonts-noto-cjk.",
        "zh-TW": "⚠️ 這台電腦沒有中文字型，圖裡的中文會變成方框。"
                 "請管理員安裝 fonts-noto-cjk 這個套件。",
    },
}


def _installed_font(font_manager) -> str | None:
    names = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CHINESE_FONTS if name in names), None)


def chinese_font() -> str | None:
    """The name of an installed CJK font matplotlib can use, or None."""
    font_manager = importlib.import_module("matplotlib.font_manager")  # by name: see use_for

    found = _installed_font(font_manager)
    if found is None:
        # matplotlib lists the system's fonts once and keeps the list: a font installed
        # after that (an admin following the guide on a running hub) is added here.
        for path in font_manager.findSystemFonts():
            if "CJK" in Path(path).name or "wqy" in Path(path).name.lower():
                font_manager.fontManager.addfont(path)
        found = _installed_font(font_manager)
    return found


def use_for(lang: str) -> None:
    """Let matplotlib's figures write `lang` (only Chinese needs anything). Never raises."""
    if lang not in NEEDS_CJK or importlib.util.find_spec("matplotlib") is None:
        return  # nothing to draw with, so nothing to set
    # Imported by name: every lesson chooses a language, but only some draw figures, and the
    # import analysis (workshop_kit.imports) must not count matplotlib as needed by all.
    matplotlib = importlib.import_module("matplotlib")
    font = chinese_font()
    if font is None:
        # Said in `lang`, the lesson's language: fonts imports nothing of the workshop, so
        # language.py can import it without an import loop.
        print(MESSAGES["no_font"][lang])
        return
    # A list of families makes matplotlib fall back character by character: the usual
    # sans-serif font first (DejaVu Sans), the Chinese font for what it lacks.
    matplotlib.rcParams["font.family"] = ["sans-serif", font]
