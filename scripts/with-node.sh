#!/usr/bin/env bash
# Runs a command with a Node >= 22 first on PATH (see ensure-node.sh). Every npm script goes
# through it, so `npm run ...` works on machines that ship Node 20.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ensure-node.sh"
exec "$@"
