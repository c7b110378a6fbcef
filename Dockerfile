# syntax=docker/dockerfile:1
# One image for every process: the web process by default, a worker with
# `node jobs/main-worker.ts`. Server code is TypeScript run by Node 24's type stripping: no compile step.
# Without a Docker engine, `npm run check:image` (scripts/check-image.ts, run by .ci/run) builds the
# runtime stage's files from this file and starts both processes from them in production mode.

# --- production dependencies and the generated Prisma client ----------------------------------------
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma/schema.prisma ./prisma/schema.prisma
# --ignore-scripts: no install script needs to run in production (the embedded PostgreSQL and the
# Prisma engine downloads are for development); the one that matters, prisma generate, runs next,
# offline (the client engine plus prisma.config.ts need no binary download).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && bash scripts/prisma.sh generate \
 && npm cache clean --force

# --- the admin SPA (Vite): needs the dev dependencies, ships only its dist/ ---------------------------
FROM node:24-slim AS admin
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY web/frontend ./web/frontend
# What the admin shares with the server: the /api types and pure helpers (web/contract/).
COPY web/contract ./web/contract
RUN node web/frontend/build.ts

# --- runtime ------------------------------------------------------------------------------------------
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Owned by root and read-only to the process user: a compromised process cannot rewrite the app.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY prisma ./prisma
COPY jobs ./jobs
COPY web/server ./web/server
COPY web/contract ./web/contract
COPY --from=admin /app/web/frontend/dist ./web/frontend/dist
USER node
EXPOSE 3000
# Liveness of the web process. A worker serves /healthz on METRICS_PORT: compose overrides this check.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "web/server/main-web.ts"]
