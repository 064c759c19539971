"""Sphinx extension: serve MathJax and the Jupyter widget front ends from the site itself.

By default the book's pages fetch these from CDNs when they are opened, so without a network
the math shows raw TeX and maps and widgets stay blank. This extension copies the few files
the pages need from node_modules (installed from package.json with `npm ci`) into
_static/offline/ and points MathJax and myst-nb's widget loader at those copies.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ..repo import ROOT

VENDOR = "offline"  # folder under the site's _static/ (the theme already uses vendor/)

# Only what the pages load, found by recording every request Chromium makes on every page
# (tests/site/test_site_offline.py fails on any missing file). Full MathJax es5 is 24 MB.
MATHJAX_EXTENSIONS = [
    # tex-chtml.js has the TeX commands the lessons use built in. These are what its autoload
    # fetches for a few more a science lesson may reach for (tested in test_site_offline.py):
    # \cancel (needs enclose), \boldsymbol, \color, \ce, \dv, \ket, \coloneqq, \degree, \upmu.
    "cancel", "enclose", "boldsymbol", "color", "mhchem", "physics", "braket", "mathtools",
    "gensymb", "upgreek",
]
# (what to copy from node_modules, where to put it under _static/offline/)
ASSETS = [
    ("mathjax/es5/tex-chtml.js", "mathjax/tex-chtml.js"),
    *[(f"mathjax/es5/input/tex/extensions/{name}.js", f"mathjax/input/tex/extensions/{name}.js")
      for name in MATHJAX_EXTENSIONS],
    # All the woff2 fonts (370 kB): which ones a page needs depends on its symbols.
    ("mathjax/es5/output/chtml/fonts/woff-v2", "mathjax/output/chtml/fonts/woff-v2"),
    ("requirejs/require.js", "require.js"),
    # The widgets HTML manager and its icon fonts, which it loads from beside itself. Browsers
    # take the woff2 and never ask for the eot, ttf, svg or woff copies (2.7 MB).
    ("@jupyter-widgets/html-manager/dist/embed-amd.js", "html-manager/embed-amd.js"),
    ("@jupyter-widgets/html-manager/dist/*.woff2", "html-manager"),
    ("jupyter-leaflet/dist", "jupyter-leaflet"),
]
SKIP = shutil.ignore_patterns("*.map")

# Our own loader configuration, kept in the repo beside this file.
REQUIRE_CONFIG = Path(__file__).with_name("widgets_offline.js")


def node_modules(srcdir: str) -> Path:
    """The repository's node_modules (npm ci installs it at the top), whichever edition's book
    is built: English from the top folder, a translation from its own (zh-TW/)."""
    folder = ROOT / "node_modules"
    if not (folder / "mathjax").is_dir():
        raise RuntimeError(
            f"{folder} is missing or incomplete: run `npm ci` in {ROOT} "
            "(tools/setup_and_build.sh does this) so the site can serve MathJax and the "
            "widget front ends itself."
        )
    return folder


def configure(app, config):
    node_modules(app.srcdir)  # fail early, with the message above
    config.mathjax_path = f"{VENDOR}/mathjax/tex-chtml.js"
    # Order matters: require.js, then where to find jupyter-leaflet, then the manager.
    config.nb_ipywidgets_js = {
        f"{VENDOR}/require.js": {},
        f"{VENDOR}/widgets_offline.js": {},
        f"{VENDOR}/html-manager/embed-amd.js": {},
    }


def copy_assets(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    source = node_modules(app.srcdir)
    target = Path(app.outdir) / "_static" / VENDOR
    shutil.rmtree(target, ignore_errors=True)  # no files left over from an older list
    for src, dst in ASSETS:
        src_path, dst_path = source / src, target / dst
        dst_path.parent.mkdir(parents=True, exist_ok=True)
        if "*" in src:  # every match of a pattern, into the folder dst
            dst_path.mkdir(exist_ok=True)
            for match in sorted(src_path.parent.glob(src_path.name)):
                shutil.copy2(match, dst_path / match.name)
        elif src_path.is_dir():
            shutil.copytree(src_path, dst_path, ignore=SKIP, dirs_exist_ok=True)
        else:
            shutil.copy2(src_path, dst_path)
    shutil.copy2(REQUIRE_CONFIG, target / REQUIRE_CONFIG.name)


def drop_thebe_loader(app):
    """Jupyter Book always loads sphinx-thebe, which writes a script pointing at unpkg.com
    into every page, twice on rebuilds (a console error). This book does not launch live
    code in the page, so that one handler is removed; thebe's local files stay."""
    listeners = app.events.listeners["env-before-read-docs"]
    listeners[:] = [listener for listener in listeners if listener.handler.__qualname__ != "init_thebe_core"]


def setup(app):
    drop_thebe_loader(app)
    # Before myst-nb reads its configuration (it does so at the default priority, 500).
    app.connect("config-inited", configure, priority=100)
    app.connect("build-finished", copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
