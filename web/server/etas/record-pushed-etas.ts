import { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";

export type PushedEta = {
  variantId: bigint;
  eta: string | null;
  message: string | null;
  backordered: boolean | null;
};

/**
 * Records what Shopify now holds for these variants. A variant with no VariantEta row gets one with
 * source "sync" and no explicit ETA: the row is only the push ledger. Prisma's @default(uuid())
 * and @updatedAt are client-side, so the SQL supplies both.
 */
export async function recordPushedEtas(db: Db, shopId: string, pushed: readonly PushedEta[], now: Date) {
  if (pushed.length === 0) return;
  const values = pushed.map(
    (p) =>
      Prisma.sql`(gen_random_uuid()::text, ${shopId}, ${p.variantId}, 'sync', ${p.eta}, ${p.message}, ${p.backordered}::boolean, ${now}, now())`,
  );
  await db.$executeRaw`
    INSERT INTO "VariantEta" ("id", "shopId", "variantId", "source", "pushedEta", "pushedMessage", "pushedBackordered", "pushedAt", "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("shopId", "variantId") DO UPDATE
    SET "pushedEta" = EXCLUDED."pushedEta", "pushedMessage" = EXCLUDED."pushedMessage",
        "pushedBackordered" = EXCLUDED."pushedBackordered", "pushedAt" = EXCLUDED."pushedAt"`;
}
