"""The documents a Jupyter Book table of contents (_toc.yml) names, in its order.

The build (which lessons to execute) and the guide's lesson table (which lessons to list)
both read it through here, with the parser Jupyter Book itself uses (sphinx-external-toc),
so they see the same pages the book does.
"""
from __future__ import annotations

from pathlib import Path

from sphinx_external_toc.parsing import parse_toc_data, parse_toc_yaml


def toc_files(toc: Path | dict) -> list[str]:
    """Every `file:` entry of a table of contents, in order: `toc` is a _toc.yml file, or the
    mapping read from one."""
    site_map = parse_toc_data(toc) if isinstance(toc, dict) else parse_toc_yaml(toc)
    return [name for name in site_map if name != site_map.root.docname]
