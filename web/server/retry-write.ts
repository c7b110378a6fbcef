/**
 * Retries a write (a database row, a queue add) for up to `forMs` (backoff 100 ms doubling, capped at 2 s), then throws
 * the last error. For writes that must not be lost to a brief outage, such as recording that an
 * email went out: giving up there means sending it again later.
 */
export async function retryWrite<T>(write: () => Promise<T>, opts: { forMs: number }): Promise<T> {
  const deadline = Date.now() + opts.forMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const wait = Math.min(2_000, 100 * 2 ** attempt);
      if (Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
