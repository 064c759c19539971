"""What a translation follows in an English page, and where a translated page records it.

The fingerprint covers each cell's kind, text and metadata (alt text, tags), never the
outputs; a lesson keeps its record in its notebook metadata, a book page in its front
matter (see the package's docstring).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

# Cell metadata that is the state of someone's screen, not content to translate.
SCREEN_STATE = {"execution", "collapsed", "scrolled", "jupyter", "ExecuteTime", "trusted",
                "editable", "deletable"}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


# --- what a page is made of ----------------------------------------------------------------

def notebook_cells(text: str) -> list[dict]:
    """The parts of a notebook a translation follows: kind, text and content metadata of each cell."""
    nb = json.loads(text)
    cells = []
    for cell in nb["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        metadata = {k: v for k, v in cell.get("metadata", {}).items() if k not in SCREEN_STATE}
        cells.append({"kind": cell["cell_type"], "source": source, "metadata": metadata})
    return cells


def page_body(text: str) -> str:
    """A Markdown page without its translation record (the rest of the front matter stays)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    import yaml

    meta = yaml.safe_load(match.group(1)) or {}
    meta.pop("translation_of", None)
    rest = text[match.end():]
    return rest if not meta else f"---\n{yaml.safe_dump(meta, allow_unicode=True).strip()}\n---\n{rest}"


def fingerprint(text: str, suffix: str) -> str:
    """sha256 of what a translator follows in an English page (its text as stored in git)."""
    if suffix == ".ipynb":
        content = json.dumps(notebook_cells(text), sort_keys=True, ensure_ascii=False)
    else:
        content = page_body(text)
    return "sha256:" + hashlib.sha256(content.encode("utf-8")).hexdigest()


def readable(text: str, suffix: str) -> list[str]:
    """A page as lines a person can diff: a notebook cell by cell, with its alt text and tags."""
    if suffix != ".ipynb":
        return page_body(text).splitlines()
    lines = []
    for number, cell in enumerate(notebook_cells(text)):
        lines.append(f"=== cell {number} ({cell['kind']}) ===")
        lines += cell["source"].splitlines()
        for key, value in sorted(cell["metadata"].items()):
            lines.append(f"[metadata {key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}]")
    return lines


# --- where the record is kept ---------------------------------------------------------------

@dataclass
class Record:
    source: str  # the English page, from the repository's root: notebooks/02-....ipynb
    fingerprint: str


def read_record(translation: Path) -> Record | None:
    text = translation.read_text(encoding="utf-8")
    if translation.suffix == ".ipynb":
        found = json.loads(text).get("metadata", {}).get("workshop", {}).get("translation_of")
    else:
        import yaml

        match = FRONT_MATTER.match(text)
        found = (yaml.safe_load(match.group(1)) or {}).get("translation_of") if match else None
    if not isinstance(found, dict) or not {"source", "fingerprint"} <= set(found):
        return None
    return Record(str(found["source"]), str(found["fingerprint"]))


def write_record(translation: Path, record: Record) -> None:
    entry = {"source": record.source, "fingerprint": record.fingerprint}
    text = translation.read_text(encoding="utf-8")
    if translation.suffix == ".ipynb":
        nb = json.loads(text)
        nb.setdefault("metadata", {}).setdefault("workshop", {})["translation_of"] = entry
        # The layout Jupyter itself writes (nbformat): one-space indent, no ASCII escapes.
        translation.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                               encoding="utf-8")
        return
    body = page_body(text)
    lines = ["translation_of:", f"  source: {entry['source']}", f"  fingerprint: {entry['fingerprint']}"]
    match = FRONT_MATTER.match(body)
    if match:  # keep the page's own front matter, the record first
        body = f"---\n{chr(10).join(lines)}\n{match.group(1)}\n---\n{body[match.end():]}"
    else:
        body = f"---\n{chr(10).join(lines)}\n---\n{body}"
    translation.write_text(body, encoding="utf-8")
