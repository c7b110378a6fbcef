import type { Db } from "../../web/server/db/create-prisma.ts";

/**
 * `count` ACTIVE, confirmed subscriptions to one variant, emails `${prefix}-${i}@example.com`
 * (i from 0), oldest first. One INSERT ... SELECT per 100,000 rows: a million take seconds,
 * where createMany from Node would spend minutes building parameters.
 */
export async function seedSubscribers(
  db: Db,
  input: { shopId: string; variantId: bigint; count: number; prefix: string },
): Promise<void> {
  const chunk = 100_000;
  for (let start = 0; start < input.count; start += chunk) {
    const end = Math.min(input.count, start + chunk) - 1;
    await db.$executeRaw`
      insert into "Subscription"
        (id, "shopId", "variantId", email, status, "activeKey", locale, "confirmToken", "unsubscribeToken", "createdAt", "confirmedAt")
      select gen_random_uuid()::text, ${input.shopId}, ${input.variantId},
             ${input.prefix} || '-' || g || '@example.com', 'ACTIVE'::"SubscriptionStatus",
             ${input.variantId.toString()} || ':' || ${input.prefix} || '-' || g || '@example.com', 'en',
             'c' || md5(${input.prefix} || g || random()::text), substr(md5(${input.prefix} || 'u' || g || random()::text), 1, 32),
             now() - interval '2 days' + g * interval '1 millisecond', now() - interval '1 day'
      from generate_series(${start}::int, ${end}::int) g`;
  }
  // As autovacuum would soon after a bulk import: the fan-out's queries are planned on real counts.
  await db.$executeRawUnsafe('analyze "Subscription"');
}
