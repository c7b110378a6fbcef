import type { AlertsFixture } from "./alerts-fixture.ts";
import type { WorkerChild } from "../helpers/spawn-worker-child.ts";
import { waitFor } from "../helpers/wait-for.ts";

/**
 * What a fan-out test saw when a wait ran out: the shop's ledger by status, the queues' job
 * counts and the worker processes' last log lines. A timeout on CI then says where the work stood.
 */
export async function describeFanoutState(
  fx: AlertsFixture,
  shopId: string,
  children: WorkerChild[],
): Promise<string> {
  const parts: string[] = [];
  try {
    const byStatus = await fx.app.deps.db.notification.groupBy({
      by: ["status"],
      where: { shopId },
      _count: { _all: true },
    });
    parts.push(
      `ledger: ${byStatus.map((row) => `${row.status} ${row._count._all}`).join(", ") || "no rows"}`,
    );
    const events = await fx.app.deps.db.restockEvent.findMany({
      where: { shopId },
      select: { status: true, nextWaveAt: true },
    });
    parts.push(`restock events: ${JSON.stringify(events)}`);
    for (const name of ["events", "email"] as const) {
      const counts = await fx.app.deps.queues.get(name).getJobCounts();
      parts.push(`${name} queue: ${JSON.stringify(counts)}`);
    }
  } catch (error) {
    parts.push(`(state unreadable: ${String(error)})`);
  }
  children.forEach((child, index) => {
    const exited = child.process.exitCode ?? child.process.signalCode;
    parts.push(`worker ${index + 1}${exited === null ? "" : ` (exited: ${exited})`} log tail:`);
    parts.push(...child.logTail().map((line) => `  ${line}`));
  });
  return parts.join("\n");
}

/** waitFor, whose timeout error carries describeFanoutState. */
export async function waitForFanout<T>(
  fx: AlertsFixture,
  shopId: string,
  children: WorkerChild[],
  probe: () => Promise<T | null | undefined>,
  timeoutMs: number,
  everyMs: number,
): Promise<T> {
  try {
    return await waitFor(probe, timeoutMs, everyMs);
  } catch (error) {
    throw new Error(`${String(error)}\n${await describeFanoutState(fx, shopId, children)}`, { cause: error });
  }
}
