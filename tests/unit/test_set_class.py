"""One command sets the class's addresses, checked like the link builder, in one place
(_config.yml) and in the README's badge; everything else follows from there."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from workshop_kit import classconfig, set_class
from workshop_kit.repo import ROOT
from workshop.links import LinkError, binder_link


@pytest.fixture
def workshop(tmp_path):
    """A teacher's copy: the files the command reads and writes."""
    for name in ("_config.yml", "README.md", "hub/jupyterhub_config.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def run(command, *args, cwd):
    return subprocess.run([str(Path(sys.executable).with_name(command)), *args], cwd=cwd,
                          capture_output=True, text=True)


@pytest.mark.parametrize("repo, binder_part", [
    ("https://github.com/teacher/jupyterhub-workshop", "/v2/gh/teacher/jupyterhub-workshop/main"),
    ("https://gitlab.com/school/ice/jupyterhub-workshop", "/v2/gl/school%2Fice%2Fjupyterhub-workshop/main"),
    ("https://git.uni.example/t/jupyterhub-workshop.git",
     "/v2/git/https%3A%2F%2Fgit.uni.example%2Ft%2Fjupyterhub-workshop.git/main"),
])
def test_the_class_is_set_in_one_place_and_the_badge_follows(workshop, repo, binder_part):
    before = (workshop / "_config.yml").read_text(encoding="utf-8")
    assert not classconfig.read(workshop).is_set
    done = run("workshop-set-class", "--repo", repo, "--hub", "http://hub.school.example:8000/",
               cwd=workshop / "hub")  # from anywhere inside the copy
    assert done.returncode == 0, done.stderr
    after = (workshop / "_config.yml").read_text(encoding="utf-8")
    assert classconfig.read(workshop) == classconfig.ClassAddresses(
        repo=repo, branch="main", hub="http://hub.school.example:8000", binderhub="https://mybinder.org")
    # only those values changed: comments and every other setting stay
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 2 and len(before.splitlines()) == len(after.splitlines())  # url, hub
    assert yaml.safe_load(after)["sphinx"] == yaml.safe_load(before)["sphinx"]
    readme = (workshop / "README.md").read_text(encoding="utf-8").splitlines()
    badge = binder_link(repo, "main", app="lab")
    assert readme[2] == f"[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({badge})"
    assert binder_part in readme[2]
    links = run("workshop-links", "--lesson", "00", cwd=workshop)
    assert links.returncode == 0 and links.stdout.startswith("http://hub.school.example:8000/hub/user-redirect/git-pull?")


@pytest.mark.parametrize("args, words", [
    (("--repo", "https://github.com/YOUR-ACCOUNT/jupyterhub-workshop", "--hub", "https://hub.example.org"),
     "still holds the example's YOUR-ACCOUNT"),
    (("--repo", "https://github.com/t/w", "--hub", "http://MACHINE:8000"), "MACHINE"),
    (("--repo", "https://github.com/t/w", "--hub", "https://hub.example.org@evil.example"),
     "a browser would go to 'evil.example'"),
    (("--repo", "git@github.com:t/w.git",), "is an SSH address"),
    (("--repo", "https://github.com/t/w", "--branch", "a b"), "is not a branch name"),
    # characters _config.yml (YAML) cannot hold: a "noncharacter", and a byte that is not
    # UTF-8 (a terminal set to another encoding), which Python passes on as a lone surrogate
    (("--repo", "https://github.com/t/w\ufffe"), "a character that cannot be part of an address"),
    (("--repo", "https://github.com/t/w\udcff"), "a character that cannot be part of an address"),
])
def test_bad_addresses_change_nothing_and_say_why_in_one_line(workshop, args, words):
    before = {p: (workshop / p).read_bytes() for p in ("_config.yml", "README.md")}
    done = run("workshop-set-class", *args, cwd=workshop)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: ") and words in done.stderr and done.stderr.count("\n") == 1
    assert {p: (workshop / p).read_bytes() for p in before} == before


def test_links_without_a_class_say_how_to_set_it(workshop):
    done = run("workshop-links", "--lesson", "00", cwd=workshop)
    assert done.returncode == 2 and "workshop-set-class --repo URL --hub URL" in done.stderr


def test_a_config_yaml_cannot_read_is_one_line(workshop):
    """A _config.yml spoiled by hand (or by an older workshop-set-class): one line that says
    which file and what to do, instead of a traceback."""
    config = workshop / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "repository:", "repository: # \ufffe", 1), encoding="utf-8")
    done = run("workshop-links", "--lesson", "00", cwd=workshop)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {config} cannot be read as YAML (line ")
    assert done.stderr.count("\n") == 1


# Letters and punctuation, and what editors, terminals and other encodings slip in: control
# and format characters, unassigned ones, lone surrogates (bytes that were not UTF-8), line breaks.
ADDRESS_TAILS = st.text(st.characters(categories=("L", "N", "P", "Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Zs")),
                        max_size=30)


@given(ADDRESS_TAILS)
@example("\ufffe")  # the two YAML cannot hold and the address check let through
@example("\udcff")
def test_any_address_is_refused_in_one_line_or_read_back_as_written(tail):
    """Whatever a teacher types (or pastes) after the address: refused with one line, or
    written into _config.yml so that YAML reads back exactly what was checked."""
    try:
        repo, _, _ = set_class.checked("https://github.com/t/w" + tail, None, "https://mybinder.org")
    except LinkError as problem:
        assert "\n" not in str(problem)
        return
    text = classconfig.set_value((ROOT / "_config.yml").read_text(encoding="utf-8"), "repository", "url", repo)
    assert classconfig.from_text(text, ROOT / "_config.yml").repo == repo.strip()
