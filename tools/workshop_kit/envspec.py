"""Print the Python packages environment.yml lists under `pip:`, one per line.

environment.yml is the one list of what the workshop needs; tools/setup_and_build.sh feeds
this output to pip so the pip route and the conda/Binder route cannot drift apart.
Standard library only: it runs before anything is installed, as
`python3 tools/workshop_kit/envspec.py`.
"""
import re
import sys
from pathlib import Path

ENVIRONMENT = Path(__file__).resolve().parents[2] / "environment.yml"


def pip_requirements(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\s*- pip:\s*$", line))
    indent = None
    requirements = []
    for line in lines[start + 1:]:
        if not line.strip() or line.strip().startswith("#"):
            continue
        item = re.match(r"(\s*)- (\S+)\s*(#.*)?$", line)
        if not item or (indent is not None and len(item.group(1)) != indent):
            break
        indent = len(item.group(1))
        requirements.append(item.group(2))
    return requirements


if __name__ == "__main__":
    sys.stdout.write("\n".join(pip_requirements(ENVIRONMENT.read_text(encoding="utf-8"))) + "\n")
