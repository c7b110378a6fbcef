import type { Queues } from "../queues/create-queues.ts";
import type { Db } from "../db/create-prisma.ts";
import { nextWindowEdge } from "./decide-selling-policy.ts";
import { enqueueSellingPolicy } from "./enqueue-selling-policy.ts";

export type SweepSellingDeps = { db: Db; queues: Queues; now: () => Date };

const PAGE = 500;

/**
 * Time moves windows and ETA horizons without any event: every installed shop's variants with a
 * window, and those the app holds at DENY (a cap set or lifted in the admin), get a check now; a
 * date-window edge before the next sweep gets a check scheduled at that instant.
 */
export async function sweepSellingControls(deps: SweepSellingDeps, periodMs: number): Promise<number> {
  const now = deps.now();
  const horizon = new Date(now.getTime() + periodMs);
  let checked = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await deps.db.variantControl.findMany({
      where: {
        OR: [
          { windowStartsAt: { not: null } },
          { windowEndsAt: { not: null } },
          { windowEtaDays: { not: null } },
          { switchedByApp: true },
        ],
      },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    const installed = await installedShops(deps.db, [...new Set(rows.map((r) => r.shopId))]);
    for (const row of rows) {
      if (!installed.has(row.shopId)) continue;
      await enqueueSellingPolicy(deps.queues, row.shopId, [row.variantId]);
      checked++;
      const window = { startsAt: row.windowStartsAt, endsAt: row.windowEndsAt, etaWithinDays: null };
      const edge = nextWindowEdge(window, now);
      if (edge && edge <= horizon) {
        await enqueueSellingPolicy(deps.queues, row.shopId, [row.variantId], { at: edge, now });
      }
    }
    if (rows.length < PAGE) break;
  }
  return checked;
}

async function installedShops(db: Db, ids: string[]): Promise<Set<string>> {
  const shops = await db.shop.findMany({
    where: { id: { in: ids }, uninstalledAt: null },
    select: { id: true },
  });
  return new Set(shops.map((s) => s.id));
}
