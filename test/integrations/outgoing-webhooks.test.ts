import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { attemptJobId, deliverWebhook } from "../../web/server/integrations/outgoing/deliver-webhook.ts";
import { createSubscription } from "../../web/server/subscriptions/create-subscription.ts";
import { startEtaTestShop, type EtaTestShop } from "../etas/eta-test-shop.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { startWebhookReceiver } from "./webhook-receiver.ts";

describe("outgoing webhooks (Standard Webhooks)", () => {
  let t: EtaTestShop;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let variantId: bigint;
  let n = 0;
  beforeAll(async () => {
    t = await startEtaTestShop("Hooks Shop");
    receiver = await startWebhookReceiver();
    variantId = (
      await t.addProduct("Lamp", [
        { title: "Default Title", sku: "LAMP", inventoryPolicy: "DENY", available: 0 },
      ])
    ).variantIds[0]!;
    await t.app.startWorker();
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    await t.app.deps.db.webhookEndpoint.deleteMany({});
  });

  const db = () => t.app.deps.db;
  const createEndpoint = async (events: string[] = ["subscription.created"]) => {
    const res = await t.api("/integrations/webhooks", {
      method: "POST",
      json: { url: `${receiver.url}/hooks`, events },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { endpoint: { id: string }; secret: string };
  };
  const signup = (email = `buyer${++n}@example.com`) =>
    createSubscription(
      t.app.deps,
      t.shopId,
      { email, variantId, locale: "en", marketingConsent: false, customerId: null },
      new Date(),
    );

  it("signs each delivery so an independent Standard Webhooks verifier accepts it", async () => {
    const { endpoint, secret } = await createEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    // The secret is shown once: neither the list nor the row holds it in clear.
    const listed = await (await t.api("/integrations/webhooks")).json();
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    const row = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.secret).not.toContain(secret.slice(6));

    await signup("signer@example.com");
    const got = await waitFor(async () => receiver.received[0]);
    expect(got.path).toBe("/hooks");
    const verified = new Webhook(secret).verify(got.body, got.headers) as {
      type: string;
      data: { subscription: { email: string }; variant: unknown };
    };
    expect(verified.type).toBe("subscription.created");
    expect(verified.data.subscription.email).toBe("signer@example.com");
    expect(verified.data.variant).toMatchObject({ id: String(variantId), sku: "LAMP", productTitle: "Lamp" });
    expect(got.headers["webhook-id"]).toMatch(/^evt_[0-9a-f]{32}$/);
    // A different secret does not verify it.
    expect(() =>
      new Webhook("whsec_" + Buffer.from("x".repeat(24)).toString("base64")).verify(got.body, got.headers),
    ).toThrow();
    const delivery = await waitFor(() =>
      db().webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: "SUCCEEDED" } }),
    );
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 200 });
  });

  it("retries a delivery answered 500, with the same webhook-id, and lists it with its attempts", async () => {
    const { endpoint } = await createEndpoint();
    receiver.answer(500);
    await signup();
    const pending = await waitFor(() =>
      db().webhookDelivery.findFirst({ where: { endpointId: endpoint.id, attempts: 1 } }),
    );
    expect(pending).toMatchObject({ status: "PENDING", lastStatusCode: 500, lastError: "HTTP 500" });
    expect(pending.nextAttemptAt!.getTime() - pending.lastAttemptAt!.getTime()).toBe(5_000);
    // The second attempt waits in BullMQ as a delayed job; start it now instead of waiting.
    const job = await t.app.deps.queues.get("events").getJob(attemptJobId(pending.id, 2));
    expect(await job!.isDelayed()).toBe(true);
    await job!.promote();
    const done = await waitFor(() =>
      db().webhookDelivery.findFirst({ where: { id: pending.id, status: "SUCCEEDED" } }),
    );
    expect(done.attempts).toBe(2);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([
      receiver.received[0]!.headers["webhook-id"],
      receiver.received[0]!.headers["webhook-id"],
    ]);
    const list = await (await t.api(`/integrations/webhooks/${endpoint.id}/deliveries`)).json();
    expect(list.deliveries).toMatchObject([
      {
        id: pending.id,
        status: "SUCCEEDED",
        attempts: 2,
        lastStatusCode: 200,
        eventType: "subscription.created",
      },
    ]);

    // Redeliver: one more attempt, same id and body.
    const again = await t.api(`/integrations/webhooks/${endpoint.id}/deliveries/${pending.id}/redeliver`, {
      method: "POST",
    });
    expect(again.status).toBe(200);
    await waitFor(() =>
      db().webhookDelivery.findFirst({ where: { id: pending.id, status: "SUCCEEDED", attempts: 3 } }),
    );
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]!.body).toBe(receiver.received[1]!.body);
  });

  it("signs with both secrets during a rotation", async () => {
    const { endpoint, secret: oldSecret } = await createEndpoint();
    const rotated = await t.api(`/integrations/webhooks/${endpoint.id}/rotate-secret`, { method: "POST" });
    const { secret: newSecret } = (await rotated.json()) as { secret: string };
    expect(newSecret).not.toBe(oldSecret);
    await signup();
    const got = await waitFor(async () => receiver.received[0]);
    expect(got.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(newSecret).verify(got.body, got.headers)).toBeTruthy();
    expect(new Webhook(oldSecret).verify(got.body, got.headers)).toBeTruthy();
    // Once the window is over, only the new secret signs.
    await db().webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    await signup();
    const later = await waitFor(async () => receiver.received[1]);
    expect(() => new Webhook(oldSecret).verify(later.body, later.headers)).toThrow();
    expect(new Webhook(newSecret).verify(later.body, later.headers)).toBeTruthy();
  });

  it("disables an endpoint that has failed for 24 hours and says so in the list", async () => {
    const { endpoint } = await createEndpoint();
    await db().webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 24 * 3600_000 - 60_000) },
    });
    receiver.answer(503);
    await signup();
    const failed = await waitFor(() =>
      db().webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: "FAILED" } }),
    );
    expect(failed).toMatchObject({ attempts: 1, lastStatusCode: 503, nextAttemptAt: null });
    const { endpoints } = await (await t.api("/integrations/webhooks")).json();
    expect(endpoints[0]).toMatchObject({
      id: endpoint.id,
      enabled: false,
      disabledReason: "Every delivery failed for 24 hours",
    });
    // No new deliveries while disabled; re-enabling starts the clock over.
    await signup();
    const reenabled = await t.api(`/integrations/webhooks/${endpoint.id}`, {
      method: "PATCH",
      json: { enabled: true },
    });
    expect(await reenabled.json()).toMatchObject({
      endpoint: { enabled: true, disabledAt: null, failingSince: null },
    });
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });

  it("a delivery answered while the merchant deletes its endpoint: the delete wins, nothing throws", async () => {
    const { endpoint } = await createEndpoint();
    const event = await db().integrationEvent.create({
      data: { id: "evt_race_with_delete", shopId: t.shopId, type: "subscription.created", payload: {} },
    });
    const delivery = await db().webhookDelivery.create({
      data: { shopId: t.shopId, endpointId: endpoint.id, eventId: event.id },
    });
    let deleted = 0;
    receiver.whileAnswering(async () => {
      deleted = (await t.api(`/integrations/webhooks/${endpoint.id}`, { method: "DELETE" })).status;
    });
    // The endpoint (and by cascade the delivery) is gone by the time the outcome is recorded.
    expect(await deliverWebhook(t.app.deps, delivery.id, 1)).toBe("endpoint_deleted");
    expect(deleted).toBe(204);
    expect(await db().webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
    expect(await db().webhookDelivery.count({ where: { id: delivery.id } })).toBe(0);
  });

  it("refuses bad input with 4xx and keeps every endpoint to its shop", async () => {
    const bad = await t.api("/integrations/webhooks", {
      method: "POST",
      json: { url: "ftp://x", events: ["subscription.created"] },
    });
    expect(bad.status).toBe(422);
    const noEvents = await t.api("/integrations/webhooks", {
      method: "POST",
      json: { url: `${receiver.url}/x`, events: ["nope"] },
    });
    expect(noEvents.status).toBe(422);
    expect((await t.api("/integrations/webhooks/not-a-uuid", { method: "DELETE" })).status).toBe(400);
    const other = await db().shop.create({ data: { domain: "other-hooks.myshopify.com" } });
    const foreign = await db().webhookEndpoint.create({
      data: { shopId: other.id, url: "https://example.com/", events: ["subscription.created"], secret: "x" },
    });
    expect((await t.api(`/integrations/webhooks/${foreign.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await t.api(`/integrations/webhooks/${foreign.id}/deliveries`)).status).toBe(404);
    expect(await db().webhookEndpoint.count({ where: { id: foreign.id } })).toBe(1);
    expect(await db().webhookEndpoint.count({ where: { shopId: t.shopId } })).toBe(0);
  });
});
