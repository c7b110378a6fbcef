import pg from "pg";

/** PostgreSQL's insufficient_privilege: CHECKPOINT needs a superuser or pg_checkpoint. */
const INSUFFICIENT_PRIVILEGE = "42501";

/**
 * Lets the bench database settle between rows, so a row is not measured while PostgreSQL is still
 * writing out and vacuuming what the row before it stored (the webhooks row leaves about 70,000
 * 16 KB bodies): VACUUM (ANALYZE) of the run's database, then a CHECKPOINT that flushes the dirty
 * pages (skipped, and said so, when the role may not). Runs between rows, untimed; answers a line
 * for the log.
 */
export async function settleDatabase(databaseUrl: string): Promise<string> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let checkpoint = "CHECKPOINT";
  try {
    await client.query("VACUUM (ANALYZE)");
    await client.query("CHECKPOINT").catch((error: { code?: string }) => {
      if (error.code !== INSUFFICIENT_PRIVILEGE) throw error;
      checkpoint = "no CHECKPOINT (the role may not)";
    });
  } finally {
    await client.end();
  }
  return `VACUUM ANALYZE, ${checkpoint}, in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}
