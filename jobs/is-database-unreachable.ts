/**
 * Whether an error says the database cannot be talked to right now (down, restarting, failing
 * over, connection cut), as opposed to an error of the query or the data. Looks through `cause`
 * chains: Prisma and its pg adapter wrap the driver's error. Pure.
 */
const CODES = new Set([
  "P1001", // Prisma: can't reach database server
  "P1002", // Prisma: database server reached but timed out
  "P1017", // Prisma: server has closed the connection
  "57P01", // admin_shutdown: terminating connection due to administrator command
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the database system is starting up / shutting down
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
]);

const MESSAGES =
  /can't reach database server|connection terminated|connection error and is not queryable|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|server has closed the connection|connect ECONNREFUSED/i;

export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && CODES.has(code)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}
