import path from "node:path";
import type { Config } from "../config.ts";
import { migrateDatabase } from "./migrate-database.ts";
import { startEmbeddedPostgres } from "./start-embedded-postgres.ts";

export type ResolvedDatabase = {
  url: string;
  /** PostgreSQL itself (DIRECT_URL when DATABASE_URL is a pooler): migrations, session locks, LISTEN. */
  directUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

/** DATABASE_URL when set; otherwise an embedded PostgreSQL whose data lives under DATA_DIR. */
export async function resolveDatabase(
  config: Config,
  opts: { migrate: boolean; onLog?: (line: string) => void },
): Promise<ResolvedDatabase> {
  const resolved: ResolvedDatabase = config.databaseUrl
    ? {
        url: config.databaseUrl,
        directUrl: config.directDatabaseUrl ?? config.databaseUrl,
        embedded: false,
        stop: async () => undefined,
      }
    : await embedded(config, opts.onLog);
  if (opts.migrate) await migrateDatabase(resolved.directUrl);
  return resolved;
}

async function embedded(config: Config, onLog?: (line: string) => void): Promise<ResolvedDatabase> {
  const started = await startEmbeddedPostgres({
    dataDir: path.resolve(config.dataDir, "postgres"),
    database: "backorder_hub",
    onLog,
  });
  return { ...started, directUrl: started.url, embedded: true };
}
