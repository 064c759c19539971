#!/usr/bin/env bash
# Run the whole test suite. Needs tools/setup_and_build.sh to have run (it builds the site
# that the browser tests open). Extra arguments go to pytest, e.g. -k lesson_outputs.
#
# The tests run with no network at all: in a new network namespace whose only interface is
# loopback. That proves the lessons, the website and the hub tests need nothing from outside.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "No .venv here: run 'bash tools/setup_and_build.sh' first." >&2
  exit 1
fi
export PATH="$PWD/.venv/bin:$PATH"
# Let Python keep compiled modules, and pytest its rewritten tests, in __pycache__ (ignored by
# git, left out of the workshop zip) between runs. Some machines set PYTHONDONTWRITEBYTECODE:
# then every run compiles them all again, 4 of the unit tier's 28 seconds.
unset PYTHONDONTWRITEBYTECODE
# The whole suite (no arguments, as CI runs it) in two test processes (pytest-xdist), or as
# many as the machine has processors up to four, each taking whole files (--dist loadfile) so a
# file's hub or cluster starts once: on 2 cores it took 26 minutes in one process. A part of
# the suite runs in one process (the unit tier was no quicker in two); add -n 2 to split it.
[ $# -gt 0 ] || set -- -n auto --maxprocesses 4 --dist loadfile
exec bash tools/without_network.sh python -m pytest "$@"
