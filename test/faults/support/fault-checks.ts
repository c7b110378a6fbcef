import { QUEUE_NAMES } from "../../../web/server/queues/definitions/define-job.ts";
import { TEST_API_SECRET } from "../../helpers/start-test-app.ts";
import { scanLogs } from "./scan-logs.ts";
import type { FaultStack } from "./start-fault-stack.ts";

/** Jobs that ended failed for good, by name ("job stalled more than allowable limit" included). */
export async function failedJobs(stack: FaultStack, names: readonly string[]): Promise<string[]> {
  const failed: string[] = [];
  for (const queue of QUEUE_NAMES) {
    for (const job of await stack.queues.get(queue).getFailed(0, 10_000)) {
      if (names.includes(job.name)) failed.push(`${job.name} ${job.id}: ${job.failedReason}`);
    }
  }
  return failed;
}

/**
 * Messages to recipients starting with `prefix`: how many recipients, and how many messages
 * arrived again with a Message-ID already received (one ledger row sent twice).
 */
export function receivedBy(
  stack: FaultStack,
  prefix: string,
): { recipients: number; messages: number; duplicates: number; perRecipient: Map<string, number> } {
  const perRecipient = new Map<string, number>();
  const ids = new Set<string>();
  let messages = 0;
  for (const message of stack.smtp.messages) {
    for (const to of message.to) {
      if (!to.startsWith(prefix)) continue;
      messages += 1;
      ids.add(`${to} ${message.messageId}`);
      perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    }
  }
  return { recipients: perRecipient.size, messages, duplicates: messages - ids.size, perRecipient };
}

/** Inserts `count` ACTIVE, confirmed subscribers of a variant in one statement (oldest first). */
export async function insertSubscribers(
  stack: FaultStack,
  shopId: string,
  variantId: bigint,
  count: number,
  prefix: string,
): Promise<void> {
  await stack.db.$executeRaw`
    insert into "Subscription" (id, "shopId", "variantId", email, status, "activeKey", locale, "confirmToken", "unsubscribeToken", "createdAt", "confirmedAt")
    select gen_random_uuid()::text, ${shopId}, ${variantId}, ${prefix} || '-' || i || '@example.com', 'ACTIVE',
           ${String(variantId)} || ':' || ${prefix} || '-' || i || '@example.com', 'en',
           md5(random()::text || i), md5(random()::text || i || 'u'),
           now() - interval '30 days' + i * interval '1 second', now() - interval '30 days'
    from generate_series(1, ${count}) as i`;
}

/** A logged line that says a process died of an error it did not handle. */
export function crashLines(lines: readonly string[]): string[] {
  return lines.filter((l) => /uncaught|unhandled|"level":60/i.test(l));
}

/** Findings of the log scan over every line this stack's processes wrote. */
export function logFindings(stack: FaultStack, extraSecrets: readonly string[] = []) {
  return scanLogs(stack.logLines(), {
    secrets: [TEST_API_SECRET, ...extraSecrets],
    allowedAddresses: ["no-reply@localhost"],
  });
}
