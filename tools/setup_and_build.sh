#!/usr/bin/env bash
# Set up everything the workshop needs on Debian or Ubuntu, then build the website.
#   bash tools/setup_and_build.sh            # install (apt, pip, npm) and build _build/html
#   SKIP_APT=1 bash tools/setup_and_build.sh # the same without apt (system packages already there)
#   WORKSHOP_SET=learners bash tools/setup_and_build.sh
#       # a hub's environment: only what learners run (requirements/learners.txt, R),
#       # no build or test tools, no website
# The environment is ready (and says so) before the website is built: a hub never waits
# on, or fails with, building the book.
# Safe to run again: each step only does what is missing, and the build reuses its cache.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SET=${WORKSHOP_SET:-all}
case "$SET" in
  learners|all) ;;
  *) echo "WORKSHOP_SET is 'learners' (a hub's environment) or 'all' (the default), not '$SET'." >&2; exit 2 ;;
esac

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages: R and its Jupyter kernel, Node.js for the site's JavaScript, Chromium
#    for the browser tests (with a Chinese font and a colour emoji font for screenshots: without
#    it ✅ in a lesson's output is an empty box in the pictures), the CJK font the zh-TW
#    lessons' figures write Chinese with (fonts-noto-cjk; Binder installs it from
#    binder/apt.txt), what Python needs to make a virtual environment, and ip/unshare
#    with which the tests cut the network.
if [ "${SKIP_APT:-0}" != 1 ]; then
  step "System packages (apt)"
  packages=(r-base-core r-cran-irkernel git python3-venv fonts-noto-cjk)
  if [ "$SET" = all ]; then
    packages+=(chromium fonts-wqy-microhei fonts-noto-color-emoji iproute2 util-linux)
    command -v npm >/dev/null || packages+=(nodejs npm)
  fi
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  # Debian ships an empty /usr/local/lib/R/site-library, which makes R warn in every rpy2
  # cell that it "contains no packages". rmdir only removes it while it is empty.
  as_root rmdir /usr/local/lib/R/site-library 2>/dev/null || true
fi

# 2. Python packages into .venv, from the lock of the set: requirements/learners.txt, or
#    requirements/all.txt (both sets).
step "Python packages (pip, into .venv: requirements/$SET.txt)"
# A class hub runs students' servers with this Python, so it must be one every account may
# run (book/hub-setup.md): WORKSHOP_PYTHON=/usr/bin/python3 chooses Debian's own.
[ -x .venv/bin/python ] || "${WORKSHOP_PYTHON:-python3}" -m venv .venv
export PATH="$ROOT/.venv/bin:$PATH"
# The lock names every package the set needs, pip and setuptools too, each at its exact version
# with the sha256 of its files (tools/lock.sh): the same files every time, a changed file stops
# the install, and --no-deps brings nothing the lock does not name (it also spares the venv's
# first, older pip the dependency resolution it gets wrong in hash-checking mode). pip check
# then stops the set-up if the lock missed a dependency.
python -m pip install -q --no-deps --require-hashes -r "requirements/$SET.txt"
python -m pip check
# The toolkit (tools/workshop_kit), the learners' helpers, the hub's settings and sign-in (hub/,
# package workshop_hub) and the benchmarks, in editable mode and without dependencies: the
# book's extensions and the workshop-* commands use the toolkit; a hub (either set) imports
# only workshop_hub (hub/jupyterhub_config.py).
# Built with the locked setuptools, not one fetched unchecked into an isolated build.
python -m pip install -q --no-deps --no-build-isolation -e .

# 3. The R kernel, registered inside .venv so this Jupyter finds it.
step "R kernel (IRkernel)"
if [ ! -f .venv/share/jupyter/kernels/ir/kernel.json ]; then
  R --quiet --no-save -e "IRkernel::installspec(prefix = '$ROOT/.venv')"
fi
jupyter kernelspec list

echo "The environment is ready in $ROOT/.venv (requirements/$SET.txt, with the R kernel)."
if [ "$SET" = learners ]; then
  echo "No website here: WORKSHOP_SET=learners installs only what learners run."
  exit 0
fi

# 4. The Zero to JupyterHub chart's own hub packages (JupyterHub 5, KubeSpawner), in .venv-z2jh:
#    the tests run the chart's hub configuration on what workshop-kubernetes-config writes.
step "The Kubernetes chart's hub packages (.venv-z2jh)"
bash tools/z2jh_env.sh

# 5. JavaScript the website serves itself (MathJax, widgets), from package-lock.json.
step "Website JavaScript (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

# 6. The website: every lesson executed, several at once (workshop-build fills the cache the
#    book reads, then runs Jupyter Book); a warning or a failing cell fails the build.
#    It runs with the network cut (only loopback), which proves it needs nothing from outside.
#    English first, then each translation (zh-TW/) into _build/html/zh-TW/, just as strict.
step "Build the website (offline)"
start=$(date +%s)
bash tools/without_network.sh workshop-build
bash tools/without_network.sh workshop-build-translations
echo "Built in $(( $(date +%s) - start )) s. Open: file://$ROOT/_build/html/index.html"
