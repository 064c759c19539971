"""How heavy the built website is: what a reader downloads, and what the repo ships.

    .venv/bin/python -m workshop_bench.page_weight [--site _build/html]

Prints JSON, then a short Markdown table, and writes both to bench/results/page_weight.json
and page_weight.md. A page's weight is its HTML plus every image, script and stylesheet it
names in its HTML (each counted once). Files loaded later by scripts (MathJax fonts and
extensions, the widget icon fonts, jupyter-leaflet) are not named in the HTML, so they are
counted under the vendored assets instead.
"""
from __future__ import annotations

import argparse
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from workshop_kit.repo import RESULTS_DIR as RESULTS
from workshop_kit.repo import ROOT

from .measure import folder_bytes


class ResourceLinks(HTMLParser):
    """Collects what a page loads by itself: <img src>, <script src>, <link rel=stylesheet>."""

    def __init__(self):
        super().__init__()
        self.images, self.scripts_and_styles = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])
        elif tag == "script" and attrs.get("src"):
            self.scripts_and_styles.append(attrs["src"])
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            self.scripts_and_styles.append(attrs["href"])


def local_file(page: Path, link: str) -> Path | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # outside the site, or data: URIs
    target = (page.parent / unquote(parts.path)).resolve()
    return target if target.is_file() else None


def page_weight(page: Path) -> dict:
    links = ResourceLinks()
    links.feed(page.read_text(encoding="utf-8"))
    images = {f for f in (local_file(page, link) for link in links.images) if f}
    assets = {f for f in (local_file(page, link) for link in links.scripts_and_styles) if f}
    html, image_bytes = page.stat().st_size, sum(f.stat().st_size for f in images)
    return {
        "html": html,
        "images": image_bytes,
        "scripts_and_styles": sum(f.stat().st_size for f in assets),
        "total": html + image_bytes + sum(f.stat().st_size for f in assets),
    }


def measure(site: Path) -> dict:
    pages = sorted(site.rglob("*.html"))
    weights = {p.relative_to(site).as_posix(): page_weight(p) for p in pages}
    largest = max(weights, key=lambda p: weights[p]["total"])
    vendored = site / "_static" / "offline"
    return {
        "site_bytes": folder_bytes(site),
        "site_files": sum(1 for f in site.rglob("*") if f.is_file()),
        "pages": len(pages),
        "largest_page": {"path": largest, **weights[largest]},
        "largest_html": max(weights, key=lambda p: weights[p]["html"]),
        "vendored_bytes": folder_bytes(vendored),
        "vendored": {d.name: folder_bytes(d) if d.is_dir() else d.stat().st_size
                     for d in sorted(vendored.iterdir())},
        "mathjax_bytes": folder_bytes(vendored / "mathjax"),
        "pages_by_weight": dict(sorted(weights.items(), key=lambda kv: -kv[1]["total"])),
    }


def mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def markdown(r: dict) -> str:
    big = r["largest_page"]
    rows = [
        ("Whole site", f"{mb(r['site_bytes'])} in {r['site_files']} files"),
        ("Pages (HTML files)", str(r["pages"])),
        (f"Largest page: `{big['path']}`",
         f"{mb(big['total'])} (HTML {mb(big['html'])}, images {mb(big['images'])}, "
         f"scripts and styles {mb(big['scripts_and_styles'])})"),
        ("Vendored assets (`_static/offline`)",
         f"{mb(r['vendored_bytes'])}: " + ", ".join(f"{k} {mb(v)}" for k, v in r["vendored"].items())),
        ("MathJax", mb(r["mathjax_bytes"])),
    ]
    return "| what | size |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"No built site in {args.site}: run `bash tools/setup_and_build.sh` first.")
    result = measure(args.site)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "page_weight.json").write_text(json.dumps(result, indent=1) + "\n")
    (RESULTS / "page_weight.md").write_text(markdown(result))
    summary = {k: v for k, v in result.items() if k != "pages_by_weight"}
    print(json.dumps(summary, indent=1))
    print()
    print(markdown(result))


if __name__ == "__main__":
    main()
