#!/usr/bin/env bash
# Run the whole test suite. Needs tools/setup_and_build.sh to have run (it builds the site
# that the browser tests open). Extra arguments go to pytest, e.g. -k lesson_outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "No .venv here: run 'bash tools/setup_and_build.sh' first." >&2
  exit 1
fi
export PATH="$PWD/.venv/bin:$PATH"
exec python -m pytest "$@"
