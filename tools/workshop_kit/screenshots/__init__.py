"""Make the screenshots that lessons 05 (JupyterLab) and 06 (the hub) show, from the real software.

    workshop-screenshots      # a few minutes; writes notebooks/images/*.png

It starts a real JupyterLab on 127.0.0.1 in a temporary folder (a copy of notebooks/ and
data/), drives it with Playwright and Chromium (workshop_kit.browser) through every step
lesson 05 describes, then starts the workshop hub with the test harness
(workshop_kit.hubharness) and photographs the pages lesson 06 describes. Nothing outside the
temporary folder is touched except notebooks/images/, and that only when every picture was
taken; every process it starts is stopped.

- lab: JupyterLab on a free port; workshop_copy: what it serves.
- labapp (+ labapp.js): what the tours ask of JupyterLab in the page, with waits.
- pictures: still screenshots, staged until the run has worked.
- lab_tour, hub_tour: the two tours; run: the command.

Screenshots go stale with each release of JupyterLab or JupyterHub: run this after
upgrading either, look at the pictures, and commit them. tests/test_screenshots.py checks
that the lessons and the images agree and that the commands listed in COMMANDS still exist.
"""
from .labapp import COMMANDS
from .run import main

__all__ = ["COMMANDS", "main"]
