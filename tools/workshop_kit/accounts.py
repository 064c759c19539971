"""The teacher's command for students' accounts: `workshop-accounts students.txt`.

Reads one `name password` per line and, for each new name, makes an account with a private
home folder (0700: Debian 12's useradd makes it 0755, readable by everyone), puts it in the
class group and sets its password. It prints what it created, what it skipped and why, and
never prints a password. Run it again after fixing the file: existing accounts are left as
they are (only put in the group). What the file may hold: workshop_kit.students_file.

A student who forgot their password: write a new one on their line, then

    sudo workshop-accounts --reset NAME students.txt
"""
from __future__ import annotations

import argparse
import grp
import os
import pwd
import subprocess
import sys
from pathlib import Path

from workshop_hub.settings import ACCOUNT_NAME
from .students_file import Entry, parse, read_file

FIRST_NORMAL_UID = 1000  # Debian: accounts below this belong to the system
HOME_MODE = 0o700


def _run(*command, stdin: str | None = None):
    done = subprocess.run(command, input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                           else f"{command[0]} failed")


def apply(entries: list[Entry], group: str) -> tuple[list[str], list[str]]:
    """Create the accounts; returns (what was done, what was skipped), one line each."""
    done, skipped = [], []
    _run("groupadd", "--force", group)
    members = set(grp.getgrnam(group).gr_mem)
    for entry in entries:
        try:
            account = pwd.getpwnam(entry.name)
        except KeyError:
            account = None
        try:
            if account is not None:
                if account.pw_uid < FIRST_NORMAL_UID:
                    skipped.append(f"skipped line {entry.line} ({entry.name!r}): a system "
                                   "account, not for a student")
                    continue
                if entry.name not in members:
                    _run("usermod", "--append", "--groups", group, entry.name)
                skipped.append(f"skipped line {entry.line} ({entry.name!r}): the account "
                               f"exists already; it is in group {group}, its password unchanged "
                               f"(to set it from this line: --reset {entry.name})")
                continue
            _run("useradd", "--create-home", "--shell", "/bin/bash", "--user-group",
                 "--groups", group, entry.name)
            _run("chpasswd", stdin=f"{entry.name}:{entry.password}\n")
            home = Path(pwd.getpwnam(entry.name).pw_dir)
            home.chmod(HOME_MODE)
            done.append(f"created {entry.name}: home {home} (private, "
                        f"{oct(home.stat().st_mode & 0o777)[2:]}), group {group}")
        except RuntimeError as problem:
            skipped.append(f"skipped line {entry.line} ({entry.name!r}): {problem}")
    return done, skipped


def reset(entries: list[Entry], names: list[str], group: str) -> tuple[list[str], list[str]]:
    """Set the password of existing students' accounts from their lines; (done, skipped)."""
    done, skipped = [], []
    lines = {entry.name: entry for entry in entries}
    try:
        class_group = grp.getgrnam(group)
    except KeyError:
        return [], [f"not reset: the group {group!r} does not exist"]
    for name in names:
        entry = lines.get(name)
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            account = None
        if entry is None:
            skipped.append(f"not reset {name!r}: the file has no usable line for it")
        elif account is None:
            skipped.append(f"not reset {name!r}: no such account (run without --reset to make it)")
        elif account.pw_uid < FIRST_NORMAL_UID or (name not in class_group.gr_mem
                                                     and account.pw_gid != class_group.gr_gid):
            skipped.append(f"not reset {name!r}: not a student of group {group}")
        else:
            try:
                _run("chpasswd", stdin=f"{name}:{entry.password}\n")
                done.append(f"password reset for {name} (line {entry.line})")
            except RuntimeError as problem:
                skipped.append(f"not reset {name!r}: {problem}")
    return done, skipped


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="workshop-accounts",
        description="Make students' accounts (private homes, in the class group) from a file "
                    "of 'name password' lines.")
    parser.add_argument("file", help="the students file, e.g. students.txt")
    parser.add_argument("--group", default="workshop", help="the class group (default: workshop)")
    parser.add_argument("--check", action="store_true",
                        help="only read the file and say what would be done")
    parser.add_argument("--reset", action="append", metavar="NAME", default=[],
                        help="set this existing student's password from their line in the file "
                             "(may be given several times); makes no accounts")
    args = parser.parse_args(argv)
    if not ACCOUNT_NAME.match(args.group):
        print(f"error: {args.group!r} is not a safe group name.", file=sys.stderr)
        return 2
    entries, problems = parse(read_file(args.file))
    if not args.check and os.geteuid() != 0:
        print("error: making accounts needs root: run it with sudo (or use --check).",
              file=sys.stderr)
        return 2
    if args.reset:
        problems = [p for p in problems if p.text in args.reset]  # the other lines do not matter
        done, skipped = ([f"would reset {name}'s password" for name in args.reset] if args.check
                         else reset(entries, args.reset, args.group))
    elif args.check:
        done = [f"would create or keep {e.name} (line {e.line})" for e in entries]
        skipped = []
    else:
        done, skipped = apply(entries, args.group)
    for line in done + skipped + [str(p) for p in problems]:
        print(line)
    did = "reset" if args.reset and not args.check else "to do" if args.check else "created"
    print(f"{len(done)} {did}, {len(skipped) + len(problems)} skipped.")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
