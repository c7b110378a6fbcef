import type { Simulator } from "../../../simulator/create-simulator.ts";
import type { PendingDelivery } from "../../../simulator/webhooks/webhook-types.ts";
import type { SimClock } from "./start-fault-stack.ts";
import { seededRng, takeNewDeliveries } from "./deliver-webhooks.ts";

/** A full day of 10,000 webhooks is ~5,000 merchant and shopper actions: one every ~17 s. */
export const ACTION_EVERY_MS = 17_280;

export type DayShop = { domain: string; locationId: bigint };
export type DayCatalog = { variants: { variantId: bigint; inventoryItemId: bigint }[] };

export type ShopDay = {
  /** Order ids in the order they were placed (the index is what two shops have in common). */
  orders: bigint[];
  /** Every webhook of the day, in the order the simulator emitted them. */
  deliveries: PendingDelivery[];
  counts: Record<"orders" | "fulfilments" | "cancellations" | "inventory", number>;
};

/** CONTINUE variants (sellable out of stock) with a little stock each, created before install. */
export function createDayCatalog(sim: Simulator, shop: DayShop, variants: number, seed: number): DayCatalog {
  const rng = seededRng(seed);
  const created = Array.from({ length: variants }, (_, i) => {
    const product = sim.createProduct(shop.domain, {
      title: `Day product ${i}`,
      variants: [
        {
          title: "Default Title",
          price: "25.00",
          inventoryPolicy: "CONTINUE",
          inventory: Math.floor(rng() * 6),
        },
      ],
    });
    const variant = product.variants[0]!;
    return { variantId: variant.id, inventoryItemId: variant.inventoryItemId };
  });
  return { variants: created };
}

/**
 * Plays a shop's day on the simulator: orders (one or two lines), fulfilments of the oldest open
 * order, cancellations (with or without restock) and stock receipts/counts, until `webhooks`
 * deliveries were emitted. The same seed on two identical shops plays the same day.
 */
export function simulateShopDay(opts: {
  sim: Simulator;
  clock: SimClock;
  shop: DayShop;
  catalog: DayCatalog;
  webhooks: number;
  seed: number;
  start: Date;
  emailPrefix: string;
  /** Webhook ids already taken from the simulator's queue (shared with the stack's pump). */
  seen: Set<string>;
}): ShopDay {
  const { sim, shop, catalog } = opts;
  const rng = seededRng(opts.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
  const day: ShopDay = {
    orders: [],
    deliveries: [],
    counts: { orders: 0, fulfilments: 0, cancellations: 0, inventory: 0 },
  };
  const open: bigint[] = [];
  let t = opts.start.getTime();
  while (day.deliveries.length < opts.webhooks) {
    t += ACTION_EVERY_MS;
    opts.clock.now = new Date(t);
    const roll = rng();
    if (roll < 0.5 || open.length === 0) {
      const first = pick(catalog.variants);
      const second = rng() < 0.3 ? pick(catalog.variants) : null;
      const lines = [{ variantId: first.variantId, quantity: 1 + Math.floor(rng() * 3) }];
      if (second && second.variantId !== first.variantId) {
        lines.push({ variantId: second.variantId, quantity: 1 + Math.floor(rng() * 2) });
      }
      const order = sim.placeOrder(shop.domain, {
        email: `${opts.emailPrefix}-c${day.orders.length}@example.com`,
        lines,
      });
      day.orders.push(order.id);
      open.push(order.id);
      day.counts.orders += 1;
    } else if (roll < 0.65) {
      // Merchants ship the oldest order first.
      sim.fulfillOrder(shop.domain, open.shift()!);
      day.counts.fulfilments += 1;
    } else if (roll < 0.73) {
      const index = Math.floor(rng() * open.length);
      const [orderId] = open.splice(index, 1);
      sim.cancelOrder(shop.domain, orderId!, { restock: rng() < 0.7, reason: "customer" });
      day.counts.cancellations += 1;
    } else {
      const variant = pick(catalog.variants);
      if (rng() < 0.8) {
        sim.adjustInventory(shop.domain, variant.inventoryItemId, shop.locationId, 1 + Math.floor(rng() * 6));
      } else {
        sim.setInventory(shop.domain, variant.inventoryItemId, shop.locationId, Math.floor(rng() * 4));
      }
      day.counts.inventory += 1;
    }
    day.deliveries.push(...takeNewDeliveries(sim, opts.seen).filter((d) => d.shop === shop.domain));
  }
  // Time goes on from the end of the day: later Admin API writes must not look older than it.
  opts.clock.now = null;
  opts.clock.offsetMs = Math.max(opts.clock.offsetMs, t + 1_000 - Date.now());
  return day;
}
