import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withDatabase } from "../setup/global-setup.ts";

/**
 * A fresh, migrated database for one test file, cloned from the run's template. `url` goes through
 * the run's PgBouncer when it has one (PGBOUNCER=1), `directUrl` always to the server.
 */
export async function createTestDatabase(): Promise<{
  url: string;
  directUrl: string;
  drop: () => Promise<void>;
}> {
  const baseUrl = inject("databaseBaseUrl");
  const name = `bh_t_${inject("runId")}_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject("templateDatabase")}`);
  } finally {
    await admin.end();
  }
  const pooler = inject("databasePoolerUrl");
  return {
    url: withDatabase(pooler || baseUrl, name),
    directUrl: withDatabase(baseUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await c.end();
    },
  };
}
