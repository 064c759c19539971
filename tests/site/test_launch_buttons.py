"""The class's links on the website come from the one place that names the hub and the
repository (_config.yml, written by workshop-set-class), through the workshop's own link
builder; until the class is set, no page links to a placeholder.

The site CI builds is this repository as shipped (class not set): no launch buttons, no
Binder link, the instructor guide says how to set the class. A small book built here with a
class on a git host that is neither GitHub nor GitLab shows the other state.
"""
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from workshop_kit import classconfig
from workshop_kit.repo import EDITIONS, ROOT
from workshop_kit.sphinx.class_links import lesson_links
from workshop.links import binder_link, nbgitpuller_link

CLASS = classconfig.read(ROOT)
PLACEHOLDERS = ("YOUR-ACCOUNT", "your-hub.example.org", "MACHINE:8000")


def launch_links(page_html: str) -> dict[str, str]:
    links = {}
    for href, label in re.findall(r'<a href="([^"]+)"[^>]*title="Launch on (\w+)"', page_html):
        links[label] = unescape(href)
    return links


# Each edition's buttons open that edition's lessons (zh-TW/notebooks/... from zh-TW pages).
@pytest.mark.parametrize("edition, lesson", [(e, lesson) for e in EDITIONS for lesson in e.lessons()],
                         ids=lambda v: v.relative_to(ROOT).as_posix() if hasattr(v, "stem") else str(v))
def test_lesson_page_has_the_class_launch_buttons_or_none(site_dir, edition, lesson):
    page = (site_dir / f"{edition.site_prefix}notebooks" / f"{lesson.stem}.html").read_text(encoding="utf-8")
    assert launch_links(page) == lesson_links(CLASS, f"{edition.site_prefix}notebooks/{lesson.name}")


def test_no_page_links_to_a_placeholder(site_dir):
    for page in site_dir.rglob("*.html"):
        hrefs = re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))
        bad = [h for h in hrefs if any(p in unescape(h) for p in PLACEHOLDERS)]
        assert not bad, f"{page.relative_to(site_dir)} links to a placeholder: {bad[:3]}"


def test_front_page_and_guide_follow_the_class(site_dir):
    intro = (site_dir / "book" / "intro.html").read_text(encoding="utf-8")
    guide = (site_dir / "book" / "instructor-guide.html").read_text(encoding="utf-8")
    if CLASS.is_set:
        assert binder_link(CLASS.repo, CLASS.branch, app="lab").replace("&", "&amp;") in intro
    else:
        assert "mybinder.org/v2" not in intro
        assert "No links yet: set your hub and your copy of the workshop" in guide
        assert "git-pull?" not in guide


BOOK_CONFIG = """\
title: A class on another git host
only_build_toc_files: true
execute: {{execute_notebooks: "off"}}
launch_buttons: {{jupyterhub_url: "{hub}", notebook_interface: jupyterlab, binderhub_url: "https://mybinder.org"}}
repository: {{url: "{repo}", branch: "main", path_to_book: "{book}"}}
sphinx:
  extra_extensions: [workshop_kit.sphinx.class_links]
"""


# book: where the book sits in the repository ("zh-TW" for the Chinese edition's book)
@pytest.mark.parametrize("repo, book", [("https://codeberg.org/teacher/ice-lessons", ""),
                                        ("https://gitlab.com/group/sub/ice-lessons", "zh-TW")])
def test_a_class_on_any_git_host_gets_working_buttons(tmp_path, repo, book):
    """The theme alone stops such a build ("Provider not recognized") or writes a broken
    Binder link; with the workshop's extension the buttons are the link builder's."""
    hub = "https://hub.example.org"
    (tmp_path / "_config.yml").write_text(BOOK_CONFIG.format(hub=hub, repo=repo, book=book))
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n- file: lesson\n")
    (tmp_path / "intro.md").write_text("# Intro\n\n:::{launch-on-binder}\nrun it.\n:::\n")
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Lesson"]}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    import json
    (tmp_path / "lesson.ipynb").write_text(json.dumps(notebook))
    done = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build",
                           str(tmp_path), "-W", "-n", "--keep-going"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    page = (tmp_path / "_build" / "html" / "lesson.html").read_text(encoding="utf-8")
    path = f"{book}/lesson.ipynb" if book else "lesson.ipynb"
    assert launch_links(page) == {
        "Binder": binder_link(repo, "main", path=path),
        "JupyterHub": nbgitpuller_link(hub, repo, "main", path=path)}
    intro = (tmp_path / "_build" / "html" / "intro.html").read_text(encoding="utf-8")
    front = binder_link(repo, "main", app="lab", path=f"{book}/notebooks" if book else None)
    assert front.replace("&", "&amp;") in intro
