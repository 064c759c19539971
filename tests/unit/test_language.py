"""The helpers speak the lesson's language, and no message lacks its translation."""
import importlib
import pkgutil

import pytest

import workshop
from workshop import language


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
