"""The documents a Jupyter Book table of contents (_toc.yml) names, in its order.

The build (which lessons to execute) and the guide's lesson table (which lessons to list)
both read it through here.
"""
from __future__ import annotations

from pathlib import Path

import yaml


def toc_files(toc: Path | dict) -> list[str]:
    """Every `file:` entry of a table of contents, in order: `toc` is a _toc.yml file, or the
    mapping read from one."""
    if not isinstance(toc, dict):
        toc = yaml.safe_load(Path(toc).read_text(encoding="utf-8"))
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                found.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return found
