import { enqueueSendBatches } from "../notifications/enqueue-send-batches.ts";
import { enqueueSmsBatches } from "../sms/enqueue-sms-batches.ts";
import { utc } from "../notifications/notification-batch-ledger.ts";
import { restockKeyPrefix } from "./restock-candidates.ts";
import { WAVE_PAGE_SQL } from "./wave-page-sql.ts";
import type { AppDeps } from "../app-deps.ts";

export const FAN_OUT_PAGE = 1_000;

type Event = { id: string; shopId: string; variantId: bigint };
type Page = { ids: string[]; smsIds: string[]; count: number; cursor: { createdAt: string; id: string } };

/**
 * Gives ledger rows to the event's next subscribers until it has `targetCount` of them, a page
 * at a time: memory stays about two pages whatever the audience. Each page is one transaction
 * under the event's row lock, so duplicate wave jobs cannot overshoot; its sends are enqueued as
 * batch jobs after commit, overlapping the next page's writes (a crash in between leaves PENDING
 * rows, which the resume path and the sweeper enqueue).
 */
export async function fillRestockWave(
  deps: AppDeps,
  event: Event,
  wave: number,
  keepSubscribed: boolean,
): Promise<number> {
  let cursor: Page["cursor"] = { createdAt: "1970-01-01 00:00:00", id: "" };
  let total = 0;
  let enqueueing: Promise<unknown> = Promise.resolve();
  try {
    for (;;) {
      const page = await writePage(deps, event, wave, keepSubscribed, cursor);
      await enqueueing; // at most one page's jobs in flight: memory stays flat
      if (!page) return total;
      enqueueing = Promise.all([
        enqueueSendBatches(deps, event.shopId, page.ids, event.id),
        enqueueSmsBatches(deps, event.shopId, page.smsIds),
      ]);
      total += page.count;
      cursor = page.cursor;
    }
  } finally {
    await enqueueing;
  }
}

/**
 * One page in one transaction: lock the event, then a single statement picks the next
 * subscribers (keyset, oldest first, none with a row for this event yet), inserts their rows
 * (one per channel: email to the address, sms to the consented number; docs/sms.md)
 * (ON CONFLICT DO NOTHING on the idempotency key), marks them notified unless the shop keeps them
 * subscribed, and counts the new rows on the event. Null when the wave is full or nobody is left.
 */
async function writePage(
  deps: AppDeps,
  event: Event,
  wave: number,
  keepSubscribed: boolean,
  after: Page["cursor"],
): Promise<Page | null> {
  const client = await deps.sql.connect();
  try {
    await client.query("begin");
    const locked = await client.query<{ remaining: number; status: string }>(
      `select "targetCount" - "notifiedCount" as remaining, status::text as status
       from "RestockEvent" where id = $1 for update`,
      [event.id],
    );
    const state = locked.rows[0];
    if (!state || state.status !== "ACTIVE" || state.remaining <= 0) {
      await client.query("commit");
      return null;
    }
    const { rows } = await client.query<{
      ids: string[];
      sms_ids: string[];
      count: number;
      found: number;
      last_at: string | null;
      last_id: string | null;
    }>(WAVE_PAGE_SQL, [
      event.shopId,
      event.variantId.toString(),
      after.createdAt,
      after.id,
      restockKeyPrefix(event.id),
      Math.min(FAN_OUT_PAGE, state.remaining),
      event.id,
      wave,
      utc(deps.now()),
      keepSubscribed,
    ]);
    await client.query("commit");
    const row = rows[0];
    if (!row || row.found === 0 || row.last_at === null || row.last_id === null) return null;
    return {
      ids: row.ids,
      smsIds: row.sms_ids,
      count: row.count,
      cursor: { createdAt: row.last_at, id: row.last_id },
    };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** After a crash or for a duplicate job: enqueue the event's rows still PENDING (jobIds dedupe). */
export async function reenqueuePending(
  deps: AppDeps,
  restockEventId: string,
  shopId: string,
): Promise<number> {
  let after = "";
  let total = 0;
  for (;;) {
    const { rows } = await deps.sql.query<{ id: string; channel: string }>(
      `select id, channel from "Notification" where "restockEventId" = $1 and status = 'PENDING' and id > $2
       order by id limit $3`,
      [restockEventId, after, FAN_OUT_PAGE],
    );
    if (rows.length === 0) return total;
    await enqueueSendBatches(
      deps,
      shopId,
      rows.filter((r) => r.channel === "email").map((r) => r.id),
      restockEventId,
    );
    await enqueueSmsBatches(
      deps,
      shopId,
      rows.filter((r) => r.channel === "sms").map((r) => r.id),
    );
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
