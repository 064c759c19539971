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

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import language

__all__ = ["run", "check_and_fix", "Report", "keep_side", "has_conflict_markers",
           "notebook_problem", "kept_copy_name", "MESSAGES"]

MESSAGES = {
    "fine": {
        "en": "Nothing to repair: the workshop folder {folder} is in order.{fetch} If a lesson "
              "still looks out of date, save it, click the workshop link again, then run all "
              "its cells.",
        "zh-TW": "不需要修復：工作坊資料夾 {folder} 一切正常。{fetch}如果某一課看起來還是舊的，"
                 "請先儲存，再點一次工作坊連結，然後執行所有儲存格。",
    },
    "repaired": {
        "en": "I repaired the workshop folder {folder}: {what}.{kept}{fetch} {next}",
        "zh-TW": "工作坊資料夾 {folder} 已修復：{what}。{kept}{fetch}{next}",
    },
    "next": {
        "en": "Next, click the workshop link again to get the teacher's latest.",
        "zh-TW": "接下來，請再點一次工作坊連結，取得老師的最新版本。",
    },
    "next_revert": {
        "en": "Next, click the workshop link again to get the teacher's latest; if one of "
              "these files is open in a tab, choose Revert when JupyterLab says \"File "
              "Changed\".",
        "zh-TW": "接下來，請再點一次工作坊連結，取得老師的最新版本；如果這些檔案有哪一個開在"
                 "分頁裡，JupyterLab 顯示「檔案已變更」時，請選「復原」。",
    },
    "and": {"en": "; ", "zh-TW": "；"},
    "lock": {
        "en": "an interrupted update had left git's lock file behind, and I removed it",
        "zh-TW": "上次更新被中斷，留下了 git 的鎖定檔案，已經刪除",
    },
    "merge": {
        "en": "a git {operation} started by hand in this folder was never finished, and I "
              "finished it",
        "zh-TW": "有人在這個資料夾裡手動執行的 git {operation} 沒有完成，已經替你完成",
    },
    "abort": {
        "en": "a git {operation} started by hand in this folder was never finished, and I "
              "undid it",
        "zh-TW": "有人在這個資料夾裡手動執行的 git {operation} 沒有完成，已經取消",
    },
    "broken": {
        "en": "{names} had been left half-merged (conflict markers, or a notebook that is not "
              "valid JSON) and could not be opened",
        "zh-TW": "{names} 合併到一半（含有衝突標記，或筆記本不是有效的 JSON），無法開啟",
    },
    "broken_own": {
        "en": "{names} cannot be opened, and the teacher has no version of it, so it is left as "
              "it is: to rescue what is in it, right-click it, then Open With → Editor.",
        "zh-TW": "{names} 無法開啟，而老師沒有這個檔案的版本，所以保持原樣：要救回裡面的內容，"
                 "請在檔案上按右鍵，選 Open With → Editor。",
    },
    "history": {
        "en": "the teacher rewrote the workshop's history, so updates could no longer be "
              "merged, and I moved this copy onto the teacher's new history",
        "zh-TW": "老師改寫了工作坊的版本歷史，所以更新無法再合併；已經把這份副本移到老師的新"
                 "歷史上",
    },
    "moved": {
        "en": "the teacher moved or retired {names}, which you had worked on, and the old name "
              "now says where the lesson went",
        "zh-TW": "老師搬移或停用了你做過的 {names}；舊的檔名現在會告訴你這一課搬到哪裡",
    },
    "undone": {
        "en": "{names} had lost the teacher's latest change (saved over it from a tab opened "
              "before the update: JupyterLab's Overwrite), and I put that change back, keeping "
              "your own edits",
        "zh-TW": "{names} 遺失了老師最新的修改（在更新前開啟的分頁裡存檔蓋過了它：JupyterLab 的"
                 "「覆寫」），已經把老師的修改放回去，你自己的修改也都保留",
    },
    "kept": {
        "en": " Your work is safe, kept beside the teacher's version: {copies}; the original "
              "names now hold the teacher's latest.",
        "zh-TW": "你的作品都還在，存放在老師的版本旁邊：{copies}；原來的檔名現在是老師的最新"
                 "版本。",
    },
    "kept_one": {"en": "{copy} is your {original}", "zh-TW": "{copy} 是你的 {original}"},
    "kept_sep": {"en": ", ", "zh-TW": "、"},
    "offline": {
        "en": " (I could not reach the teacher's repository, so I used the latest version "
              "this copy already had.)",
        "zh-TW": "（連不上老師的儲存庫，所以使用這份副本已有的最新版本。）",
    },
    "busy": {
        "en": "git is still working in the workshop folder {folder} (an update may be "
              "running). Nothing was changed: wait a minute, then run the repair again.",
        "zh-TW": "git 還在工作坊資料夾 {folder} 裡執行（可能正在更新）。沒有做任何變更："
                 "請等一分鐘，再執行一次修復。",
    },
    "not_a_clone": {
        "en": "{folder} is not a copy made by the workshop link (it has no git history), so "
              "there is nothing to repair. Run the repair inside the workshop folder.",
        "zh-TW": "{folder} 不是用工作坊連結取得的副本（沒有 git 版本歷史），所以沒有東西需要"
                 "修復。請在工作坊資料夾裡執行修復。",
    },
    "no_git": {
        "en": "git is not installed here, so the workshop link cannot update this folder and "
              "there is nothing to repair.",
        "zh-TW": "這裡沒有安裝 git，所以工作坊連結無法更新這個資料夾，也沒有東西需要修復。",
    },
}

# What each unfinished operation is called in the message, and how it is ended: a merge is
# finished (the student's side is kept aside first), the others are undone.
OPERATIONS = {
    "MERGE_HEAD": "merge",
    "rebase-merge": "rebase",
    "rebase-apply": "rebase",
    "CHERRY_PICK_HEAD": "cherry-pick",
    "REVERT_HEAD": "revert",
}
# Commits made by the repair say so; nbgitpuller signs its own the same way.
REPAIR_IDENTITY = ["-c", "user.name=workshop repair", "-c", "user.email=repair@workshop.invalid"]
NBGITPULLER_EMAIL = "nbgitpuller@nbgitpuller.link"
MARKER_SIZE = 7  # git's default conflict-marker-size
KEPT_COPY = re.compile(r"-my-work-\d{8}-\d{6}(-\d+)?\.")  # see kept_copy_name
GIT_TIMEOUT = 120  # seconds; a fetch over a slow network is the longest step


# --- conflict markers and broken notebooks (pure functions: text in, answer out) -------------

def _marker(line: str, char: str) -> bool:
    body = line.rstrip("\r\n")
    return body.startswith(char * MARKER_SIZE) and (
        len(body) == MARKER_SIZE or body[MARKER_SIZE] == " ")


def keep_side(text: str, side: str = "ours") -> str | None:
    """The text with every conflict block replaced by one side ("ours" or "theirs").

    Understands git's blocks with and without the base section (diff3). Returns None if the
    markers are not well formed (a block never closed, a separator missing), so that a
    half-understood file is never passed off as the student's version.
    """
    out, state = [], "outside"  # outside -> ours -> (base) -> theirs -> outside
    for line in text.splitlines(keepends=True):
        if state == "outside":
            if _marker(line, "<"):
                state = "ours"
            elif _marker(line, "=") or _marker(line, ">") or _marker(line, "|"):
                if line.rstrip("\r\n") == "=" * MARKER_SIZE:
                    out.append(line)  # a lone ======= is ordinary text (a Markdown heading)
                    continue
                return None
            else:
                out.append(line)
        elif state in ("ours", "base"):
            if _marker(line, "|") and state == "ours":
                state = "base"
            elif line.rstrip("\r\n") == "=" * MARKER_SIZE:
                state = "theirs"
            elif _marker(line, "<") or _marker(line, ">"):
                return None
            elif state == "ours" and side == "ours":
                out.append(line)
        else:  # theirs
            if _marker(line, ">"):
                state = "outside"
            elif _marker(line, "<") or _marker(line, "|"):
                return None
            elif side == "theirs":
                out.append(line)
    return "".join(out) if state == "outside" else None


def has_conflict_markers(text: str) -> bool:
    """True if the text holds at least one complete <<<<<<< ... ======= ... >>>>>>> block."""
    opened = separated = False
    for line in text.splitlines():
        if _marker(line, "<"):
            opened, separated = True, False
        elif opened and line == "=" * MARKER_SIZE:
            separated = True
        elif opened and separated and _marker(line, ">"):
            return True
    return False


def notebook_problem(data: bytes) -> str | None:
    """Why these bytes cannot open as a notebook, or None if they can."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "not text"
    if has_conflict_markers(text):
        return "conflict markers"
    try:
        notebook = json.loads(text)
    except ValueError:
        return "not valid JSON"
    if not (isinstance(notebook, dict) and isinstance(notebook.get("cells"), list)
            and isinstance(notebook.get("nbformat"), int)):
        return "not a notebook"
    return None


def _is_text_with_markers(data: bytes) -> bool:
    try:
        return has_conflict_markers(data.decode("utf-8"))
    except UnicodeDecodeError:
        return False


def students_version(path: str, data: bytes, side: str = "ours") -> tuple[bytes, str]:
    """What to keep of a broken file: the student's side of its conflict blocks when that
    gives a sound file, else every byte as it is. Returns (bytes, file suffix)."""
    suffix = Path(path).suffix
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and has_conflict_markers(text):
        resolved = keep_side(text, side)
        if resolved is not None:
            candidate = resolved.encode("utf-8")
            if suffix != ".ipynb" or notebook_problem(candidate) is None:
                return candidate, suffix
    if suffix == ".ipynb" and notebook_problem(data) is not None:
        return data, suffix + ".txt"  # not a notebook any more: readable in the text editor
    return data, suffix


def kept_copy_name(path: str, when: datetime, taken=(), suffix: str | None = None) -> str:
    """NAME-my-work-YYYYMMDD-HHMMSS.EXT beside `path`, not clashing with anything in `taken`."""
    folder, name = os.path.split(path)
    stem, ext = os.path.splitext(name)
    if not stem:  # a name such as ".env"
        stem, ext = name, ""
    ext = ext if suffix is None else suffix
    base = f"{stem}-my-work-{when:%Y%m%d-%H%M%S}"
    candidate, number = base + ext, 1
    while os.path.join(folder, candidate) in taken:
        number += 1
        candidate = f"{base}-{number}{ext}"
    return os.path.join(folder, candidate)


# --- git -----------------------------------------------------------------------------------

class _GitMissing(Exception):
    pass


def _git(repo, *args, check=True, data=False, timeout=GIT_TIMEOUT):
    env = dict(os.environ, LANG="C", LC_ALL="C", GIT_TERMINAL_PROMPT="0",
               GIT_MERGE_AUTOEDIT="no", GIT_EDITOR=":")
    try:
        done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    except FileNotFoundError as missing:
        raise _GitMissing() from missing
    if check and done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, ["git", *args], done.stdout,
                                            done.stderr)
    if data:
        return done
    return done.stdout.decode("utf-8", "replace").strip()


def _ok(repo, *args) -> bool:
    return _git(repo, *args, check=False, data=True).returncode == 0


def find_clone(folder) -> Path | None:
    done = _git(folder, "rev-parse", "--show-toplevel", check=False, data=True)
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode().strip())


def _git_dir(repo: Path) -> Path:
    return Path(_git(repo, "rev-parse", "--absolute-git-dir"))


def _git_is_running(repo: Path) -> bool:
    """Is any git process working in this folder? (Linux: /proc; elsewhere: any git at all.)"""
    proc = Path("/proc")
    if not (proc / "self").exists():
        try:
            names = subprocess.run(["ps", "-A", "-o", "comm="], capture_output=True,
                                   text=True, timeout=10).stdout.split()
        except (OSError, subprocess.SubprocessError):
            return True  # cannot tell: assume it is, and touch nothing
        return any(Path(name).name.startswith("git") for name in names)
    repo = repo.resolve()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or entry.name == str(os.getpid()):
            continue
        try:
            if not (entry / "comm").read_text().strip().startswith("git"):
                continue
            cwd = Path(os.readlink(entry / "cwd"))
        except OSError:
            # Gone meanwhile, or another user's: a git working in this folder is the
            # student's own (nbgitpuller runs in their server), whose cwd we can read.
            continue
        if cwd == repo or repo in cwd.parents:
            return True
    return False


def _upstream(repo: Path) -> str | None:
    for ref in ("@{upstream}", "origin/HEAD"):
        done = _git(repo, "rev-parse", "--abbrev-ref", "--symbolic-full-name", ref,
                    check=False, data=True)
        name = done.stdout.decode().strip()
        if done.returncode == 0 and name and name != ref:
            return name
    remotes = _git(repo, "for-each-ref", "--format=%(refname:short)", "refs/remotes/",
                   check=False).split()
    remotes = [name for name in remotes if not name.endswith("/HEAD")]
    return remotes[0] if len(remotes) == 1 else None


def _tree(repo: Path, commit: str) -> dict[str, tuple[str, str]]:
    """path -> (mode, blob id) for every file in a commit."""
    listing = _git(repo, "ls-tree", "-r", "-z", commit, data=True).stdout.decode("utf-8", "replace")
    files = {}
    for entry in listing.split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            mode, kind, blob = meta.split()
            if kind == "blob":
                files[path] = (mode, blob)
    return files


def _blob(repo: Path, ref_and_path: str) -> bytes | None:
    done = _git(repo, "cat-file", "blob", ref_and_path, check=False, data=True)
    return done.stdout if done.returncode == 0 else None


def _reflog(repo: Path, ref: str) -> list[tuple[str, str]]:
    """(old, new) commit ids of every change to a ref recorded here, oldest first. Read from
    git's log file, which (unlike `git reflog`) also gives the value before the first change."""
    full = _git(repo, "rev-parse", "--symbolic-full-name", ref, check=False)
    log = _git_dir(repo) / "logs" / full if full else None
    if not log or not log.is_file():
        return []
    entries = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3:
            entries.append((parts[0], parts[1]))
    return entries


def _teacher_versions(repo: Path, upstream: str | None) -> dict[str, set[str]]:
    """For each path, the blob ids of every version of it the teacher ever published here.

    The teacher's commits this copy has seen: each value the remote branch took (its
    reflog: the clone and every fetch), the commit the clone started from (a shallow
    clone's boundary), and what nbgitpuller merged in. A file equal to one of these is the
    teacher's text, not the student's work.
    """
    commits = set()
    if upstream:
        for old, new in _reflog(repo, upstream):
            commits.update((old, new))
        commits.update(_git(repo, "rev-list", "--max-count=200", upstream, check=False).split())
    shallow = _git_dir(repo) / "shallow"
    if shallow.exists():
        commits.update(shallow.read_text().split())
    for line in _git(repo, "log", "--format=%H %ae %P", "--max-count=500", "HEAD",
                     check=False).splitlines():
        sha, email, *parents = line.split()
        if email == NBGITPULLER_EMAIL and len(parents) == 2:
            commits.add(parents[1])  # the teacher's side of nbgitpuller's merge
    versions: dict[str, set[str]] = {}
    for commit in commits:
        if not _ok(repo, "cat-file", "-e", f"{commit}^{{commit}}"):
            continue
        for path, (_, blob) in _tree(repo, commit).items():
            versions.setdefault(path, set()).add(blob)
    return versions


# --- the repair --------------------------------------------------------------------------

@dataclass
class Report:
    """What the repair found and did; `message` is the paragraph it prints."""
    folder: Path | None = None
    found: list = field(default_factory=list)  # keys of MESSAGES, in the order found
    kept: list = field(default_factory=list)  # (copy, original), relative to the folder
    broken: list = field(default_factory=list)  # files that could not be opened, now fixed
    left_alone: list = field(default_factory=list)  # broken files with no teacher version
    moved: list = field(default_factory=list)
    undone: list = field(default_factory=list)  # files whose teacher's change was put back
    operation: str = ""
    fetched: bool = True
    busy: bool = False
    message: str = ""


class _Repair:
    def __init__(self, repo: Path, report: Report, now: datetime):
        self.repo, self.report, self.now = repo, report, now
        self.taken: set[str] = set()
        self.upstream: str | None = None
        self._format = _git(repo, "rev-parse", "--show-object-format", check=False) or "sha1"

    def blob_id(self, data: bytes) -> str:
        """The id git gives these bytes (sha1, or sha256 in a repository made with it)."""
        digest = hashlib.new("sha256" if self._format == "sha256" else "sha1")
        digest.update(b"blob %d\0" % len(data) + data)
        return digest.hexdigest()

    # files
    def read(self, path: str) -> bytes | None:
        full = self.repo / path
        if full.is_symlink() or not full.is_file():
            return None
        return full.read_bytes()

    def write(self, path: str, data: bytes):
        full = self.repo / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_bytes(data)

    def keep_aside(self, path: str, data: bytes, side: str = "ours"):
        """Save the student's version of `path` beside it, under a name that says so."""
        keep, suffix = students_version(path, data, side)
        if not keep.strip():
            return  # an empty file holds no work
        copy = kept_copy_name(path, self.now, self.taken | self._existing(path), suffix)
        self.taken.add(copy)
        self.write(copy, keep)
        self.report.kept.append((copy, path))

    def _existing(self, path: str) -> set[str]:
        folder = (self.repo / path).parent
        if not folder.is_dir():
            return set()
        return {os.path.relpath(p, self.repo) for p in folder.iterdir()}

    def teacher(self, path: str) -> bytes | None:
        upstream = self.upstream
        return _blob(self.repo, f"{upstream}:{path}") if upstream else None

    # 1. a lock left by an interrupted git
    def stale_locks(self) -> bool:
        git_dir = _git_dir(self.repo)
        locks = [p for p in git_dir.rglob("*.lock") if p.is_file()]
        if not locks:
            return True
        if _git_is_running(self.repo):
            self.report.busy = True
            return False
        for lock in locks:
            lock.unlink()  # git's own bookkeeping, never the student's work
        self.report.found.append("lock")
        return True

    # 2. the teacher's latest
    def fetch(self):
        done = _git(self.repo, "fetch", "--quiet", check=False, data=True)
        self.report.fetched = done.returncode == 0

    # 3. a merge, rebase, cherry-pick or revert left unfinished
    def unfinished_operation(self):
        git_dir = _git_dir(self.repo)
        operation = next((name for marker, name in OPERATIONS.items()
                          if (git_dir / marker).exists()), "")
        unmerged = sorted(set(
            line.split("\t", 1)[1] for line in
            _git(self.repo, "ls-files", "-u", "-z", data=True).stdout.decode().split("\0")
            if "\t" in line))
        if not operation and not unmerged:
            return
        # In a rebase, git's "ours" is the branch being rebased onto; the student's is "theirs".
        side = "theirs" if operation == "rebase" else "ours"
        before = {path: self.read(path) for path in self._changed_paths(unmerged)}
        if operation == "merge":  # finish it, with the teacher's version where both changed
            for path in unmerged:
                self._resolve_with_teachers(path, before.get(path), side)
            if unmerged:
                _git(self.repo, "add", "-A", "--", *unmerged)
            _git(self.repo, *REPAIR_IDENTITY, "commit", "--no-verify", "--no-edit", "-q",
                 "-m", "Finish a merge left unfinished (workshop repair)")
        else:  # undo it; unmerged files with no operation come from e.g. `git stash pop`
            if operation and not _ok(self.repo, operation, "--abort"):
                _git(self.repo, operation, "--quit", check=False)
            if unmerged and _ok(self.repo, "rev-parse", "--verify", "-q", "HEAD"):
                _git(self.repo, "reset", "-q", "--", *unmerged, check=False)
            # Whatever the abort changed that the student had written is kept aside.
            for path, data in before.items():
                if data is not None and path not in unmerged and self.read(path) != data:
                    self.keep_aside(path, data, side)
            for path in unmerged:
                self._resolve_with_teachers(path, before.get(path), side)
        self.report.operation = operation
        if operation:
            self.report.found.append("merge" if operation == "merge" else "abort")
        self.report.broken.extend(unmerged)
        if unmerged and not operation:
            self.report.found.append("broken")

    def _changed_paths(self, unmerged) -> list[str]:
        changed = _git(self.repo, "diff", "--name-only", "-z", "HEAD", check=False,
                       data=True).stdout.decode("utf-8", "replace").split("\0")
        return sorted(set(unmerged) | {p for p in changed if p})

    def _resolve_with_teachers(self, path: str, data: bytes | None, side: str):
        if data is not None:
            self.keep_aside(path, data, side)
        teacher = self.teacher(path)
        if teacher is not None:
            self.write(path, teacher)
        elif data is not None:  # no teacher version: keep the student's side in place
            self.write(path, students_version(path, data, side)[0])

    # 4. files that cannot be opened
    def broken_files(self):
        listed = _git(self.repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                      data=True).stdout.decode("utf-8", "replace").split("\0")
        broken = 0
        for path in sorted(set(p for p in listed if p)):
            if ".ipynb_checkpoints" in Path(path).parts or KEPT_COPY.search(Path(path).name):
                continue  # JupyterLab's checkpoints, and copies this command kept earlier
            data = self.read(path)
            if data is None or len(data) > 20_000_000:
                continue
            if path.endswith(".ipynb"):
                problem = notebook_problem(data) is not None
            else:
                problem = _is_text_with_markers(data)
            if not problem:
                continue
            teacher = self.teacher(path)
            if teacher is None:
                self.report.left_alone.append(path)
                continue
            if teacher == data or (path.endswith(".ipynb") and notebook_problem(teacher)):
                continue  # broken in the teacher's own version: nothing to restore
            self.keep_aside(path, data)
            self.write(path, teacher)
            self.report.broken.append(path)
            broken += 1
        if broken:
            self.report.found.append("broken")

    # 5. a history that is not the teacher's any more
    def rewritten_history(self, versions) -> bool:
        upstream = self.upstream
        if not upstream or not _ok(self.repo, "rev-parse", "--verify", "-q", "HEAD"):
            return False
        if _ok(self.repo, "merge-base", "HEAD", upstream):
            return False
        if not _ok(self.repo, "rev-parse", "--verify", "-q", upstream):
            return False
        new, old = _tree(self.repo, upstream), _tree(self.repo, "HEAD")
        for path in sorted(set(new) | set(old)):
            data = self.read(path)
            if data is None:
                continue
            blob = self.blob_id(data)
            if path in new and blob == new[path][1]:
                continue
            if blob in versions.get(path, ()):
                continue  # an old version of the teacher's: nothing of the student's in it
            if path in new:
                self.keep_aside(path, data)
        _git(self.repo, "reset", "-q", "--mixed", upstream)
        for path, (mode, blob) in new.items():
            if mode == "120000":
                if not (self.repo / path).is_symlink():
                    _git(self.repo, "checkout", upstream, "--", path, check=False)
                continue
            data = self.read(path)
            if data is None or self.blob_id(data) != blob:
                self.write(path, _blob(self.repo, blob))
        for path in set(old) - set(new):  # files the teacher removed, untouched by the student
            data = self.read(path)
            if data is not None and self.blob_id(data) in versions.get(path, ()):
                (self.repo / path).unlink()
        self.report.found.append("history")
        return True

    # 6. lessons the teacher moved or retired, on which the student had worked
    def moved_lessons(self, versions):
        upstream = self.upstream
        if not upstream:
            return
        listing = _git(self.repo, "ls-tree", "-r", "-l", "-z", upstream, check=False,
                       data=True).stdout.decode("utf-8", "replace")
        for entry in listing.split("\0"):
            if not entry or not entry.endswith(".ipynb"):
                continue
            meta, path = entry.split("\t", 1)
            size = meta.split()[3]
            if not size.isdigit() or int(size) > 20_000:
                continue  # a redirect notebook is small; lessons are not
            teacher = _blob(self.repo, f"{upstream}:{path}")
            if not _moved_to(teacher):
                continue
            data = self.read(path)
            if data is None or data == teacher or _moved_to(data):
                continue
            if self.blob_id(data) in versions.get(path, ()):
                continue  # the old lesson, unchanged: the next click brings the note
            self.keep_aside(path, data)
            self.write(path, teacher)
            self.report.moved.append(path)
        if self.report.moved:
            self.report.found.append("moved")


    # 7. a teacher's change undone by a save from a tab opened before the update
    def undone_changes(self):
        """Put back the last update's changes that the student's files no longer have.

        The last update is the newest value of the teacher's branch that this copy has
        merged, against the value before it (the remote branch's reflog). If a file still
        has every line that update replaced, and none it brought, the update was saved over
        (JupyterLab's Overwrite): merging that update into the file again (git merge-file)
        changes only the teacher's lines. Where the student changed the same lines, the
        merge clashes and nothing happens, as nbgitpuller keeps the student's lines there.
        """
        if not self.upstream:
            return
        updates = [(old, new) for old, new in _reflog(self.repo, self.upstream)
                   if _ok(self.repo, "merge-base", "--is-ancestor", new, "HEAD")]
        if not updates:
            return
        old, new = updates[-1]
        if set(old) == {"0"} or not _ok(self.repo, "merge-base", "--is-ancestor", old, new):
            return  # the first clone, or a rewritten history (step 5's business)
        changed = _git(self.repo, "diff", "--name-only", "-z", old, new, check=False,
                       data=True).stdout.decode("utf-8", "replace").split("\0")
        for path in sorted(p for p in changed if p):
            current = self.read(path)
            base, teachers = _blob(self.repo, f"{old}:{path}"), _blob(self.repo, f"{new}:{path}")
            if current is None or base is None or teachers is None:
                continue
            merged = _merge_file(current, base, teachers)
            if merged is None or merged == current:
                continue  # the change is there, or the student changed the same lines
            if path.endswith(".ipynb") and notebook_problem(merged):
                continue
            self.write(path, merged)
            self.report.undone.append(path)
        if self.report.undone:
            self.report.found.append("undone")


def _merge_file(current: bytes, base: bytes, theirs: bytes) -> bytes | None:
    """git's three-way merge of one file: the teacher's change (base -> theirs) applied to
    the student's `current`; None if they clash or the file is not text."""
    with tempfile.TemporaryDirectory(prefix="workshop-repair-") as folder:
        files = []
        for name, data in (("current", current), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(data)
            files.append(str(path))
        done = subprocess.run(["git", "merge-file", "-p", "--quiet", *files],
                              capture_output=True, timeout=GIT_TIMEOUT)
    return done.stdout if done.returncode == 0 else None


def _moved_to(data: bytes | None) -> str | None:
    """Where a retired lesson's redirect notebook points, or None if it is not one."""
    if not data:
        return None
    try:
        notebook = json.loads(data.decode("utf-8"))
        return notebook["metadata"]["workshop"]["moved_to"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def check_and_fix(folder=None, *, fetch: bool = True, now: datetime | None = None) -> Report:
    """Find and fix what stops the workshop link from updating the copy around `folder`
    (default: the current folder). Returns a Report; prints nothing."""
    report = Report()
    start = Path(folder or os.getcwd())
    try:
        repo = find_clone(start)
        if repo is None:
            report.folder = start
            report.message = language.text(MESSAGES, "not_a_clone", folder=_shown(start))
            return report
        report.folder = repo
        fixer = _Repair(repo, report, now or datetime.now())
        if not fixer.stale_locks():
            report.message = language.text(MESSAGES, "busy", folder=_shown(repo))
            return report
        if fetch:
            fixer.fetch()
        fixer.upstream = _upstream(repo)
        fixer.unfinished_operation()
        fixer.broken_files()
        versions = _teacher_versions(repo, fixer.upstream)
        fixer.rewritten_history(versions)
        fixer.moved_lessons(versions)
        fixer.undone_changes()
    except _GitMissing:
        report.message = language.text(MESSAGES, "no_git")
        return report
    report.message = _paragraph(report)
    return report


def _shown(folder) -> str:
    """A folder as the student knows it: ~/workshop rather than /home/ana/workshop."""
    home = Path.home()
    folder = Path(folder)
    return "~/" + folder.relative_to(home).as_posix() if home in folder.parents else str(folder)


def _paragraph(report: Report) -> str:
    say = lambda key, **values: language.text(MESSAGES, key, **values)  # noqa: E731
    fetch = "" if report.fetched else say("offline")
    space = "" if language.current() == "zh-TW" else " "  # between sentences
    left = (space + say("broken_own", names=say("kept_sep").join(report.left_alone))
            if report.left_alone else "")
    seen, parts = set(), []
    for key in report.found:
        if key in seen:
            continue
        seen.add(key)
        if key in ("merge", "abort"):
            parts.append(say(key, operation=report.operation))
        elif key in ("broken", "moved", "undone"):
            names = list(dict.fromkeys(getattr(report, key)))  # each once, in order
            parts.append(say(key, names=say("kept_sep").join(names)))
        else:
            parts.append(say(key))
    if not parts:
        return (say("fine", folder=_shown(report.folder), fetch=fetch) if not left
                else left.strip() + fetch)
    kept = ""
    if report.kept:
        copies = say("kept_sep").join(say("kept_one", copy=copy, original=original)
                                      for copy, original in report.kept)
        kept = say("kept", copies=copies)
    changed = report.kept or report.broken or report.moved or report.undone
    return say("repaired", folder=_shown(report.folder), what=say("and").join(parts), kept=kept,
               fetch=fetch, next=say("next_revert" if changed else "next")) + left


def run(folder=None, *, fetch: bool = True) -> None:
    """Repair the workshop folder you are in and print one paragraph about what happened."""
    print(check_and_fix(folder, fetch=fetch).message)


def _language_from_environment() -> str:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value.lower().replace("-", "_").startswith("zh_tw"):
            return "zh-TW"
    return language.current()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m workshop.repair",
        description="Repair the workshop folder after an update went wrong, keeping your work.")
    parser.add_argument("folder", nargs="?", help="a folder inside the workshop copy "
                        "(default: the current folder)")
    parser.add_argument("--language", default=None, help="en or zh-TW")
    parser.add_argument("--no-fetch", action="store_true",
                        help="do not ask the teacher's repository for its latest version")
    args = parser.parse_args(argv)
    language.use(args.language or _language_from_environment())
    report = check_and_fix(args.folder, fetch=not args.no_fetch)
    print(report.message)
    return 1 if report.busy else 0


if __name__ == "__main__":
    sys.exit(main())
