#!/usr/bin/env bash
# Re-make requirements.lock after changing a version in environment.yml (the one list):
# pip resolves the `pip:` part of environment.yml and records every package at its exact
# version with the sha256 of each file it may install, from PyPI itself, for Linux on x86_64
# and on ARM (aarch64), Python 3.11. Commit both files.
#
# The set-up (tools/setup_and_build.sh) and Binder (binder/postBuild) install it with
# `pip install --require-hashes -r requirements.lock`: the same files every time, and a
# changed file, or a package the lock does not name, stops the install.
#   bash tools/lock.sh            # resolve environment.yml afresh (newest allowed versions)
#   bash tools/lock.sh --rehash   # keep the lock's versions of what environment.yml does not pin
#                                 # (to move one of those, edit its version here, then --rehash)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Resolve with the oldest Python the workshop runs on, Debian 12's own (3.11.2), so nothing
# that needs a newer one is locked (the class hub's environment is made with it).
"${LOCK_PYTHON:-/usr/bin/python3}" -m venv "$scratch/venv"
pip=("$scratch/venv/bin/python" -m pip)
# PyPI only (no local mirrors or constraints from this machine's pip configuration), so the
# hashes are those of the files everyone downloads.
export PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= PIP_EXTRA_INDEX_URL= PIP_CONSTRAINT=
"${pip[@]}" install -q --upgrade pip
# PyYAML to read environment.yml with (envspec.py), at the version locked so far.
"${pip[@]}" install -q "$(grep -io '^pyyaml==[^ ]*' requirements.lock || echo PyYAML)"
"$scratch/venv/bin/python" tools/workshop_kit/envspec.py all > "$scratch/wanted.txt"
if [ "${1:-}" = --rehash ]; then  # keep the lock's versions of everything else
  python3 tools/workshop_kit/lockfile.py pins "$scratch/wanted.txt" requirements.lock > "$scratch/all.txt"
  mv "$scratch/all.txt" "$scratch/wanted.txt"
fi
report() {  # report() FILE [pip options]: what pip would install, with each file's sha256
  local out=$1; shift
  "${pip[@]}" install -q --dry-run --ignore-installed --index-url https://pypi.org/simple \
    --report "$out" "$@"
}
report "$scratch/x86_64.json" -r "$scratch/wanted.txt"
python3 tools/workshop_kit/lockfile.py pins-from-report "$scratch/x86_64.json" > "$scratch/pins.txt"
# The same versions for ARM: only files with compiled code differ, so ask for binaries.
python3 tools/workshop_kit/lockfile.py binary-pins "$scratch/x86_64.json" > "$scratch/binary.txt"
report "$scratch/aarch64.json" --no-deps --only-binary=:all: --target "$scratch/target" \
  --platform manylinux_2_28_aarch64 --platform manylinux2014_aarch64 \
  --python-version 3.11 --implementation cp -r "$scratch/binary.txt"
# What the learners' set alone installs, at the same versions: marked in the lock.
"$scratch/venv/bin/python" tools/workshop_kit/envspec.py learners > "$scratch/learners.txt"
report "$scratch/learners.json" -r "$scratch/learners.txt" -c "$scratch/pins.txt"
python3 tools/workshop_kit/lockfile.py write "$scratch/learners.json" "$scratch/x86_64.json" \
  "$scratch/aarch64.json" > requirements.lock
echo "wrote requirements.lock ($(grep -c '==' requirements.lock) packages, with hashes)"
