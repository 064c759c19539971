"""The repair on a full disk, for real: the student's home on a small tmpfs mounted in a
private mount namespace (`unshare --mount`, as root; nothing of the machine's is touched),
filled until only a few bytes are free, then repaired.

A write that fails half way must lose nothing: every line the student wrote is still in their
folder, nothing outside the workshop folder changes, the paragraph says the disk is full and
how much to free (never "in order"), and once space is freed the repair finishes the job.
"""
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.gitclass import lesson, nbgitpuller_pull, push_change, teacher_repo
from workshop_kit.repo import LESSONS_DIR

TYPED = "typed_in_the_old_tab = 'STUDENT-TYPED'\n"

# Runs inside the namespace: fill the disk, repair, free it, repair again; prints JSON.
INSIDE = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from workshop import repair
    home, free = Path(sys.argv[1]), int(sys.argv[2])
    def files():
        return {str(p.relative_to(home)): p.read_bytes().decode("utf-8", "replace")
                for p in sorted(home.rglob("*")) if p.is_file() and ".git" not in p.parts}
    filler = home.parent / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\\0" * 4096)
        except OSError:
            pass
    os.truncate(filler, max(0, filler.stat().st_size - free))
    before = files()
    first = repair.check_and_fix(home / "course", fetch=False)
    during = files()
    filler.unlink()
    second = repair.check_and_fix(home / "course", fetch=False)
    print(json.dumps({"before": before, "during": during, "after": files(),
                      "first": first.message, "second": second.message,
                      "failed": first.failed}))
""")


@pytest.fixture(scope="module")
def overwritten(tmp_path_factory):
    """A home whose workshop lesson lost the teacher's latest change to an Overwrite from an
    old tab (the repair puts it back: it must rewrite the lesson)."""
    folder = tmp_path_factory.mktemp("class")
    teacher = teacher_repo(folder, {"lesson.ipynb": lesson()})
    home = folder / "home"
    home.mkdir()
    (home / ".bashrc").write_text("# the student's own dotfile\n")
    student = home / "course"
    nbgitpuller_pull(teacher.url, student)
    nbgitpuller_pull(teacher.url, student)
    fixed = nbformat.reads(lesson(), as_version=4)
    fixed.cells[2].source = "## Exercise\n\nWork out the flux. TEACHER-HINT: k = 3.3."
    push_change(teacher, {"lesson.ipynb": nbformat.writes(fixed) + "\n"}, "Hint")
    nbgitpuller_pull(teacher.url, student)
    return home


def run_on_a_small_disk(home: Path, free: int, typed: str, work: Path) -> dict:
    """Copy `home` onto a 1 MB tmpfs in a private mount namespace, overwrite its lesson from
    an "old tab" holding `typed`, and run INSIDE there."""
    disk = work / "disk"
    disk.mkdir()
    old_tab = nbformat.reads(lesson(), as_version=4)
    old_tab.cells.append(nbformat.v4.new_code_cell(typed))
    (work / "old-tab.ipynb").write_text(nbformat.writes(old_tab))
    script = f"""
        set -e
        mount -t tmpfs -o size=1m tmpfs {disk}
        cp -a {home} {disk}/home
        cp {work}/old-tab.ipynb {disk}/home/course/lesson.ipynb
        exec env PYTHONPATH={LESSONS_DIR} HOME={disk}/home {sys.executable} -c "$1" {disk}/home {free}
    """
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", "--", "bash", "-c",
                           textwrap.dedent(script), "bash", INSIDE],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)


@settings(max_examples=max(6, settings.default.max_examples // 40),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(free=st.integers(0, 24_000), typed_lines=st.integers(1, 3000))
def test_a_full_disk_never_loses_a_line_and_says_what_to_free(overwritten, tmp_path_factory,
                                                              free, typed_lines):
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed: apt-get install util-linux")
    typed = TYPED * typed_lines
    seen = run_on_a_small_disk(overwritten, free, typed, tmp_path_factory.mktemp("disk"))
    assert seen["during"][".bashrc"] == seen["before"][".bashrc"] == seen["after"][".bashrc"]
    for moment in ("during", "after"):
        assert any(text.count("STUDENT-TYPED") >= typed_lines
                   for name, text in seen[moment].items() if name.startswith("course/")), moment
    for message in (seen["first"], seen["second"]):
        assert "\n" not in message and not message.startswith("Nothing to repair"), message
    if seen["failed"]:
        assert "free at least" in seen["first"], seen["first"]
    # Once space is freed, the repair finishes: the teacher's hint and the typing, together.
    assert "TEACHER-HINT" in seen["after"]["course/lesson.ipynb"]
    notebook = nbformat.reads(seen["after"]["course/lesson.ipynb"], as_version=4)
    assert notebook.cells[-1].source == typed.rstrip("\n") or typed in notebook.cells[-1].source
