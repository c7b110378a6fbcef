#!/usr/bin/env bash
# `shopify app build` (the real Shopify CLI, a devDependency) offline and non-interactive: it loads
# shopify.app.toml, every shopify.web.toml and every extension TOML the way `shopify app deploy`
# does, bundles the checkout UI extension and runs Theme Check on the theme app extension, so a
# configuration the CLI would reject fails CI. It runs on a copy of the app's configuration and
# extensions because the CLI rewrites generated files (extensions/*/shopify.d.ts, manifest.json).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/ensure-node.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
git ls-files -z --cached --others --exclude-standard -- 'shopify.app*.toml' package.json \
  '*shopify.web.toml' extensions | tar --null -T - -cf - | tar -xf - -C "$work"
ln -s "$root/node_modules" "$work/node_modules"
# No login, no analytics, no prompts: the CLI's documented switches for CI.
export CI=true SHOPIFY_CLI_NO_ANALYTICS=1 SHOPIFY_CLI_NEVER_ASK=1 NO_COLOR=1
cd "$work"
"$root/node_modules/.bin/shopify" app build --path "$work" --skip-dependencies-installation "$@"
