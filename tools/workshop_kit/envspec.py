"""Print the Python packages of environment.yml's sets, one per line.

    python3 tools/workshop_kit/envspec.py [learners]    # the `pip:` part: what learners run
    python3 tools/workshop_kit/envspec.py maintainers   # `maintainers-pip:`: build and test tools
    python3 tools/workshop_kit/envspec.py all           # both

environment.yml is the one list of what the workshop needs; tools/setup_and_build.sh (all),
binder/postBuild (learners) and hub admins (learners) feed this output to pip with
requirements.lock as constraints, so the pip route and the conda/Binder route cannot drift
apart. Standard library only: it runs before anything is installed.
"""
import re
import sys
from pathlib import Path

ENVIRONMENT = Path(__file__).resolve().parents[2] / "environment.yml"
SETS = ("learners", "maintainers", "all")


def _items_after(lines: list[str], start: int) -> list[str]:
    """The `- item` lines that follow line `start` at one indentation, comments skipped."""
    indent = None
    items = []
    for line in lines[start + 1:]:
        if not line.strip() or line.strip().startswith("#"):
            continue
        item = re.match(r"(\s*)- (\S+)\s*(#.*)?$", line)
        if not item or (indent is not None and len(item.group(1)) != indent):
            break
        indent = len(item.group(1))
        items.append(item.group(2))
    return items


def pip_requirements(text: str, which: str = "learners") -> list[str]:
    """The pip packages of one set ("learners", "maintainers") or of both ("all")."""
    if which not in SETS:
        raise ValueError(f"which set? one of {', '.join(SETS)}, not {which!r}")
    lines = text.splitlines()
    found = []
    if which in ("learners", "all"):
        start = next(i for i, line in enumerate(lines) if re.match(r"\s*- pip:\s*$", line))
        found += _items_after(lines, start)
    if which in ("maintainers", "all"):
        start = next((i for i, line in enumerate(lines) if re.match(r"maintainers-pip:\s*$", line)), None)
        found += _items_after(lines, start) if start is not None else []
    return found


if __name__ == "__main__":
    chosen = sys.argv[1] if len(sys.argv) > 1 else "learners"  # what a hub admin needs
    if chosen not in SETS:
        sys.exit(f"envspec.py: say which set: {', '.join(SETS)} (not {chosen!r})")
    sys.stdout.write("\n".join(pip_requirements(ENVIRONMENT.read_text(encoding="utf-8"), chosen)) + "\n")
