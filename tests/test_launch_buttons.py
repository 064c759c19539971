"""Every lesson page offers Binder and JupyterHub launch buttons made from the one place that
names the hub and the repository (_config.yml), and the hub button is the same link the
workshop's own link builder makes (the one the end-to-end hub tests follow)."""
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from workshop_kit.repo import LESSONS, ROOT
from workshop.links import binder_link, nbgitpuller_link

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
HUB = CONFIG["launch_buttons"]["jupyterhub_url"]
REPO, BRANCH = CONFIG["repository"]["url"], CONFIG["repository"]["branch"]


def launch_links(page_html: str) -> dict[str, str]:
    links = {}
    for href, label in re.findall(r'<a href="([^"]+)"[^>]*title="Launch on (\w+)"', page_html):
        links[label] = unescape(href)
    return links


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_page_has_launch_buttons_from_the_one_configuration(site_dir, lesson):
    page = (site_dir / "notebooks" / f"{lesson.stem}.html").read_text(encoding="utf-8")
    links = launch_links(page)
    assert set(links) == {"Binder", "JupyterHub"}, links
    path = f"notebooks/{lesson.name}"

    ours = urlsplit(nbgitpuller_link(HUB, REPO, BRANCH, path=path))
    theirs = urlsplit(links["JupyterHub"])
    assert (theirs.scheme, theirs.netloc, theirs.path) == (ours.scheme, ours.netloc, ours.path)
    assert parse_qs(theirs.query) == parse_qs(ours.query)

    binder = urlsplit(links["Binder"])
    expected = urlsplit(binder_link(REPO, BRANCH, path=path))
    assert (binder.netloc, binder.path, parse_qs(binder.query)) == \
        (expected.netloc, expected.path, parse_qs(expected.query))
