"""How a translation's book is made from the English settings (workshop_kit.build.editions).

Nothing is written twice: the edition's settings are the English _config.yml and _toc.yml with
the edition's _edition.yml laid over them. Its launch buttons and the guide's table of lessons
then open the edition's own lessons.
"""
from types import SimpleNamespace

import pytest
import yaml
from jupyter_book.config import yaml_to_sphinx

from workshop_kit.build import editions
from workshop_kit.repo import ROOT, TRADITIONAL_CHINESE
from workshop_kit.classconfig import ClassAddresses
from workshop_kit.sphinx import class_links, lesson_table

ENGLISH_CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def test_layering_merges_mappings_and_replaces_the_rest():
    base = {"a": {"x": 1, "y": [1, 2]}, "b": "keep"}
    assert editions.layered(base, {"a": {"y": [3]}, "c": 4}) == {
        "a": {"x": 1, "y": [3]}, "b": "keep", "c": 4}
    assert base == {"a": {"x": 1, "y": [1, 2]}, "b": "keep"}  # the English settings untouched


def test_the_zh_tw_settings_are_the_english_ones_with_its_own_laid_over():
    config = editions.edition_config(TRADITIONAL_CHINESE)
    assert config["sphinx"]["config"]["language"] == "zh_TW"
    assert config["repository"]["path_to_book"] == "zh-TW"
    assert config["repository"]["url"] == ENGLISH_CONFIG["repository"]["url"]
    assert config["launch_buttons"] == ENGLISH_CONFIG["launch_buttons"]
    assert config["sphinx"]["extra_extensions"] == ENGLISH_CONFIG["sphinx"]["extra_extensions"]
    # The CSS the English book serves, found from the edition's own folder.
    [static] = config["sphinx"]["config"]["html_static_path"]
    assert (TRADITIONAL_CHINESE.root / static / "workshop.css").is_file()


def test_the_table_of_contents_has_translated_captions_and_only_translated_pages():
    toc, left_out = editions.edition_toc(TRADITIONAL_CHINESE)
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert all(any((TRADITIONAL_CHINESE.root / f"{f}{s}").is_file() for s in (".md", ".ipynb")) for f in files)
    assert "book/glossary" in files and "book/maintainers" in left_out
    assert not any(part["caption"].isascii() for part in toc["parts"]), "a caption left in English"


def test_a_new_english_caption_without_translation_stops_the_build(monkeypatch):
    overlay = editions.overlay_of(TRADITIONAL_CHINESE)
    del overlay["toc_captions"]["Start here"]
    monkeypatch.setattr(editions, "overlay_of", lambda edition: overlay)
    with pytest.raises(SystemExit, match="Start here"):
        editions.edition_toc(TRADITIONAL_CHINESE)


def test_the_guides_links_open_the_editions_lessons(tmp_path):
    """The guide's lesson-table, with the book folder Jupyter Book makes of the zh-TW config,
    for a class that is set and for the workshop as shipped (no class yet)."""
    sphinx_config = yaml_to_sphinx(editions.edition_config(TRADITIONAL_CHINESE))[0]
    book = class_links.book_folder(SimpleNamespace(html_theme_options=sphinx_config["html_theme_options"]))
    toc, _ = editions.edition_toc(TRADITIONAL_CHINESE)
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc, allow_unicode=True), encoding="utf-8")
    a_class = ClassAddresses(repo="https://github.com/teacher/jupyterhub-workshop", hub="https://hub.example.org")
    table = "\n".join(lesson_table.table_lines(TRADITIONAL_CHINESE.root, tmp_path / "_toc.yml", a_class, book, "zh-TW"))
    assert "筆記本入門" in table and "分鐘" in table
    assert "urlpath=lab%2Ftree%2Fjupyterhub-workshop%2Fzh-TW%2Fnotebooks%2F02-notebook-basics.ipynb" in table
    assert "notebooks%2F02" in table and "jupyterhub-workshop%2Fnotebooks" not in table
    unset = "\n".join(lesson_table.table_lines(TRADITIONAL_CHINESE.root, tmp_path / "_toc.yml", ClassAddresses(),
                                               book, "zh-TW"))
    assert "還沒有連結" in unset and "git-pull" not in unset


def test_the_edition_being_built_is_found_in_any_copy_of_the_workshop(tmp_path):
    """The build benchmark builds a copy of the last commit: the language switch must know
    which edition that copy's book is, and find the other edition beside it."""
    from workshop_kit.sphinx.language_switch import edition_built, other_editions

    (tmp_path / "_config.yml").write_text("title: a copy\n")
    (tmp_path / "zh-TW").mkdir()
    english = edition_built(SimpleNamespace(srcdir=str(tmp_path)))
    chinese = edition_built(SimpleNamespace(srcdir=str(tmp_path / "zh-TW")))
    assert (english.language, english.root) == ("en", tmp_path)
    assert (chinese.language, chinese.root) == ("zh-TW", tmp_path / "zh-TW")
    assert [e.root for e in other_editions(chinese)] == [tmp_path]
    with pytest.raises(RuntimeError, match="not the source folder"):
        edition_built(SimpleNamespace(srcdir=str(tmp_path / "elsewhere")))
