import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageText } from "../helpers/smtp-catcher.ts";
import { futureDate } from "../helpers/future-date.ts";
import {
  shopApi,
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "./backorder-fixture.ts";

const ETA = futureDate(30);

let f: BackorderFixture;
let shop: BackorderShop;
let other: BackorderShop;
let lineIds: string[];

/**
 * The Backorders page's bulk actions on selected lines (POST /api/backorders/bulk/...): resend the
 * backorder email through the ledger, request cancellation; shop-scoped and idempotent by request key.
 */
beforeAll(async () => {
  f = await startBackorderFixture();
  shop = await f.addShop();
  other = await f.addShop();
  const oak = await f.addVariant(shop, "Oak Stool", 0, ETA.iso);
  await f.sync(shop);
  await f.sync(other);
  for (const email of ["ada@example.com", "bo@example.com"])
    f.sim.placeOrder(shop.domain, { email, lines: [{ variantId: oak.variantId, quantity: 2 }] });
  await f.settle();
  const list = (await (await shopApi(f, shop, "/backorders?status=OPEN")).json()) as {
    items: { id: string }[];
  };
  lineIds = list.items.map((i) => i.id);
}, 120_000);
afterAll(async () => {
  await f?.close();
});

const post = (s: BackorderShop, action: string, body: unknown) =>
  shopApi(f, s, `/backorders/bulk/${action}`, body);

describe("bulk actions on backordered lines", () => {
  it("resends each customer's backorder email once per request, however often it is posted", async () => {
    expect(lineIds).toHaveLength(2);
    expect(f.smtp.countTo("ada@example.com")).toBe(1); // the confirmation
    const requestKey = randomUUID();
    // A double click: the same request twice at once.
    const answers = await Promise.all([
      post(shop, "resend-email", { lineIds, requestKey }),
      post(shop, "resend-email", { lineIds, requestKey }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ orders: 2, lines: 2, skipped: 0 });
    }
    await f.settle();
    expect(f.smtp.countTo("ada@example.com")).toBe(2);
    expect(f.smtp.countTo("bo@example.com")).toBe(2);
    const resent = f.smtp.messages.filter((m) => m.to.includes("ada@example.com")).at(-1)!;
    const text = messageText(resent.raw);
    expect(text).toContain("Oak Stool");
    expect(text).toContain("#1001");
    // A new request (another click later) sends again.
    await post(shop, "resend-email", { lineIds: lineIds.slice(0, 1), requestKey: randomUUID() });
    await f.settle();
    expect(f.smtp.countTo("ada@example.com") + f.smtp.countTo("bo@example.com")).toBe(5);
  }, 60_000);

  it("another shop cannot act on these lines", async () => {
    const before = f.smtp.messages.length;
    const resend = await post(other, "resend-email", { lineIds, requestKey: randomUUID() });
    expect(await resend.json()).toEqual({ orders: 0, lines: 0, skipped: 2 });
    const cancel = await post(other, "request-cancellation", { lineIds, requestKey: randomUUID() });
    expect(await cancel.json()).toEqual({ orders: 0, lines: 0, skipped: 2 });
    await f.settle();
    expect(f.smtp.messages.length).toBe(before);
    expect(await f.app.deps.db.cancelRequest.count({ where: { shopId: shop.id } })).toBe(0);
  }, 60_000);

  it("records one cancellation request per order, once per request key, in the cancel requests list", async () => {
    const requestKey = randomUUID();
    for (const _ of [1, 2]) {
      const answer = await post(shop, "request-cancellation", { lineIds, requestKey });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ orders: 2, lines: 2, skipped: 0 });
    }
    const requests = await f.app.deps.db.cancelRequest.findMany({ where: { shopId: shop.id } });
    expect(requests.map((r) => [r.status, r.quantities])).toEqual([
      ["REQUESTED", [2]],
      ["REQUESTED", [2]],
    ]);
    const listed = (await (await shopApi(f, shop, "/controls/cancel-requests?status=REQUESTED")).json()) as {
      items?: unknown[];
    };
    expect(JSON.stringify(listed)).toContain("#1002");
    const none = await shopApi(f, other, "/controls/cancel-requests?status=REQUESTED");
    expect(JSON.stringify(await none.json())).not.toContain("#1002");
  }, 60_000);

  it("refuses a malformed request (400) and an empty selection (422)", async () => {
    expect((await post(shop, "request-cancellation", { lineIds })).status).toBe(400);
    expect((await post(shop, "resend-email", { lineIds: "all", requestKey: randomUUID() })).status).toBe(400);
    expect((await post(shop, "resend-email", { lineIds: [], requestKey: randomUUID() })).status).toBe(422);
  });
});
