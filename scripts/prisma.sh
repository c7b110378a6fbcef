#!/usr/bin/env bash
# Runs the Prisma CLI offline. It reads the schema's env("DATABASE_URL") even for commands that
# never connect (generate, migrate diff); without a value it falls back to downloading engines.
set -euo pipefail
export DATABASE_URL="${DATABASE_URL:-postgresql://localhost/prisma-cli-offline}"
exec npx prisma "$@"
