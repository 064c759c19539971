#!/usr/bin/env bash
# The Zero to JupyterHub 4.4.0 hub's own Python packages, in .venv-z2jh beside .venv.
#
# tests/hub/test_kubernetes_config.py runs the chart's jupyterhub_config.py on the config that
# workshop-kubernetes-config writes, with the packages of the chart's hub image (its
# images/hub/requirements.txt: JupyterHub 5.5.0, KubeSpawner 7.0.0, OAuthenticator 17.4.0).
# They cannot share .venv, which has the workshop's JupyterHub 6. Needs PyPI once; the
# tests then run offline. The chart's files: ../shared/z2jh-4.4.0 beside this checkout,
# or WORKSHOP_Z2JH_CHART.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CHART="${WORKSHOP_Z2JH_CHART:-$ROOT/../shared/z2jh-4.4.0}"
if [ ! -f "$CHART/images/hub/requirements.txt" ]; then
  echo "No Zero to JupyterHub chart files at $CHART: .venv-z2jh not made (its tests will skip)."
  exit 0
fi
VENV="$ROOT/.venv-z2jh"
[ -x "$VENV/bin/python" ] || "${WORKSHOP_PYTHON:-python3}" -m venv "$VENV"
echo '*' > "$VENV/.gitignore"   # made here, never committed
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -r "$CHART/images/hub/requirements.txt"
echo "The chart's hub packages are ready in $VENV."
