import { randomUUID } from "node:crypto";
import type { OrderReconciliation } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";
import { RUN_STALE_MS } from "./plan-order-reconciliation.ts";

export type RunTrigger = "scheduled" | "manual";
export type RunStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/** What the admin shows: the current or last run, and how far the shop is reconciled. */
export type ReconciliationView = {
  status: RunStatus | "NEVER";
  trigger: RunTrigger | null;
  ordersRead: number;
  ordersProcessed: number;
  ordersRecovered: number;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  reconciledThrough: string | null;
  lastError: string | null;
};

export function toReconciliationView(row: OrderReconciliation | null): ReconciliationView {
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  return {
    status: (row?.status as RunStatus | undefined) ?? "NEVER",
    trigger: (row?.trigger as RunTrigger | undefined) ?? null,
    ordersRead: row?.ordersRead ?? 0,
    ordersProcessed: row?.ordersProcessed ?? 0,
    ordersRecovered: row?.ordersRecovered ?? 0,
    queuedAt: iso(row?.queuedAt),
    startedAt: iso(row?.startedAt),
    finishedAt: iso(row?.finishedAt),
    reconciledThrough: iso(row?.reconciledThrough),
    lastError: row?.lastError ?? null,
  };
}

/**
 * Starts a run for the shop unless one is queued or running (and alive): one statement, so two
 * callers (the schedule and a merchant's "Sync now") never start two. Answers the run to follow:
 * the new one (`started`) or the one already under way.
 */
export async function claimRun(
  db: Db,
  shopId: string,
  trigger: RunTrigger,
  now: Date,
): Promise<{ runId: string; started: boolean }> {
  const runId = randomUUID();
  const stale = new Date(now.getTime() - RUN_STALE_MS);
  const claimed = await db.$queryRaw<{ runId: string }[]>`
    INSERT INTO "OrderReconciliation" ("shopId", "runId", "status", "trigger", "queuedAt", "updatedAt")
    VALUES (${shopId}, ${runId}, 'QUEUED', ${trigger}, ${now}, ${now})
    ON CONFLICT ("shopId") DO UPDATE SET
      "runId" = EXCLUDED."runId", "status" = 'QUEUED', "trigger" = EXCLUDED."trigger",
      "queuedAt" = EXCLUDED."queuedAt", "startedAt" = NULL, "finishedAt" = NULL, "lastError" = NULL,
      "ordersRead" = 0, "ordersProcessed" = 0, "ordersRecovered" = 0, "updatedAt" = EXCLUDED."updatedAt"
    WHERE "OrderReconciliation"."status" NOT IN ('QUEUED', 'RUNNING')
       OR "OrderReconciliation"."updatedAt" < ${stale}
    RETURNING "runId"`;
  if (claimed[0]) return { runId: claimed[0].runId, started: true };
  const current = await db.orderReconciliation.findUniqueOrThrow({
    where: { shopId },
    select: { runId: true },
  });
  return { runId: current.runId, started: false };
}

/** Installed shops whose last run started at least their setting's minutes ago (or never ran). */
export async function listShopsDue(db: Db, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Shop" s
    LEFT JOIN "ShopSettings" st ON st."shopId" = s."id"
    LEFT JOIN "OrderReconciliation" r ON r."shopId" = s."id"
    WHERE s."uninstalledAt" IS NULL
      AND (r."shopId" IS NULL
        OR r."queuedAt" <= ${now}::timestamp(3) - make_interval(mins => COALESCE(st."orderReconcileMinutes", 30)))`;
  return rows.map((r) => r.id);
}

/** Progress of the run, if it is still the shop's current one (false: superseded, stop). */
export async function updateRun(
  db: Db,
  shopId: string,
  runId: string,
  data: Partial<
    Pick<
      OrderReconciliation,
      | "status"
      | "ordersRead"
      | "ordersProcessed"
      | "ordersRecovered"
      | "reconciledThrough"
      | "startedAt"
      | "finishedAt"
      | "lastError"
    >
  >,
): Promise<boolean> {
  const { count } = await db.orderReconciliation.updateMany({ where: { shopId, runId }, data });
  return count === 1;
}
