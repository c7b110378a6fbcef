import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startBackorderFixture,
  type BackorderFixture,
  type BackorderShop,
} from "../backorders/backorder-fixture.ts";
import { customerOrderBody, deliverWebhook, type FaultCustomer } from "./support/customer-webhooks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { signUp, signedProxyQuery } from "./support/proxy-request.ts";

// Request hygiene: a NUL byte at every entry point answers 422 and writes nothing; a delivery
// replayed beyond Shopify's 48 h retry horizon is recorded and flagged, not processed.

const OTTO: FaultCustomer = {
  id: "7310000000000002",
  email: "otto.brennan@example.com",
  first: "Ottoline",
  last: "Brennan",
  phone: "+4915187654321",
};

let f: BackorderFixture;
let shop: BackorderShop;
let variantId: bigint;
let nextId = 7_320_000_000_000_000n;

beforeAll(async () => {
  f = await startBackorderFixture();
  shop = await f.addShop();
  ({ variantId } = await f.addVariant(shop, "Storm Shell", 0, "2031-03-01"));
  await f.sync(shop);
}, 120_000);
afterAll(() => f?.close());

function deliver(topic: string, body: string, triggeredAt = new Date()): Promise<Response> {
  return deliverWebhook(f.app.url, shop.domain, topic, body, triggeredAt);
}

function orderBody(c: FaultCustomer, orderId: bigint, lineId: bigint): string {
  return customerOrderBody(shop.domain, variantId, c, orderId, lineId);
}

describe("request hygiene", () => {
  it("a NUL byte in any text field answers 422 with a message, never 500, and writes nothing", async ({
    task,
  }) => {
    const token = await f.sim.mintSessionToken({ shop: shop.domain });
    const api = (path: string, init: RequestInit) =>
      fetch(`${f.app.url}/api${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
      });
    const json = { "Content-Type": "application/json" };
    const nulOrder = orderBody({ ...OTTO, first: "Nul\\u0000Name" }, nextId++, nextId++);
    const attempts: [string, () => Promise<Response>][] = [
      ["webhook JSON", () => deliver("orders/create", nulOrder)],
      [
        "proxy signup",
        () =>
          signUp(f.app.url, shop.domain, { email: "nul\u0000@example.com", variant_id: String(variantId) }),
      ],
      [
        "proxy query",
        () =>
          fetch(
            `${f.app.url}/proxy/eta?${signedProxyQuery(shop.domain, [["variant_ids", `${variantId}\u0000`]])}`,
          ),
      ],
      [
        "/api settings JSON",
        () => api("/settings", { method: "PUT", headers: json, body: '{"senderName":"Shop\\u0000"}' }),
      ],
      [
        "/api ETA JSON",
        () => api(`/etas/${variantId}`, { method: "PUT", headers: json, body: '{"message":"soon\\u0000"}' }),
      ],
      [
        "CSV import",
        () =>
          api("/etas/import", {
            method: "POST",
            headers: { "Content-Type": "text/csv" },
            body: `variant_id,eta_date,message\n${variantId},2031-05-01,soon\u0000\n`,
          }),
      ],
      [
        "CSV import as JSON",
        () =>
          api("/etas/import", {
            method: "POST",
            headers: json,
            body: JSON.stringify({ csv: `variant_id,eta_date,message\n${variantId},2031-05-01,x\u0000\n` }),
          }),
      ],
      [
        "CSV import in the background",
        () =>
          api(`/etas/imports?requestKey=${crypto.randomUUID()}`, {
            method: "POST",
            headers: { "Content-Type": "text/csv" },
            body: `variant_id,eta,message\n${variantId},2031-05-01,soon\u0000\n`,
          }),
      ],
      ["/api query", () => api("/etas?query=%00", { method: "GET" })],
    ];
    const statuses: Record<string, number> = {};
    const answers: Record<string, string> = {};
    for (const [name, send] of attempts) {
      const res = await send();
      statuses[name] = res.status;
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      answers[name] = `${res.status} ${/NUL/.test(body.message ?? "") ? "NUL message" : body.message}`;
    }
    expect(answers).toEqual(Object.fromEntries(attempts.map(([name]) => [name, "422 NUL message"])));
    // A legitimate escaped backslash followed by "u0000" is text, not a NUL: accepted.
    const literal = await api("/settings", {
      method: "PUT",
      headers: json,
      body: '{"senderName":"Shop \\\\u0000"}',
    });
    expect(literal.status).toBe(200);
    expect(
      (await f.app.deps.db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).senderName,
    ).toBe("Shop \\u0000");
    reportFaultRow(task, {
      test: "19.h NUL byte in text",
      events: attempts.length,
      lost: 0,
      duplicates: 0,
      fiveXx: Object.values(statuses).filter((s) => s >= 500).length,
      note: `${attempts.length} entry points (webhook, proxy body and query, /api JSON and query, CSV) answer 422`,
    });
  });

  it("a delivery triggered beyond Shopify's 48 h retry horizon is recorded, flagged in the activity log, not processed", async ({
    task,
  }) => {
    const db = f.app.deps.db;
    const staleOrder = nextId++;
    const fresh = nextId++;
    const old = new Date(Date.now() - 49 * 3600_000);
    expect((await deliver("orders/create", orderBody(OTTO, staleOrder, nextId++), old)).status).toBe(200);
    expect(
      (await deliver("orders/create", orderBody(OTTO, fresh, nextId++), new Date(Date.now() - 47 * 3600_000)))
        .status,
    ).toBe(200);
    await f.settle();
    expect(await db.order.count({ where: { shopId: shop.id, orderId: staleOrder } })).toBe(0);
    expect(await db.order.count({ where: { shopId: shop.id, orderId: fresh } })).toBe(1);
    const token = await f.sim.mintSessionToken({ shop: shop.domain });
    const activity = (await (
      await fetch(`${f.app.url}/api/activity?source=webhooks`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as { items: { kind: string; status: string; error: string | null }[] };
    const flagged = activity.items.filter((i) => i.error?.startsWith("stale delivery"));
    expect(flagged.map((i) => [i.kind, i.status])).toEqual([["orders/create", "SKIPPED"]]);
    expect(flagged[0]!.error).toContain(old.toISOString());
    reportFaultRow(task, {
      test: "19.h stale X-Shopify-Triggered-At",
      events: 2,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: "49 h old delivery recorded and SKIPPED with a flag in the activity log; 47 h old processed",
    });
  });
});
