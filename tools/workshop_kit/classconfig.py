"""The class's two addresses, kept in one place: `_config.yml` of the workshop checkout.

- `repository.url` and `repository.branch`: the teacher's public copy of the workshop;
- `launch_buttons.jupyterhub_url`: the class hub (empty when the class uses Binder only);
- `launch_buttons.binderhub_url`: the BinderHub for Binder links (mybinder.org by default).

Everything that shows them is made from here: the lessons' launch buttons and the
instructor guide's links (workshop_kit.sphinx.class_links, at build time), the book's and
the README's Binder badge, and `workshop-links`. `workshop-set-class` writes them.
Until the repository is set, nothing links to a placeholder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .repo import ROOT

UNSET_HINT = ("the class is not set: run `workshop-set-class --repo URL --hub URL` "
              "(book/hub-setup.md, step 4)")


@dataclass(frozen=True)
class ClassAddresses:
    repo: str = ""
    branch: str = "main"
    hub: str = ""
    binderhub: str = "https://mybinder.org"

    @property
    def is_set(self) -> bool:
        return bool(self.repo)


def workshop_folder(start: Path | None = None) -> Path:
    """The workshop checkout holding `start` (default: the current folder), else this one."""
    here = Path(start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if (folder / "_config.yml").is_file() and (folder / "hub" / "jupyterhub_config.py").is_file():
            return folder
    return ROOT


def from_config(config: dict) -> ClassAddresses:
    """The addresses as _config.yml (read with yaml) gives them."""
    repository = config.get("repository") or {}
    buttons = config.get("launch_buttons") or {}
    return ClassAddresses(repo=str(repository.get("url") or "").strip(),
                          branch=str(repository.get("branch") or "main").strip(),
                          hub=str(buttons.get("jupyterhub_url") or "").strip(),
                          binderhub=str(buttons.get("binderhub_url") or "").strip())


class ClassConfigError(ValueError):
    """_config.yml cannot be read; the message is one line that names the file."""


def from_text(text: str, path: Path) -> ClassAddresses:
    try:
        return from_config(yaml.safe_load(text))
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)  # a syntax error; a bad character has a position
        line = mark.line + 1 if mark else text[:getattr(problem, "position", 0)].count("\n") + 1
        where = f" (line {line})" if mark or hasattr(problem, "position") else ""
        what = str(getattr(problem, "problem", "") or problem).splitlines()[0]
        raise ClassConfigError(f"{path} cannot be read as YAML{where}: {what}. Correct it, or "
                               f"take it back with `git checkout {path.name}`.") from None


def read(folder: Path | None = None) -> ClassAddresses:
    config = (folder or workshop_folder()) / "_config.yml"
    return from_text(config.read_text(encoding="utf-8"), config)


def set_value(text: str, section: str, key: str, value: str) -> str:
    """`text` (YAML) with `section: key:` set to `value`, its comment and layout kept."""
    block = re.search(rf"^{re.escape(section)}:[ \t]*(#.*)?\n((?:[ \t]+.*\n|[ \t]*\n)*)", text, re.M)
    if not block:
        raise ValueError(f"_config.yml has no '{section}:' section")
    body = block.group(2)
    line = re.search(rf"^([ \t]+{re.escape(key)}:)[ \t]*(\"[^\"]*\"|'[^']*'|[^#\n]*?)([ \t]*#.*)?$",
                     body, re.M)
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if not line:
        raise ValueError(f"_config.yml has no '{key}:' in '{section}:'")
    new_body = body[:line.start()] + f"{line.group(1)} {quoted}{line.group(3) or ''}" + body[line.end():]
    return text[:block.start(2)] + new_body + text[block.end(2):]
