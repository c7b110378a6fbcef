import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../create-simulator.ts";
import { createWebhookReceiver } from "../test-support/create-webhook-receiver.ts";

describe("/_sim console endpoints", () => {
  let sim: Simulator;
  let receiver: Awaited<ReturnType<typeof createWebhookReceiver>>;
  const call = async (method: string, path: string, body?: string) => {
    const res = await fetch(`${sim.origin}/_sim${path}`, {
      method,
      body,
      headers: { "Content-Type": "application/json" },
    });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  beforeAll(async () => {
    receiver = await createWebhookReceiver();
    sim = await createSimulator({ apiKey: "k", apiSecret: "s" }); // no app URL yet: deliveries are held
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it("seeds, orders with ids sent as raw big integers, and answers ids as exact strings", async () => {
    const seeded = await call("POST", "/seed", "{}");
    expect(seeded.status).toBe(201);
    const mug = seeded.body.products["stoneware-mug"].variants[0];
    expect(mug.variantId).toMatch(/^\d{16,}$/);
    // A raw integer above 2^53 in the request must not be rounded.
    const order = await call(
      "POST",
      "/shops/demo-shop.myshopify.com/orders",
      `{"email":"a@b.co","lines":[{"variantId":${mug.variantId},"quantity":2}]}`,
    );
    expect(order.status).toBe(201);
    expect(order.body.lineItems[0].variantId).toBe(mug.variantId);
    const denied = await call(
      "POST",
      "/shops/demo-shop.myshopify.com/orders",
      `{"email":"a@b.co","lines":[{"variantId":"${mug.variantId}","quantity":500}]}`,
    );
    expect(denied).toMatchObject({
      status: 422,
      body: { error: expect.stringContaining("not enough stock") },
    });
    expect((await call("GET", "/shops/nope.myshopify.com")).status).toBe(404);
    expect((await call("POST", "/shops/nope.myshopify.com/uninstall")).status).toBe(404);
  });

  it("holds webhooks until the app URL is known, then delivers them", async () => {
    expect(sim.webhooks.queued().length).toBeGreaterThan(0);
    sim.setAppUrl(receiver.url);
    await sim.waitForDeliveries();
    expect(receiver.byTopic("orders/create")).toHaveLength(1);
    const deliveries = await call("GET", "/deliveries");
    expect(deliveries.body.every((d: { status: number }) => d.status === 200)).toBe(true);
  });
});
