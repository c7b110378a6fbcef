import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { recomputeVariant } from "../../web/server/backorders/recompute-variant.ts";
import {
  shopApi,
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "./backorder-fixture.ts";

let f: BackorderFixture;

beforeAll(async () => {
  f = await startBackorderFixture();
}, 60_000);
afterAll(async () => {
  await f?.close();
});

const api = (shop: BackorderShop, path: string) => shopApi(f, shop, path);

/** The ready email to this address as its reader gets it: MIME decoded, text and HTML parts. */
function readyEmail(to: string, subject: RegExp) {
  const mails = f.smtp.messages.filter((m) => m.to.includes(to)).map((m) => parseMime(m.raw));
  const ready = mails.filter((m) => subject.test(m.subject));
  expect(ready).toHaveLength(1);
  return { text: ready[0]!.text ?? "", html: ready[0]!.html ?? "" };
}

type ListItem = {
  status: string;
  backorderedQuantity: number;
  orderedQuantity: number | null;
  initialBackorderedQuantity: number | null;
  peakBackorderedQuantity: number | null;
  backorderType: string | null;
  history: { kind: string; status: string; quantity: number; backorderedQuantity: number; at: string }[];
};

describe("a line backordered x2, then stock arrives", () => {
  it("the ready email reads the 2 units; the API and the CSV keep its initial and peak units", async () => {
    const shop = await f.addShop();
    const boot = await f.addVariant(shop, "Wool Boot", 0);
    await f.sync(shop);
    f.sim.placeOrder(shop.domain, {
      email: "ada@example.com",
      lines: [{ variantId: boot.variantId, quantity: 2 }],
    });
    await f.settle();
    f.sim.adjustInventory(shop.domain, boot.inventoryItemId, shop.locationId, 2);
    await f.settle();

    const mail = readyEmail("ada@example.com", /your backordered items are ready/);
    expect(mail.text).toMatch(/Wool Boot\s+Quantity: 2\s/);
    expect(mail.html).toContain("Quantity: 2");
    expect(mail.text + mail.html).not.toContain("Quantity: 0");
    expect(mail.text).not.toContain("already shipped");

    const body = (await (await api(shop, "/backorders?status=READY")).json()) as { items: ListItem[] };
    expect(body.items).toHaveLength(1);
    const [line] = body.items;
    expect(line).toMatchObject({
      status: "READY",
      backorderedQuantity: 0,
      orderedQuantity: 2,
      initialBackorderedQuantity: 2,
      peakBackorderedQuantity: 2,
      backorderType: "full",
    });
    expect(line!.history.map((e) => [e.kind, e.status, e.backorderedQuantity, e.quantity])).toEqual([
      ["create", "OPEN", 2, 2],
      ["ready", "READY", 0, 2],
    ]);
    expect(Date.parse(line!.history[1]!.at)).toBeGreaterThanOrEqual(Date.parse(line!.history[0]!.at));

    const csv = (await (await api(shop, "/backorders/export.csv?status=READY")).text()).trim().split("\r\n");
    const header = csv[0]!.split(",");
    const cells = csv[1]!.split(",");
    const cell = (name: string) => cells[header.indexOf(name)];
    expect([
      cell("status"),
      cell("backorderedQuantity"),
      cell("initialBackorderedQuantity"),
      cell("peakBackorderedQuantity"),
      cell("backorderType"),
    ]).toEqual(["READY", "0", "2", "2", "full"]);
    expect(csv[1]).toMatch(/create: 2 of 2 backordered; \S+ ready: 0 of 2 backordered/);

    // A retried recompute (a job run again, a duplicate webhook) adds no event.
    const events = () => f.app.deps.db.backorderLineEvent.count({ where: { shopId: shop.id } });
    const deps = { db: f.app.deps.db, queues: f.app.deps.queues, now: () => new Date() };
    await recomputeVariant(deps, shop.id, boot.variantId);
    await recomputeVariant(deps, shop.id, boot.variantId);
    expect(await events()).toBe(2);
  }, 60_000);

  it("in German, for a partly shipped line: the 2 units ready, and how many already shipped", async () => {
    const shop = await f.addShop();
    const cap = await f.addVariant(shop, "Canvas Cap", 1);
    await f.sync(shop);
    const order = f.sim.placeOrder(shop.domain, {
      email: "lena@example.com",
      locale: "de",
      lines: [{ variantId: cap.variantId, quantity: 3 }],
    });
    await f.settle();
    // The unit in stock ships now; the other 2 wait.
    f.sim.fulfillOrder(shop.domain, order.id, [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }]);
    await f.settle();
    f.sim.adjustInventory(shop.domain, cap.inventoryItemId, shop.locationId, 2);
    await f.settle();

    const mail = readyEmail("lena@example.com", /Ihre Artikel sind da/);
    expect(mail.text).toMatch(/Canvas Cap\s+Menge: 2 \(1 von 3 bereits versandt\)/);
    expect(mail.html).toContain("Menge: 2 (1 von 3 bereits versandt)");

    const body = (await (await api(shop, "/backorders")).json()) as { items: ListItem[] };
    expect(body.items[0]).toMatchObject({
      status: "READY",
      orderedQuantity: 3,
      initialBackorderedQuantity: 2,
      peakBackorderedQuantity: 2,
      backorderType: "partial",
    });
  }, 60_000);
});

describe("/api/backorders/metrics: partial and full backorders", () => {
  it("counts a known mix of lines and units", async () => {
    const shop = await f.addShop();
    const lamp = await f.addVariant(shop, "Brass Lamp", 4);
    const vase = await f.addVariant(shop, "Stoneware Vase", 0);
    const rug = await f.addVariant(shop, "Wool Rug", 1);
    await f.sync(shop);
    // Lamp: 6 ordered, 4 in stock -> partial (2 backordered). Vase: 2 of 2 -> full.
    // Rug: 3 ordered, 1 in stock -> partial (2), then ready once 2 more arrive (history keeps it).
    for (const [variantId, quantity, email] of [
      [lamp.variantId, 6, "a@example.com"],
      [vase.variantId, 2, "b@example.com"],
      [rug.variantId, 3, "c@example.com"],
    ] as const) {
      f.sim.placeOrder(shop.domain, { email, lines: [{ variantId, quantity }] });
    }
    await f.settle();
    f.sim.adjustInventory(shop.domain, rug.inventoryItemId, shop.locationId, 2);
    await f.settle();

    const metrics = (await (await api(shop, "/backorders/metrics")).json()) as Record<string, unknown>;
    expect(metrics.mix).toEqual({
      partialLines: 2,
      fullLines: 1,
      partialBackorderedUnits: 4,
      partialOrderedUnits: 9,
      fullBackorderedUnits: 2,
      partialLineShare: 2 / 3,
      partialBackorderedShare: 4 / 9,
      backorderedUnitShare: 6 / 11,
      unknownLines: 0,
    });
    expect(metrics).toMatchObject({ openLines: 2, openUnits: 4 });
  }, 60_000);
});

describe("the line history and the compliance webhooks", () => {
  it("holds no customer data, so customers/redact keeps it; shop/redact removes the shop's", async () => {
    const kept = await f.addShop();
    const gone = await f.addShop();
    for (const shop of [kept, gone]) {
      const mug = await f.addVariant(shop, "Enamel Mug", 0);
      await f.sync(shop);
      f.sim.placeOrder(shop.domain, {
        email: "mo@example.com",
        lines: [{ variantId: mug.variantId, quantity: 1 }],
      });
    }
    await f.settle();
    const events = (shopId: string) => f.app.deps.db.backorderLineEvent.count({ where: { shopId } });
    expect([await events(kept.id), await events(gone.id)]).toEqual([1, 1]);

    f.sim.sendComplianceWebhook("customers/redact", kept.domain, { customer: { email: "mo@example.com" } });
    f.sim.sendComplianceWebhook("shop/redact", gone.domain);
    await f.settle();
    expect(await f.app.deps.db.shop.findUnique({ where: { id: gone.id } })).toBeNull();
    expect([await events(kept.id), await events(gone.id)]).toEqual([1, 0]);
    const columns = await f.app.deps.db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'BackorderLineEvent'`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      ["at", "backorderedQuantity", "id", "kind", "lineItemId", "quantity", "shopId", "status"].sort(),
    );
  }, 60_000);
});
