"""Make the screenshots that lessons 05 (JupyterLab) and 06 (the hub) show, from the real software.

    workshop-screenshots                    # a few minutes; writes notebooks/images/*.png
    workshop-screenshots --edition zh-TW    # the same in Traditional Chinese: zh-TW/notebooks/images/

It starts a real JupyterLab on 127.0.0.1 in a temporary folder (a copy of notebooks/, data/
and the edition's lessons), drives it with Playwright and Chromium (workshop_kit.browser)
through every step lesson 05 describes, then starts the workshop hub with the test harness
(workshop_kit.hubharness) and photographs the pages lesson 06 describes. For zh-TW, JupyterLab
is first switched to Traditional Chinese (the installed language pack) and the zh-TW lesson
is opened; the hub's own pages stay English. Nothing outside the temporary folder is touched
except the edition's notebooks/images/, and that only when every picture was taken; every
process it starts is stopped.

- lab: JupyterLab on a free port; workshop_copy: what it serves.
- labapp (+ labapp.js): what the tours ask of JupyterLab in the page, with waits.
- lesson_cells: a lesson in an edition, its steps' cells found through the English lesson.
- pictures: still screenshots that record what they show, staged until the run has worked.
- lab_tour, hub_tour: the two tours; run: the command.

Screenshots go stale with each release of JupyterLab or JupyterHub, and a translation's when
its lesson 05 changes: run this after either, look at the pictures, and commit them.
tests/unit/test_screenshots.py checks that the lessons and the images agree, that each edition's
JupyterLab pictures are in its language, and that the commands in labapp.COMMANDS still exist.
"""
