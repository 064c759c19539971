"""Read by every student's server (hub/jupyterhub_config.py passes it with --config).

When a click on the workshop's link fails, nbgitpuller's page offers only "Contact the link
author" or "Backup and resync". Its page gets the workshop's own lines instead
(hub/templates/status.html): the repair command, in the lesson's language, and, when the
home folder is full, that it is full and what to do (git then only says "exit status 128").

nbgitpuller renders that page with a Jinja environment of its own
(nbgitpuller.handlers.jinja_env), which jupyter_server's template settings
(extra_template_paths, jinja_template_vars) never reach: so its loader gets our folder
first, with nbgitpuller's own templates after it and under "nbgitpuller/" (which ours extends).
"""
import shutil
from pathlib import Path

import jinja2
from nbgitpuller import handlers

# Less than this is "full": a first click needs about 7 MB (the workshop and its history),
# and a kernel or a save needs room too.
FULL_BELOW_MB = 10

pages = handlers.jinja_env
if not isinstance(pages.loader, jinja2.ChoiceLoader):  # the file may be read twice
    pages.loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(str(Path(__file__).resolve().parent / "templates")),
        jinja2.PrefixLoader({"nbgitpuller": pages.loader}), pages.loader])
    pages.globals["home_free_mb"] = lambda: shutil.disk_usage(Path.home()).free / 2**20
    pages.globals["full_below_mb"] = FULL_BELOW_MB
