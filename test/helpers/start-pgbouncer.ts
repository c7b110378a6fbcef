import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../../web/server/db/start-embedded-postgres.ts";
import { waitForPort } from "../faults/support/start-redis-server.ts";

export type PgBouncer = { url: string; version: string; close: () => Promise<void> };

/** The pgbouncer binary: on PATH, or where Debian's package puts it. .ci/run installs it. */
export function locatePgBouncer(): string | null {
  for (const candidate of ["pgbouncer", "/usr/sbin/pgbouncer", "/usr/local/sbin/pgbouncer"]) {
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore" });
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * A PgBouncer of this run in transaction mode in front of the PostgreSQL at `serverUrl`: every
 * database name is passed through (`*`), clients are trusted and log in to the server as the
 * server URL's user. `server_round_robin` lends server connections in turn, as a busy pooler does.
 * Returns a URL with the server's database; callers swap the database name.
 */
export async function startPgBouncer(serverUrl: string): Promise<PgBouncer> {
  const binary = locatePgBouncer();
  if (!binary) {
    throw new Error("PGBOUNCER=1 needs pgbouncer: apt-get install -y pgbouncer (Debian 12 ships 1.18)");
  }
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || "postgres");
  const password = decodeURIComponent(server.password);
  const port = await findFreePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-pgbouncer-"));
  // pgbouncer refuses to run as root: it drops to `nobody`, who must read this directory.
  fs.chmodSync(dir, 0o755);
  const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const target = [`host=${server.hostname}`, `port=${server.port || 5432}`, `user=${quote(user)}`];
  if (password) target.push(`password=${quote(password)}`);
  fs.writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`, { mode: 0o644 });
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = ${target.join(" ")}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "server_round_robin = 1",
      "default_pool_size = 20",
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits,options",
      // A server that refuses logins: clients get an error within Shopify's 5 s webhook deadline
      // (default 120 s), and the pooler tries the server again each second (default 15 s).
      "query_wait_timeout = 4",
      "server_login_retry = 1",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  const version = execFileSync(binary, ["--version"]).toString().split("\n")[0]!.trim();
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(
    binary,
    [...(asRoot ? ["-u", "nobody"] : []), path.join(dir, "pgbouncer.ini")],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  try {
    await waitForPort(port, 10_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`pgbouncer did not start: ${stderr}`, { cause: error });
  }
  const url = new URL(`postgresql://127.0.0.1:${port}${server.pathname}`);
  url.username = server.username || "postgres";
  return {
    url: url.toString(),
    version,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGINT");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
