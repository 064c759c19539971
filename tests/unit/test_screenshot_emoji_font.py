"""The screenshots draw the emoji the lessons' outputs show (issue #25: ✅ was an empty box in
the zh-TW pictures). Chromium, which takes them (workshop-screenshots, workshop-site-pictures),
draws a character only with a font fontconfig knows; tools/setup_and_build.sh installs Debian's
fonts-noto-color-emoji for it."""
import re
import subprocess

from workshop_kit.repo import ROOT

HELPERS = ROOT / "notebooks" / "workshop"
EMOJI = re.compile("[\u2600-\u27bf\U0001f300-\U0001faff]")


def emoji_the_helpers_print() -> set[str]:
    files = [*HELPERS.rglob("*.py"), *HELPERS.glob("*.tsv"), *HELPERS.glob("*.R")]
    return set(EMOJI.findall("".join(f.read_text(encoding="utf-8") for f in files)))


def drawn(char: str) -> bool:
    fonts = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True)
    return bool(fonts.stdout.strip())


def test_a_font_draws_every_emoji_the_helpers_print():
    emoji = emoji_the_helpers_print()
    assert {"✅", "❌"} <= emoji, "the helpers' messages lost their ✅ and ❌: fix this test's search"
    missing = sorted(e for e in emoji if not drawn(e))
    assert not missing, (f"no font here draws {' '.join(missing)}: the screenshots would show empty boxes. "
                         "Install fonts-noto-color-emoji (tools/setup_and_build.sh does).")


def test_the_setup_installs_the_emoji_font():
    setup = (ROOT / "tools" / "setup_and_build.sh").read_text(encoding="utf-8")
    assert re.search(r"packages\+?=\([^)]*\bfonts-noto-color-emoji\b", setup)
