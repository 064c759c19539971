#!/usr/bin/env bash
# Re-make the locks after changing a version in environment.yml's `pip:` part (the learners'
# set) or in requirements/maintainers.in: uv resolves them and records every package at its
# exact version with the sha256 of each of its files on PyPI, for Python 3.11 on any system
# (a universal lock: Linux x86_64 and ARM, and conda users' Macs). Commit them together.
#   requirements/learners.txt  the learners' set: Binder, a hub, WORKSHOP_SET=learners
#   requirements/all.txt       both sets, at learners.txt's versions: the set-up, CI
# uv keeps every package the lists do not pin at its locked version; to move them:
#   bash tools/lock.sh --upgrade-package NAME    (or --upgrade for all)
set -euo pipefail
cd "$(dirname "$0")/../requirements"
uv=$(mktemp -d)
trap 'rm -rf "$uv"' EXIT
python3 -m venv "$uv" && "$uv/bin/pip" install -q uv==0.13.10
# --python-version 3.11.2: Debian 12's own Python, the oldest the workshop runs on (a class
# hub's environment is made with it). --no-config: PyPI only, whatever this machine's
# settings say, so the hashes are those of the files everyone downloads.
compile() {
  "$uv/bin/uv" pip compile -q --no-config --universal --python-version 3.11.2 --generate-hashes \
    --custom-compile-command "bash tools/lock.sh" "$@"
}
# The learners' pins: the `pip:` part's entries, the only lines indented by six spaces.
learners() { sed -n 's/^      - //p' ../environment.yml; }
learners | compile - -o learners.txt "$@"
learners | compile - maintainers.in -c learners.txt -o all.txt "$@"
echo "wrote requirements/learners.txt and all.txt ($(grep -c '^[A-Za-z0-9]' all.txt) packages, with hashes)"
