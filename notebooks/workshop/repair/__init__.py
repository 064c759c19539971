"""Put the workshop folder right after an update went wrong, without losing any of your work.

In a notebook inside the workshop folder (any lesson, or a new notebook there):

    from workshop import repair
    repair.run()

or in a terminal, from the workshop's `notebooks` folder (or `zh-TW/notebooks`):

    python3 -m workshop.repair

It speaks the language of the lessons' edition: Traditional Chinese in zh-TW/notebooks, in a
notebook or a terminal alike (--language en or --language zh-TW chooses).

It needs only Python and git, so it works in a copy made by a workshop link with nothing
installed. It finds and fixes what keeps the workshop link from updating a lesson:

- a lock file (.git/index.lock) left behind by an interrupted update, when no git is running;
- a git merge (or pull, rebase, cherry-pick) started by hand and never finished;
- folders and files that lost their write permission (the link cannot update them);
- notebooks that no longer open: not valid JSON, or holding a merge's conflict markers
  (<<<<<<<), also inside a cell;
- a copy whose history no longer matches the teacher's, because the teacher rewrote it
  (the link then says "refusing to merge unrelated histories");
- lessons the teacher moved or retired that you had worked on;
- a teacher's change that a save from an old tab undid (JupyterLab asked "File Changed" and
  Overwrite was chosen): the change is put back, your edits stay.

Whenever a file has to change, your version is kept first, beside it, as
NAME-my-work-DATE-TIME.ipynb (or .txt if it no longer is a notebook), and the file gets the
teacher's latest version. Nothing you wrote is deleted. At the end one paragraph says what
happened and where your work is; if the disk is full it says how much to free and which
files are biggest. It never reads or writes through a link: a link, or a file inside a
linked folder, is left alone and named. Run it whenever a click on the workshop link fails.
"""
from __future__ import annotations

# One module per job: what a file holds (content), git (gitcalls), the copy's files, touched
# only through checked paths and new-then-rename writes (workcopy), the repairs that need only
# the copy (repairs), those of the teacher's updates (updates), the whole run, its paragraph
# and the terminal command (fix), and what it says (messages).
from .content import has_conflict_markers, keep_side, kept_copy_name, notebook_problem
from .fix import check_and_fix, main, run
from .messages import MESSAGES
from .workcopy import Report

__all__ = ["run", "check_and_fix", "main", "Report", "keep_side", "has_conflict_markers",
           "notebook_problem", "kept_copy_name", "MESSAGES"]
