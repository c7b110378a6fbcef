import type { Notification } from "@prisma/client";
import type { SqlPool } from "../db/create-sql-pool.ts";
import { CLAIM_BY_ID_SQL, OPEN_ROWS_SQL } from "./batch-lookup-sql.ts";

/**
 * The ledger's batch operations in plain SQL (node-postgres): a fan-out batch of 100 costs a few
 * statements instead of five Prisma round trips per message. The states: PENDING, SENDING (claimed,
 * with `claimedAt`), SENT, FAILED, SUPPRESSED; the conditional update is the lock. Timestamps cross as UTC text: the columns are `timestamp(3)` without
 * a zone, which node-postgres would otherwise read and write in the process's local time.
 */
type Sql = Pick<SqlPool, "query">;

const ROW = `n.id, n."shopId", n.kind, n.channel, n."deliveryStatus", n."idempotencyKey", n.recipient, n.locale, n.status::text as status,
  n."subscriptionId", n."restockEventId", n."orderId"::text as "orderId", n.wave, n.context, n.attempts,
  n."claimedAt"::text as "claimedAt", n."messageId", n."lastError", n."createdAt"::text as "createdAt",
  n."sentAt"::text as "sentAt"`;

/** A row we claimed; `claimedAt` (exact, as stored) guards every later write against a takeover. */
export type ClaimedRow = Notification & { claimedAtText: string };

/**
 * Takes up to `limit` of `ids` for sending, in one statement: PENDING (and FAILED when asked:
 * an explicit resend), or SENDING whose claim is older than the lease (its worker died). Rows
 * another transaction is claiming right now are skipped, not waited for: of two racing batches,
 * each row goes to exactly one.
 */
export async function claimNotifications(
  sql: Sql,
  input: { shopId: string; ids: string[]; limit: number; leaseMs: number; now: Date; includeFailed: boolean },
): Promise<ClaimedRow[]> {
  if (input.ids.length === 0 || input.limit <= 0) return [];
  const now = utc(input.now);
  const staleBefore = utc(new Date(input.now.getTime() - input.leaseMs));
  const { rows } = await sql.query<RawRow>(
    `${CLAIM_BY_ID_SQL}
     returning ${ROW}`,
    [input.ids, input.shopId, staleBefore, input.limit, now, input.includeFailed],
  );
  return rows.map(toNotification);
}

/** Of `ids`, the rows still to send, and when the earliest live claim on one of them runs out. */
export async function readOpenRows(
  sql: Sql,
  input: { shopId: string; ids: string[]; leaseMs: number; includeFailed: boolean },
): Promise<{ open: number; busyUntilMs: number | null }> {
  const { rows } = await sql.query<{ open: string; busy_until: number | null }>(OPEN_ROWS_SQL, [
    input.ids,
    input.leaseMs,
    input.includeFailed,
    input.shopId,
  ]);
  const row = rows[0];
  return { open: Number(row?.open ?? 0), busyUntilMs: row?.busy_until ?? null };
}

/** Messages SMTP accepted. Unconditional: whoever holds the claim now, the email is out. */
export async function markSentMany(
  sql: Sql,
  sent: readonly { id: string; messageId: string }[],
  now: Date,
): Promise<void> {
  if (sent.length === 0) return;
  await sql.query(
    `update "Notification" n
     set status = 'SENT', "messageId" = v.message_id, "sentAt" = $3::timestamp(3), "claimedAt" = null, "lastError" = null
     from unnest($1::text[], $2::text[]) as v(id, message_id)
     where n.id = v.id`,
    [sent.map((s) => s.id), sent.map((s) => s.messageId), utc(now)],
  );
}

export type ClaimOutcome = "PENDING" | "FAILED" | "SUPPRESSED";

/**
 * Ends our claims on rows that did not go out: PENDING (transient: claimable again at once),
 * FAILED or SUPPRESSED. Only while the claim is still ours (same claimedAt), so a late write
 * never reopens a row another worker took over after our lease ran out.
 */
export async function settleClaims(
  sql: Sql,
  status: ClaimOutcome,
  rows: readonly { id: string; claimedAtText: string; reason: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `update "Notification" n
     set status = $4::"NotificationStatus", "claimedAt" = null, "lastError" = v.reason
     from unnest($1::text[], $2::text[], $3::text[]) as v(id, claimed_at, reason)
     where n.id = v.id and n.status = 'SENDING' and n."claimedAt" = v.claimed_at::timestamp(3)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.claimedAtText),
      rows.map((r) => r.reason.slice(0, 1000)),
      status,
    ],
  );
}

/** Retries used up for a batch job: rows still waiting become FAILED; recorded outcomes stay. */
export async function markGaveUpMany(sql: Sql, ids: string[], reason: string): Promise<void> {
  await sql.query(
    `update "Notification" set status = 'FAILED', "claimedAt" = null, "lastError" = $2
     where id = any($1::text[]) and status in ('PENDING', 'SENDING')`,
    [ids, reason.slice(0, 1000)],
  );
}

/** The shop's suppressed addresses among `emails`, with their reason. */
export async function readSuppressions(
  sql: Sql,
  shopId: string,
  emails: string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const { rows } = await sql.query<{ email: string; reason: string }>(
    `select email, reason from "Suppression" where "shopId" = $1 and email = any($2::text[])`,
    [shopId, emails],
  );
  return new Map(rows.map((r) => [r.email, r.reason]));
}

type RawRow = Omit<Notification, "orderId" | "claimedAt" | "createdAt" | "sentAt" | "status"> & {
  status: string;
  orderId: string | null;
  claimedAt: string | null;
  createdAt: string;
  sentAt: string | null;
};

function toNotification(raw: RawRow): ClaimedRow {
  return {
    ...raw,
    status: raw.status as Notification["status"],
    orderId: raw.orderId === null ? null : BigInt(raw.orderId),
    claimedAt: fromUtc(raw.claimedAt),
    createdAt: fromUtc(raw.createdAt)!,
    sentAt: fromUtc(raw.sentAt),
    claimedAtText: raw.claimedAt!,
  };
}

/** A Date as `timestamp(3)` text in UTC, the way Prisma stores it. */
export function utc(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

export function fromUtc(text: string | null): Date | null {
  return text === null ? null : new Date(`${text.replace(" ", "T")}Z`);
}
