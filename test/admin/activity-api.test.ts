import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "activity-a.myshopify.com";
const T0 = new Date("2026-11-10T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("/api/activity", () => {
  let app: AdminTestApp;
  let shopId: string;
  beforeAll(async () => {
    app = await startAdminApp();
    shopId = await app.installShop(SHOP, { currency: "EUR" });
    const statuses = ["PENDING", "SENT", "FAILED", "SUPPRESSED", "SENT"] as const;
    // Two rows per instant for 5 instants, plus webhook rows at the same instants: ties everywhere.
    await app.deps.db.notification.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({
        shopId,
        kind: "restock",
        idempotencyKey: `act:${i}`,
        recipient: `shopper${i}@example.com`,
        status: statuses[i % 5]!,
        createdAt: at(Math.floor(i / 2)),
        sentAt: statuses[i % 5] === "SENT" ? at(Math.floor(i / 2)) : null,
        lastError: statuses[i % 5] === "FAILED" ? "550 mailbox unavailable" : null,
      })),
    });
    await app.deps.db.webhookEvent.createMany({
      data: [
        {
          shopDomain: SHOP,
          topic: "orders/create",
          eventKey: "e1",
          webhookId: "w1",
          body: "{}",
          status: "FAILED",
          attempts: 8,
          lastError: "boom",
          receivedAt: at(1),
        },
        {
          shopDomain: SHOP,
          topic: "orders/paid",
          eventKey: "e2",
          webhookId: "w2",
          body: "{}",
          status: "SKIPPED",
          attempts: 1,
          receivedAt: at(3),
        },
        {
          shopDomain: SHOP,
          topic: "orders/updated",
          eventKey: "e3",
          webhookId: "w3",
          body: "{}",
          status: "PROCESSED",
          attempts: 1,
          receivedAt: at(3),
        },
        {
          shopDomain: "other.myshopify.com",
          topic: "orders/create",
          eventKey: "e4",
          webhookId: "w4",
          body: "{}",
          status: "FAILED",
          attempts: 1,
          lastError: "x",
          receivedAt: at(3),
        },
      ],
    });
  });
  afterAll(() => app?.close());

  it("pages through notifications and failed or skipped webhooks, newest first, each exactly once", async () => {
    const seen: { source: string; id: string; at: string }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res = await app.api(SHOP, `/activity?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        items: { source: string; id: string; at: string }[];
        nextCursor: string | null;
      };
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(12); // 10 notifications + FAILED + SKIPPED of this shop
    expect(new Set(seen.map((s) => `${s.source}:${s.id}`)).size).toBe(12);
    const times = seen.map((s) => Date.parse(s.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen.filter((s) => s.source === "webhook")).toHaveLength(2);
  });

  it("shows recipients in full (the merchant's own customers) and errors", async () => {
    const { items } = await (await app.api(SHOP, "/activity?source=notifications&status=FAILED")).json();
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.recipient).toMatch(/^shopper\d+@example\.com$/);
      expect(item.error).toBe("550 mailbox unavailable");
    }
  });

  it("filters by source and by status", async () => {
    const webhooks = await (await app.api(SHOP, "/activity?source=webhooks")).json();
    expect(webhooks.items.map((i: { kind: string }) => i.kind)).toEqual(["orders/paid", "orders/create"]);
    const queued = await (
      await app.api(SHOP, "/activity?source=notifications&status=pending,sending")
    ).json();
    expect(queued.items.map((i: { status: string }) => i.status)).toEqual(["PENDING", "PENDING"]);
  });

  it.each([["cursor=garbage"], ["status=LOST"], ["limit=0"], ["source=everything"]])(
    "answers 400 for %s",
    async (query) => {
      expect((await app.api(SHOP, `/activity?${query}`)).status).toBe(400);
    },
  );

  it("sums alerts sent, conversions and revenue per day over the period", async () => {
    const [notification] = await app.deps.db.notification.findMany({
      where: { shopId, status: "SENT" },
      take: 1,
    });
    await app.deps.db.conversion.createMany({
      data: [
        {
          shopId,
          notificationId: notification!.id,
          orderId: 9007199254740993n,
          lineItemId: 1n,
          variantId: 2n,
          revenue: "19.99",
          createdAt: at(60),
        },
        {
          shopId,
          notificationId: notification!.id,
          orderId: 9007199254740995n,
          lineItemId: 3n,
          variantId: 2n,
          revenue: "0.02",
          createdAt: at(24 * 60),
        },
      ],
    });
    const res = await app.api(SHOP, "/activity/alerts?from=2026-11-09&to=2026-11-11");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      alertsSent: 4,
      alertsFailed: 2,
      conversions: 2,
      revenue: 20.01,
      currency: "EUR",
      conversionRate: 0.5,
    });
    expect(body.daily).toEqual([
      { date: "2026-11-09", sent: 0, conversions: 0, revenue: 0 },
      { date: "2026-11-10", sent: 4, conversions: 1, revenue: 19.99 },
      { date: "2026-11-11", sent: 0, conversions: 1, revenue: 0.02 },
    ]);
  });

  it.each([["from=2026-11-10&to=2026-11-01"], ["from=2020-01-01&to=2026-11-01"], ["from=yesterday"]])(
    "refuses the period %s",
    async (query) => {
      expect((await app.api(SHOP, `/activity/alerts?${query}`)).status).toBe(400);
    },
  );
});
