# Sourced by scripts: puts a Node >= 22 first on PATH (installs node@24 into .cache/node24 when the
# machine's Node is older). Usage: source scripts/ensure-node.sh
_bh_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_bh_major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(_bh_major node || echo 0)" -lt 22 ] 2>/dev/null || ! command -v node >/dev/null; then
  _bh_bin="$_bh_root/.cache/node24/node_modules/node/bin"
  if [ ! -x "$_bh_bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is older than 22: installing node@24 into .cache/node24" >&2
    npm install --prefix "$_bh_root/.cache/node24" --no-save --no-audit --no-fund node@24 >&2
  fi
  export PATH="$_bh_bin:$PATH"
fi
