#!/usr/bin/env bash
# Run a command with the network cut: in a new network namespace whose only interface is
# loopback. The build and the tests run this way, which proves they need nothing from outside.
#   bash tools/without_network.sh COMMAND [ARGS...]
set -euo pipefail
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(--map-root-user)
exec unshare --net "${as_root[@]}" sh -c 'ip link set lo up && exec "$@"' sh "$@"
