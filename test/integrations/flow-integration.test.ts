import fs from "node:fs";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationEventId } from "../../web/server/integrations/events/emit-integration-event.ts";
import { sendFlowTrigger } from "../../web/server/integrations/flow/send-flow-trigger.ts";
import { createSubscription } from "../../web/server/subscriptions/create-subscription.ts";
import { startEtaTestShop, type EtaTestShop } from "../etas/eta-test-shop.ts";
import { isoDaysFromToday } from "../helpers/future-date.ts";
import { waitFor } from "../helpers/wait-for.ts";

type TriggerToml = {
  extensions: { handle: string }[];
  settings: { fields: { type: string; key?: string }[] };
};

/** The payload keys a trigger's TOML declares: reference fields as <object>_id, the rest by key. */
function declaredKeys(dir: string): string[] {
  const toml = parse(
    fs.readFileSync(`extensions/${dir}/shopify.extension.toml`, "utf8"),
  ) as unknown as TriggerToml;
  return toml.settings.fields.map((f) => f.key ?? f.type.replace(/_reference$/, "_id")).sort();
}

describe("Shopify Flow: triggers through the simulator, the Set variant ETA action signed", () => {
  let t: EtaTestShop;
  let variantId: bigint;
  let productId: bigint;
  let n = 0;
  beforeAll(async () => {
    t = await startEtaTestShop("Flow Shop");
    const lamp = await t.addProduct("Lamp", [
      { title: "Default Title", sku: "LAMP-1", inventoryPolicy: "CONTINUE", available: 0 },
    ]);
    [variantId, productId] = [lamp.variantIds[0]!, lamp.productId];
    await t.app.startWorker();
  });
  afterAll(() => t?.close());
  const db = () => t.app.deps.db;
  const signup = (email = `flow${++n}@example.com`) =>
    createSubscription(
      t.app.deps,
      t.shopId,
      { email, variantId, locale: "en", marketingConsent: true, customerId: null },
      new Date(),
    );
  const lifecycle = (enabled: boolean, at: Date) =>
    t.sim.sendFlowLifecycle(`${t.app.url}/flow/lifecycle`, {
      shop: t.domain,
      handle: "back-in-stock-signup",
      enabled,
      at,
    });

  it("sends a trigger only once the shop enabled a workflow on it, with the payload its TOML declares", async () => {
    await signup("before@example.com");
    const unsigned = await fetch(`${t.app.url}/flow/lifecycle`, { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(401);
    expect((await lifecycle(true, new Date())).status).toBe(200);
    expect(await db().flowTriggerState.findMany({ where: { shopId: t.shopId } })).toMatchObject([
      { handle: "back-in-stock-signup", enabled: true },
    ]);
    await signup("ada@example.com");
    const [trigger] = await waitFor(async () =>
      t.sim.getFlowTriggers(t.domain).length ? t.sim.getFlowTriggers(t.domain) : null,
    );
    expect(trigger!.handle).toBe("back-in-stock-signup");
    expect(trigger!.payload).toEqual({
      product_id: Number(productId),
      "Variant ID": String(variantId),
      SKU: "LAMP-1",
      Email: "ada@example.com",
      "Marketing consent": false, // double opt-in: consent counts once the address is confirmed
    });
    expect(Object.keys(trigger!.payload).sort()).toEqual(declaredKeys("flow-back-in-stock-signup"));
    expect(t.sim.getFlowTriggers(t.domain)).toHaveLength(1); // the signup before enabling sent nothing

    // Idempotent: sending the same event again does not trigger Flow twice. The worker records the
    // send once Flow has answered, a moment after the simulator counted the trigger: wait for that.
    const sub = await db().subscription.findFirstOrThrow({ where: { email: "ada@example.com" } });
    const eventId = integrationEventId(t.shopId, "subscription.created", sub.id);
    await waitFor(() =>
      db().integrationSend.findFirst({
        where: { eventId, target: "flow:back-in-stock-signup", sentAt: { not: null } },
      }),
    );
    expect(await sendFlowTrigger(t.app.workerDeps, eventId, "back-in-stock-signup")).toBe("skipped");
    expect(t.sim.getFlowTriggers(t.domain)).toHaveLength(1);
  });

  it("an older lifecycle callback changes nothing; a newer one turns the trigger off", async () => {
    await lifecycle(false, new Date(Date.now() - 3600_000));
    expect((await db().flowTriggerState.findFirstOrThrow({ where: { shopId: t.shopId } })).enabled).toBe(
      true,
    );
    await lifecycle(false, new Date(Date.now() + 1000));
    expect((await db().flowTriggerState.findFirstOrThrow({ where: { shopId: t.shopId } })).enabled).toBe(
      false,
    );
    const before = t.sim.getFlowTriggers(t.domain).length;
    await signup("after@example.com");
    // No integration is on any more: the event is not even recorded, so nothing can reach Flow.
    expect(await db().integrationEvent.count({ where: { email: "after@example.com" } })).toBe(0);
    expect(t.sim.getFlowTriggers(t.domain)).toHaveLength(before);
  });

  it("every trigger's payload matches its extension's fields", async () => {
    const { flowTriggerPayload } =
      await import("../../web/server/integrations/flow/flow-trigger-payloads.ts");
    const variant = { id: "1", productId: "2", sku: "S" };
    const cases: [string, string, Record<string, unknown>][] = [
      [
        "backorder.created",
        "flow-backorder-created",
        { order: { id: "3" }, line: { id: "4" }, variant, units: 2, eta: null },
      ],
      [
        "backorder.ready",
        "flow-backorder-ready",
        { order: { id: "3" }, line: { id: "4" }, variant, units: 0, eta: "2027-01-02" },
      ],
      [
        "eta.changed",
        "flow-eta-changed",
        { variant, eta: "2027-01-02", message: null, openBackorderLines: 1 },
      ],
      [
        "variant.back_in_stock",
        "flow-variant-back-in-stock",
        { variant, available: 3, subscribersWaiting: 2 },
      ],
    ];
    for (const [type, dir, data] of cases) {
      expect(Object.keys(flowTriggerPayload(type, data)).sort(), type).toEqual(declaredKeys(dir));
    }
  });

  it("the Set variant ETA action, signed by Flow, sets the ETA; bad input and bad signatures are refused", async () => {
    const url = `${t.app.url}/flow/actions/set-variant-eta`;
    const eta = isoDaysFromToday(25);
    const call = (properties: Record<string, unknown>) =>
      t.sim.callFlowAction(url, { shop: t.domain, handle: "set-variant-eta", properties });
    const ok = await call({
      "Variant ID": `gid://shopify/ProductVariant/${variantId}`,
      ETA: eta,
      Message: "From Lyon",
    });
    expect(ok.status).toBe(200);
    const row = await db().variantEta.findUniqueOrThrow({
      where: { shopId_variantId: { shopId: t.shopId, variantId } },
    });
    expect([row.etaDate?.toISOString().slice(0, 10), row.message]).toEqual([eta, "From Lyon"]);

    expect((await call({ "Variant ID": String(variantId), ETA: "2027-02-30" })).status).toBe(422);
    expect((await call({ ETA: eta })).status).toBe(400);
    expect((await call({ "Variant ID": "999999", ETA: eta })).status).toBe(422);
    const forged = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-hmac-sha256": Buffer.alloc(32).toString("base64"),
      },
      body: JSON.stringify({
        shopify_domain: t.domain,
        properties: { "Variant ID": String(variantId), ETA: "2030-01-01" },
      }),
    });
    expect(forged.status).toBe(401);
    const after = await db().variantEta.findUniqueOrThrow({
      where: { shopId_variantId: { shopId: t.shopId, variantId } },
    });
    expect(after.etaDate?.toISOString().slice(0, 10)).toBe(eta);
  });
});
