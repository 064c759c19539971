"""Put the workshop folder right after an update went wrong, without losing any of your work.

In a notebook inside the workshop folder (any lesson, or a new notebook there):

    from workshop import repair
    repair.run()

or in a terminal, from the workshop's `notebooks` folder:

    python3 -m workshop.repair            (add --language zh-TW for Traditional Chinese)

It needs only Python and git, so it works in a copy made by a workshop link with nothing
installed. It finds and fixes what keeps the workshop link from updating a lesson:

- a lock file (.git/index.lock) left behind by an interrupted update, when no git is running;
- a git merge (or pull, rebase, cherry-pick) started by hand and never finished;
- notebooks that no longer open: not valid JSON, or holding conflict markers (<<<<<<<);
- a copy whose history no longer matches the teacher's, because the teacher rewrote it
  (the link then says "refusing to merge unrelated histories");
- lessons the teacher moved or retired that you had worked on;
- a teacher's change that a save from an old tab undid (JupyterLab asked "File Changed" and
  Overwrite was chosen): the change is put back, your edits stay.

Whenever a file has to change, your version is kept first, beside it, as
NAME-my-work-DATE-TIME.ipynb (or .txt if it no longer is a notebook), and the file gets the
teacher's latest version. Nothing you wrote is deleted. At the end one paragraph says what
happened and where your work is.
"""
from __future__ import annotations

# One module per job: the texts (messages), conflict markers (markers), the student's kept
# copies (kept_copies), git (plumbing), one module per kind of repair, the paragraph
# (report), the whole run (fix) and the terminal command (command, __main__).
from .command import main as main  # the terminal command, as before
from .fix import check_and_fix, run
from .kept_copies import kept_copy_name
from .markers import has_conflict_markers, keep_side, notebook_problem
from .messages import MESSAGES
from .report import Report

__all__ = ["run", "check_and_fix", "Report", "keep_side", "has_conflict_markers",
           "notebook_problem", "kept_copy_name", "MESSAGES"]
