import type { Prisma } from "@prisma/client";
import { afterAll, beforeAll } from "vitest";
import {
  addSubscribers,
  startAlertsFixture,
  type AlertsFixture,
  type TestShop,
  type TestVariant,
} from "../alerts/alerts-fixture.ts";

/** One alerts fixture with one shop (no send rate) and one sold-out variant; filled in beforeAll. */
export type LedgerShop = { fx: AlertsFixture; shop: TestShop; variant: TestVariant };

/** Registers the suite's beforeAll/afterAll; read the fields inside tests. */
export function useLedgerShop(shopName: string, variantTitle: string): LedgerShop {
  const ledger = {} as LedgerShop;
  beforeAll(async () => {
    ledger.fx = await startAlertsFixture();
    ledger.shop = await ledger.fx.addShop(shopName, { sendRatePerSecond: 0 });
    ledger.variant = await ledger.shop.addVariant({ title: variantTitle, stock: 0 });
  });
  afterAll(() => ledger.fx?.close());
  return ledger;
}

type RowFields = Partial<Prisma.NotificationUncheckedCreateInput>;

/**
 * Restock ledger rows (no job) for fresh subscribers `prefix-00000`...: one per entry of `fields`,
 * in address order, each with its fields over the defaults (PENDING).
 */
export async function createRestockRows(ledger: LedgerShop, prefix: string, fields: RowFields[]) {
  const { fx, shop, variant } = ledger;
  const db = fx.app.deps.db;
  const emails = await addSubscribers(fx.app, shop.id, variant.variantId, fields.length, prefix);
  const subs = await db.subscription.findMany({ where: { shopId: shop.id, email: { in: emails } } });
  subs.sort((a, b) => a.email!.localeCompare(b.email!));
  return Promise.all(
    subs.map((s, i) =>
      db.notification.create({
        data: {
          shopId: shop.id,
          kind: "restock",
          idempotencyKey: `restock:${prefix}:${s.id}`,
          recipient: s.email!,
          subscriptionId: s.id,
          ...fields[i],
        },
      }),
    ),
  );
}
