"""Build the translated editions of the book beside the English one: `_build/html/zh-TW/...`.

    workshop-build-translations            # after `jupyter-book build .`; tools/setup_and_build.sh runs both

Jupyter Book 1 cannot build one source tree in two languages (it cannot pass `-D language`,
jupyter-book#1791), so each translation is a second book whose sources are its own folder
(`zh-TW/`). Its settings are not written twice: the English `_config.yml` and `_toc.yml` are
read and the edition's `_edition.yml` is laid over them (title, language, where the book sits
in the repository, the table of contents' captions). The result goes to
`_build/editions/<folder>/` and the site is copied to `_build/html/<folder>/`, so a page has
the same relative path in both editions.

A lesson not translated yet is left out of that edition's table of contents, and links to it
lead to the English page (workshop_kit.sphinx.untranslated_links); tests/unit/test_translations.py
lists what is missing.
"""
from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from ..repo import ROOT, SITE_DIR, TRANSLATIONS, Edition
from .pool import execute, lessons_of

OVERLAY = "_edition.yml"
STRICT = ["-W", "-n", "--keep-going"]  # as the English build: a warning fails it


def layered(base, overlay):
    """`overlay` laid over `base`: mappings merge key by key, anything else is replaced."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for key, value in overlay.items():
            merged[key] = layered(base.get(key), value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(overlay)


def overlay_of(edition: Edition) -> dict:
    return yaml.safe_load((edition.root / OVERLAY).read_text(encoding="utf-8")) or {}


def edition_config(edition: Edition) -> dict:
    """The English _config.yml with the edition's settings laid over it.

    Static paths in the English settings count from the repository's root; the edition's book
    starts in its own folder, so they are made to count from there.
    """
    english = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config = layered(english, overlay_of(edition).get("config", {}))
    sphinx_config = config.get("sphinx", {}).get("config", {})
    if "html_static_path" in sphinx_config:
        sphinx_config["html_static_path"] = [
            os.path.relpath(ROOT / path, edition.root) for path in sphinx_config["html_static_path"]]
    return config


def edition_toc(edition: Edition) -> tuple[dict, list[str]]:
    """The English _toc.yml with translated captions and only the pages the edition has.

    Returns the table of contents and the pages left out because they are not translated.
    """
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    captions = overlay_of(edition).get("toc_captions", {})
    left_out = []

    def exists(docname: str) -> bool:
        return any((edition.root / f"{docname}{suffix}").is_file() for suffix in (".md", ".ipynb"))

    def keep(entries: list) -> list:
        kept = []
        for entry in entries:
            if "file" in entry and not exists(entry["file"]):
                left_out.append(entry["file"])
                continue
            kept.append(entry)
        return kept

    if not exists(toc["root"]):
        raise SystemExit(f"{edition.folder}: the book's first page {toc['root']} is not translated")
    for part in toc.get("parts", []):
        caption = part.get("caption")
        if caption is not None:
            if caption not in captions:
                raise SystemExit(f"{edition.folder}/{OVERLAY}: no translation of the caption {caption!r}")
            part["caption"] = captions[caption]
        part["chapters"] = keep(part.get("chapters", []))
    toc["parts"] = [part for part in toc.get("parts", []) if part["chapters"]]
    toc["parts"] += overlay_of(edition).get("extra_parts", [])  # pages only this edition has
    return toc, left_out


def run_lessons_first(edition: Edition, toc: dict) -> None:
    """The edition's lessons, several at once, into the execution cache the book then reads
    (workshop_kit.build.pool, as workshop-build does for English)."""
    from workshop.cpus import usable_cpus

    lessons = lessons_of(edition.root, toc, edition_config(edition), ROOT)
    report = execute(lessons, max(1, usable_cpus()), reports=SITE_DIR / "reports", repo=ROOT)
    if report.failed:
        raise SystemExit(f"{edition.folder}: {len(report.failed)} lesson(s) failed; the traceback above shows the cell")


def build(edition: Edition, jupyter_book_args: list[str]) -> None:
    work = ROOT / "_build" / "editions" / edition.folder
    work.mkdir(parents=True, exist_ok=True)
    config_file, toc_file = work / "_config.yml", work / "_toc.yml"
    toc, left_out = edition_toc(edition)
    config_file.write_text(yaml.safe_dump(edition_config(edition), allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    toc_file.write_text(yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if left_out:
        print(f"{edition.folder}: not translated yet, left out: {', '.join(left_out)}", flush=True)
    run_lessons_first(edition, toc)
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run([str(jupyter_book), "build", str(edition.root), "--config", str(config_file),
                    "--toc", str(toc_file), "--path-output", str(work), "--builder", "html",
                    *jupyter_book_args], cwd=ROOT, check=True)
    # The edition's site, under the English one: replace what an earlier build left there.
    target = SITE_DIR / edition.folder
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(work / "_build" / "html", target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workshop-build-translations",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("editions", nargs="*", help="edition folders (default: all translations)")
    parser.add_argument("--all", action="store_true", help="rebuild every page (jupyter-book --all)")
    args = parser.parse_args(argv)
    wanted = [e for e in TRANSLATIONS if not args.editions or e.folder in args.editions]
    if not (SITE_DIR / "index.html").is_file():
        print("Build the English book first: jupyter-book build . (tools/setup_and_build.sh does)",
              file=sys.stderr)
        return 1
    for edition in wanted:
        start = time.monotonic()
        try:
            build(edition, STRICT + (["--all"] if args.all else []))
        except subprocess.CalledProcessError as failed:
            return failed.returncode or 1
        print(f"{edition.folder}: built in {time.monotonic() - start:.0f} s -> {SITE_DIR / edition.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
