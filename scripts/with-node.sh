#!/usr/bin/env bash
# Runs a command with a Node >= 22 first on PATH. These machines ship Node 20; the npm package
# node@24 carries a real Node 24 binary, installed once into .cache/node24 beside the project.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(major node || echo 0)" -lt 22 ]; then
  bin="$root/.cache/node24/node_modules/node/bin"
  if [ ! -x "$bin/node" ]; then
    echo "with-node: Node $(node --version 2>/dev/null || echo none) is older than 22; installing node@24 into .cache/node24" >&2
    npm install --prefix "$root/.cache/node24" --no-save --no-audit --no-fund node@24 >&2
  fi
  export PATH="$bin:$PATH"
fi
exec "$@"
