"""The helpers speak the lesson's language, and no message lacks its translation."""
import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import workshop
import workshop.repair
from workshop import language
from workshop_kit.repo import LESSONS_DIR


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    language.use("en")


MESSAGES = {"greet": {"en": "Hello, {name}.", "zh-TW": "{name}，你好。"}}


def test_messages_follow_the_chosen_language():
    assert language.text(MESSAGES, "greet", name="Ada") == "Hello, Ada."
    language.use("zh-TW")
    assert language.current() == "zh-TW"
    assert language.text(MESSAGES, "greet", name="Ada") == "Ada，你好。"


@pytest.mark.parametrize("spelling", ["zh-tw", "zh_TW", " ZH-TW "])
def test_usual_spellings_of_a_language_are_understood(spelling):
    assert language.use(spelling) == "zh-TW"


def test_an_unknown_language_says_so_and_keeps_english(capsys):
    assert language.use("fr") == "en"
    said = capsys.readouterr().out
    assert said.count("\n") == 1 and "'fr'" in said


def test_every_message_of_every_helper_has_both_languages():
    for module_info in pkgutil.iter_modules(workshop.__path__):
        module = importlib.import_module(f"workshop.{module_info.name}")
        for key, versions in getattr(module, "MESSAGES", {}).items():
            missing = [lang for lang in language.LANGUAGES if not versions.get(lang)]
            assert not missing, f"workshop.{module_info.name}: {key!r} has no {missing}"


# --- The edition's language without being told (issue #25) ----------------------------------

ROOT = LESSONS_DIR.parent
MAINLAND = re.compile("冰川|在線|程序|算法|代碼|串列|自我檢查|世界標準時間")
HAN = "[\u4e00-\u9fff]"
# A half-width , : ; ! ? ( ) touching a Chinese character, or a space after full-width punctuation.
HALF_WIDTH = re.compile(f"{HAN}[,:;!?()]|[,:;!?()]{HAN}|[，：；！？、。「」（）] ")


def chinese_messages():
    """(where, text) for every Chinese message of every helper: each table of {"en", "zh-TW"}
    rows in the package (workshop.repair.__main__ is left out: importing it runs the repair)."""
    names = [f"workshop.{m.name}" for m in pkgutil.iter_modules(workshop.__path__)]
    names += [f"workshop.repair.{m.name}" for m in pkgutil.iter_modules(workshop.repair.__path__)
              if m.name != "__main__"]
    for name in names:
        for table_name, table in vars(importlib.import_module(name)).items():
            if isinstance(table, dict):
                for key, versions in table.items():
                    if isinstance(versions, dict) and isinstance(versions.get("zh-TW"), str):
                        yield f"{name}.{table_name}[{key!r}]", versions["zh-TW"]


def test_every_chinese_message_is_written_as_in_taiwan():
    """Full-width punctuation, no space after it, and Taiwan's words (清單, 自我檢核, 上線, 程式碼...)."""
    messages = list(chinese_messages())
    assert len(messages) > 400  # every table was found, the self-checks' too
    wrong = [(where, text) for where, text in messages if HALF_WIDTH.search(text) or MAINLAND.search(text)]
    assert not wrong, wrong


@given(st.lists(st.text(st.characters(blacklist_characters="/\0", blacklist_categories=["Cs"]),
                        min_size=1).filter(lambda s: s not in (".", "..")), max_size=4),
       st.sampled_from(["zh-TW", "zh_TW", "zh-tw"]), st.sampled_from(["", "notebooks", "notebooks/workshop"]))
def test_any_folder_inside_a_zh_tw_folder_is_the_chinese_edition(above, spelling, below):
    """Wherever the Chinese lessons are copied (a home folder, an unpacked zip, Binder), under
    any folder names a person chose."""
    folder = Path("/", *above)
    assert language.of_place(folder / spelling / below) == "zh-TW"
    if not any(name.replace("_", "-").lower() in ("zh-tw", "en") for name in above):
        assert language.of_place(folder / below) is None


def test_the_innermost_language_folder_decides():
    assert language.of_place("/home/ana/en/zh-TW/notebooks") == "zh-TW"
    assert language.of_place("/home/ana/zh-TW/en/notebooks") == "en"
    assert language.of_place("relative/zh-TW/notebooks/00-welcome.ipynb") == "zh-TW"


FRESH = """
from workshop import links, preflight
preflight.show(preflight.check_kernels(), "kernel")
try:
    links.nbgitpuller_link("https://hub.example.org/hub/login", "https://github.com/a/b")
except links.LinkError as problem:
    print(problem)
"""


@pytest.mark.parametrize("folder, first_line, error", [
    ("zh-TW/notebooks", "核心     狀態  怎麼處理", "Hub 網址 'https://hub.example.org/hub/login' 指向 Hub 的某一頁"),
    ("notebooks", "kernel   status  what to do", "The hub address 'https://hub.example.org/hub/login' points"),
])
def test_a_fresh_python_speaks_the_language_of_the_lessons_folder(folder, first_line, error):
    """A fresh kernel (or a terminal) in a lesson's folder, before any set_up: the environment
    check and the link builder speak that edition's language (the zh-TW lessons' workshop
    folder is a link to notebooks/workshop, so only the path tells them apart)."""
    done = subprocess.run([sys.executable, "-c", FRESH], cwd=ROOT / folder, capture_output=True,
                          text=True, env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")})
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    assert said[0] == first_line and said[-1].startswith(error), said
