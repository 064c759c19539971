#!/usr/bin/env bash
# Store fresh outputs in the lessons after an intended change (all lessons, or those named).
#   bash tools/refresh_outputs.sh [notebooks/NN-name.ipynb ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
exec workshop-refresh "$@"
