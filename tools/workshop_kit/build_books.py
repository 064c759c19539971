"""The books the site is built from (the English book and each translated edition), and their lessons."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .repo import ROOT
from .toc import toc_files


@dataclass(frozen=True)
class Book:
    """One Jupyter Book (an edition): its folder, and where its execution cache lives."""
    root: Path

    @property
    def config(self) -> dict:
        return yaml.safe_load((self.root / "_config.yml").read_text(encoding="utf-8")) or {}

    @property
    def cache(self) -> Path:
        return self.root / self.config.get("execute", {}).get("cache", "_build/.jupyter_cache")

    @property
    def timeout(self) -> int:
        return int(self.config.get("execute", {}).get("timeout", 120))

    def notebooks(self) -> list[Path]:
        """The .ipynb files the table of contents names, in its order."""
        found = []
        for name in toc_files(self.root / "_toc.yml"):
            candidate = self.root / (name if name.endswith(".ipynb") else f"{name}.ipynb")
            if candidate.is_file():
                found.append(candidate)
        return found


def books(root: Path = ROOT) -> list[Book]:
    """The editions this repository builds: the English book and any translated one."""
    editions = [Book(root)]
    editions += [Book(p.parent) for p in sorted(root.glob("*/_toc.yml")) if (p.parent / "_config.yml").is_file()]
    return editions


@dataclass
class Lesson:
    path: Path
    cache: Path
    timeout: int


def lessons_of(editions: list[Book], chosen: list[Path] | None = None) -> list[Lesson]:
    """Every notebook of these books (or only the chosen ones), with its book's cache."""
    lessons = []
    for book in editions:
        for notebook in book.notebooks():
            if chosen is None or notebook.resolve() in chosen:
                lessons.append(Lesson(notebook.resolve(), book.cache, book.timeout))
    return lessons
