"""The teacher's command for links: `workshop-links --hub URL --repo URL [--lesson 02]`.

It knows this repository's layout (which lessons exist); the link itself is made by the
learners' own helper, workshop.links, so the command and the lesson's form always agree.
"""
from __future__ import annotations

import argparse
import sys

from workshop.links import APPS, LinkError, binder_link, nbgitpuller_link

from . import classconfig
from .repo import ENGLISH, LESSONS_DIR


def lesson_path(lesson: str) -> str:
    """'02-notebook-basics' or a unique prefix -> 'notebooks/02-notebook-basics.ipynb'."""
    name = str(lesson).strip().removesuffix(".ipynb").split("/")[-1]
    found = sorted(p.name for p in ENGLISH.lessons() if p.stem == name or p.stem.startswith(name + "-"))
    if len(found) != 1:
        known = ", ".join(p.stem for p in ENGLISH.lessons())
        what = "matches several lessons" if found else "is not a lesson"
        raise LinkError(f"{lesson!r} {what}. The lessons are: {known}.")
    return f"{LESSONS_DIR.name}/{found[0]}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="workshop-links",
                                     description="Print a link that brings the workshop's lessons to learners.")
    parser.add_argument("--hub", help="your JupyterHub's address, e.g. https://hub.example.org "
                        "(default: the class's, set with workshop-set-class)")
    parser.add_argument("--repo", help="the lessons' git repository, e.g. https://github.com/you/workshop "
                        "(default: the class's)")
    parser.add_argument("--branch", help="default: the class's, else main")
    parser.add_argument("--lesson", help="a lesson name or its number, e.g. 05; default: the whole workshop")
    parser.add_argument("--app", choices=sorted(APPS), default="lab")
    parser.add_argument("--binder", action="store_true", help="a Binder link instead of a hub link")
    args = parser.parse_args(argv)
    try:
        chosen = classconfig.read()
        repo, hub = args.repo or chosen.repo, args.hub or chosen.hub
        branch = args.branch or chosen.branch or "main"
        path = lesson_path(args.lesson) if args.lesson else None
        if not repo:
            raise LinkError(f"give the repository with --repo, or {classconfig.UNSET_HINT}.")
        if args.binder:
            print(binder_link(repo, branch, path, args.app,
                              binderhub_url=chosen.binderhub or "https://mybinder.org"))
        elif not hub:
            raise LinkError("give your hub's address with --hub (or set it with workshop-set-class, "
                            "or ask for a Binder link with --binder).")
        else:
            print(nbgitpuller_link(hub, repo, branch, path, args.app))
    except (LinkError, classconfig.ClassConfigError) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
