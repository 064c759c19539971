"""The teacher's command for the class's addresses, in one place:

    workshop-set-class --repo https://github.com/you/jupyterhub-workshop --hub https://hub.example.org

It checks both addresses as the link builder does (workshop.links), writes them into the
workshop's _config.yml (workshop_kit.classconfig), and the README's Binder badge. The
lessons' launch buttons, the instructor guide's links and the book's Binder link follow
at the next build. GitHub, GitLab and any other git host work.
"""
from __future__ import annotations

import argparse
import re
import sys

from workshop.links import LinkError, binder_link, hub_address, repository_address

from . import classconfig

BADGE = "[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({url})"
# The README's badge line, or the comment that stands in for it until the class is set.
BADGE_LINE = re.compile(r"^(\[!\[Launch on Binder\]\(.*\)\]\(.*\)|<!-- binder badge: .* -->)[ \t]*$", re.M)
UNSET_BADGE = "<!-- binder badge: workshop-set-class writes it here -->"
PLACEHOLDERS = ("YOUR-ACCOUNT", "MACHINE", "your-hub.example.org")


def readme_with_badge(text: str, addresses: classconfig.ClassAddresses) -> str:
    """The README with its badge line for `addresses` (or the stand-in while unset)."""
    line = UNSET_BADGE
    if addresses.is_set:
        line = BADGE.format(url=binder_link(addresses.repo, addresses.branch, app="lab",
                                            binderhub_url=addresses.binderhub))
    if BADGE_LINE.search(text):
        return BADGE_LINE.sub(lambda _: line, text, count=1)
    title, _, rest = text.partition("\n")  # under the title, as GitHub shows badges
    return f"{title}\n\n{line}\n{rest}"


def checked(repo: str, hub: str | None, binderhub: str) -> tuple[str, str, str]:
    for value in (repo, hub or "", binderhub):
        if not value.isprintable():  # e.g. a byte of another encoding: YAML could not hold it
            raise LinkError(f"{value!r} holds a character that cannot be part of an address: "
                            "type it again (or copy it from the browser's address bar).")
        for placeholder in PLACEHOLDERS:
            if placeholder in value:
                raise LinkError(f"{value!r} still holds the example's {placeholder}: put your own "
                                "address in its place.")
    return (repository_address(repo), hub_address(hub) if hub else "", hub_address(binderhub))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="workshop-set-class",
        description="Set the class's repository and hub, for every link the workshop shows.")
    parser.add_argument("--repo", required=True,
                        help="your public copy of the workshop, e.g. https://github.com/you/jupyterhub-workshop")
    parser.add_argument("--hub", help="your class hub, e.g. https://hub.example.org (leave out for Binder only)")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--binderhub", default="https://mybinder.org")
    args = parser.parse_args(argv)
    folder = classconfig.workshop_folder()
    try:
        repo, hub, binderhub = checked(args.repo, args.hub, args.binderhub)
        branch = args.branch.strip()
        binder_link(repo, branch, binderhub_url=binderhub)  # the branch, checked the same way
    except LinkError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    config = folder / "_config.yml"
    text = config.read_text(encoding="utf-8")
    for section, key, value in (("repository", "url", repo), ("repository", "branch", branch),
                                ("launch_buttons", "jupyterhub_url", hub),
                                ("launch_buttons", "binderhub_url", binderhub)):
        text = classconfig.set_value(text, section, key, value)
    try:  # read back before writing, so a file YAML cannot read is never written
        addresses = classconfig.from_text(text, config)
    except classconfig.ClassConfigError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    config.write_text(text, encoding="utf-8")
    readme = folder / "README.md"
    readme.write_text(readme_with_badge(readme.read_text(encoding="utf-8"), addresses),
                      encoding="utf-8")
    print(f"set in {config}: repository {repo} (branch {branch}), "
          f"hub {hub or '(none: Binder only)'}, Binder {binderhub}")
    print(f"set in {readme}: the Binder badge")
    print("The lessons' launch buttons and the instructor guide's links follow at the next "
          "build: bash tools/setup_and_build.sh")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
