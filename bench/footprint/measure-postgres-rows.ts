import crypto from "node:crypto";
import { seedSubscribers } from "../seed/seed-subscribers.ts";
import { createPrisma } from "../../web/server/db/create-prisma.ts";
import { startBenchEnv } from "../env/start-bench-env.ts";

export type RowFootprint = {
  table: string;
  rows: number;
  /** Heap and TOAST bytes per row, then index bytes per row (pg_total_relation_size = both). */
  heapPerRow: number;
  indexesPerRow: number;
  totalPerRow: number;
  what: string;
};

/** The synthetic orders/create body: the bench's webhook row sends bodies of this size. */
export const WEBHOOK_BODY_BYTES = 14_894;

const TABLES: { table: string; what: string }[] = [
  { table: "Subscription", what: "one back-in-stock signup (ACTIVE, confirmed)" },
  { table: "Notification", what: "one ledger row per email (a restock send, SENT, with its message id)" },
  {
    table: "WebhookEvent",
    what: `one webhook received, body kept (${WEBHOOK_BODY_BYTES} bytes, orders/create)`,
  },
  { table: "Order", what: "one order the app follows" },
  { table: "OrderLine", what: "one line of it" },
  { table: "BackorderLine", what: "one backordered line" },
];

/**
 * PostgreSQL bytes per row of the tables that grow with shops' traffic: a fresh migrated database
 * (startBenchEnv: on DATABASE_URL's server, else embedded; dropped afterwards) is seeded with `n`
 * rows of each, shaped as the app writes them, then VACUUM ANALYZE and pg_total_relation_size.
 */
export async function measurePostgresRows(
  databaseUrl: string | undefined,
  n: number,
): Promise<{ version: string; rows: RowFootprint[] }> {
  const env = await startBenchEnv({ databaseUrl });
  const db = createPrisma(env.databaseUrl, { poolSize: 2 });
  try {
    const shop = await db.shop.create({
      data: {
        domain: `footprint-${crypto.randomBytes(4).toString("hex")}.myshopify.com`,
        settings: { create: {} },
      },
    });
    await seedSubscribers(db, { shopId: shop.id, variantId: 44_000_000_001n, count: n, prefix: "footprint" });
    await db.$executeRawUnsafe(
      `insert into "Notification" (id, "shopId", kind, "idempotencyKey", recipient, locale, status,
         "subscriptionId", "restockEventId", wave, attempts, "messageId", "createdAt", "sentAt")
       select gen_random_uuid()::text, $1, 'restock', 'restock:' || $2 || ':' || g, 'footprint-' || g || '@example.com',
         'en', 'SENT', gen_random_uuid()::text, $2, 1, 1, '<' || md5(g::text) || '@smtp.example>', now(), now()
       from generate_series(1, $3::int) g`,
      shop.id,
      crypto.randomUUID(),
      n,
    );
    // Incompressible filler (random hex), so TOAST compression does not flatter the figure.
    await db.$executeRawUnsafe(
      `insert into "WebhookEvent" ("shopDomain", topic, "eventKey", "webhookId", "apiVersion", "triggeredAt", body,
         status, attempts, "receivedAt", "processedAt")
       select $1, 'orders/create', gen_random_uuid()::text || '#' || md5(g::text), gen_random_uuid()::text, '2026-07',
         now(), '{"id":' || (6000000000 + g) || ',"filler":"' ||
           (select string_agg(md5(g::text || k::text), '') from generate_series(1, $2::int) k) || '"}',
         'PROCESSED', 1, now(), now()
       from generate_series(1, $3::int) g`,
      shop.domain,
      Math.ceil((WEBHOOK_BODY_BYTES - 40) / 32),
      n,
    );
    await db.$executeRawUnsafe(
      `insert into "Order" (id, "shopId", "orderId", name, email, locale, currency, "totalPrice", "placedAt",
         "statusUrl", "customerFirstName", tags, "customerTags")
       select gen_random_uuid()::text, $1, 6000000000 + g, '#' || (1000 + g), 'buyer-' || g || '@example.com', 'en', 'EUR',
         49.00, now(), 'https://footprint.example/orders/' || md5(g::text), 'Jane', '{}', '{}'
       from generate_series(1, $2::int) g`,
      shop.id,
      n,
    );
    await db.$executeRawUnsafe(
      `insert into "OrderLine" (id, "shopId", "orderRef", "lineItemId", "variantId", "productId", title, sku,
         quantity, "openQuantity", price, "placedAt")
       select gen_random_uuid()::text, $1, o.id, o."orderId" + 9000000000, 44000000001, 8000000001,
         'Waxed jacket - Olive / M', 'WJ-OL-M', 1, 1, 49.00, o."placedAt"
       from "Order" o where o."shopId" = $1`,
      shop.id,
    );
    await db.$executeRawUnsafe(
      `insert into "BackorderLine" (id, "shopId", "orderId", "lineItemId", "variantId", quantity, "backorderedQuantity",
         "initialBackordered", "peakBackordered", "etaAtOrder", "etaCurrent", "placedAt", "updatedAt")
       select gen_random_uuid()::text, $1, o."orderId", o."orderId" + 9000000000, 44000000001, 1, 1, 1, 1,
         current_date + 30, current_date + 30, o."placedAt", now()
       from "Order" o where o."shopId" = $1`,
      shop.id,
    );
    await db.$executeRawUnsafe("vacuum analyze");
    const version =
      (await db.$queryRawUnsafe<{ v: string }[]>("select current_setting('server_version') as v"))[0]?.v ??
      "?";
    const measure = async (table: string, label: string, what: string): Promise<RowFootprint> => {
      const [size] = await db.$queryRawUnsafe<{ total: bigint; indexes: bigint; count: bigint }[]>(
        `select pg_total_relation_size('"${table}"') as total, pg_indexes_size('"${table}"') as indexes,
           (select count(*) from "${table}") as count`,
      );
      const count = Number(size!.count);
      const total = Number(size!.total) / count;
      const indexes = Number(size!.indexes) / count;
      const heapPerRow = Math.round(total - indexes);
      return {
        table: label,
        rows: count,
        heapPerRow,
        indexesPerRow: Math.round(indexes),
        totalPerRow: Math.round(total),
        what,
      };
    };
    const rows: RowFootprint[] = [];
    for (const { table, what } of TABLES) rows.push(await measure(table, table, what));
    // What stays of a webhook row after the shop's body retention (the row itself is kept).
    await db.$executeRawUnsafe(`update "WebhookEvent" set body = '', "bodyPrunedAt" = now()`);
    await db.$executeRawUnsafe(`vacuum full analyze "WebhookEvent"`);
    rows.push(
      await measure(
        "WebhookEvent",
        "WebhookEvent, body pruned",
        "the same row after the body retention blanked it",
      ),
    );
    return { version, rows };
  } finally {
    await db.$disconnect();
    await env.close();
  }
}
