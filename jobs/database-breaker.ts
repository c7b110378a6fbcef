import type { Worker } from "bullmq";
import type { SqlPool } from "../web/server/db/create-sql-pool.ts";
import type { Logger } from "../web/server/logger.ts";
import { isDatabaseUnreachable } from "./is-database-unreachable.ts";

export type DatabaseBreaker = {
  /** Called with every job error: one that says the database is unreachable pauses the workers. */
  check(error: unknown): void;
  close(): void;
};

const PROBE_TIMEOUT_MS = 2_000;

/**
 * While PostgreSQL is down, every job would fail at once and burn an attempt: a restart or a
 * failover of a minute would use up the retries of thousands of jobs. So the first job error that
 * says the database is unreachable pauses this process's workers (the active jobs finish or fail
 * on their own), and a probe every `probeEveryMs` resumes them when the database answers again.
 * The probe runs first: an error that only looked like it (an SMTP "ECONNREFUSED") pauses nothing.
 */
export function createDatabaseBreaker(
  deps: { sql: Pick<SqlPool, "query">; logger: Logger },
  workers: () => readonly Worker[],
  opts: { probeEveryMs?: number } = {},
): DatabaseBreaker {
  const probeEveryMs = opts.probeEveryMs ?? 1_000;
  let tripped = false;
  let closed = false;

  const reachable = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    const probe = deps.sql.query("select 1").then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  async function waitOut() {
    if (await reachable()) return;
    deps.logger.warn("database unreachable: workers paused until it answers");
    const started = Date.now();
    await Promise.all(workers().map((w) => w.pause(true)));
    while (!closed && !(await reachable())) await new Promise((r) => setTimeout(r, probeEveryMs));
    if (closed) return;
    await Promise.all(workers().map((w) => w.resume()));
    deps.logger.info({ pausedMs: Date.now() - started }, "database answers again: workers resumed");
  }

  return {
    check(error) {
      if (tripped || closed || !isDatabaseUnreachable(error)) return;
      tripped = true;
      waitOut()
        .catch((err: unknown) => deps.logger.error({ err }, "database breaker failed"))
        .finally(() => {
          tripped = false;
        });
    },
    close() {
      closed = true;
    },
  };
}
