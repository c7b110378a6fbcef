import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordWebhook } from "../../web/server/webhooks/record-webhook.ts";
import { sweepWebhooks } from "../../jobs/webhooks/sweep-webhooks.ts";
import { signWebhookBody, webhookHeaders } from "../helpers/sign.ts";
import { startTestApp, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const SHOP = "ingress-test.myshopify.com";
// Above 2^53: JSON.parse would turn it into 820982911946154500.
const ORDER_ID = "820982911946154508";
const body = `{"id":${ORDER_ID},"email":"jon@example.com","line_items":[]}`;

describe("POST /webhooks", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { SHOPIFY_API_SECRET_PREVIOUS: "old-secret" } });
    await app.deps.db.shop.create({ data: { domain: SHOP, settings: { create: {} } } });
  });
  afterAll(() => app?.close());

  const post = (headers: Record<string, string>, payload: string = body) =>
    fetch(`${app.url}/webhooks`, { method: "POST", headers, body: payload });
  const eventCount = () => app.deps.db.webhookEvent.count();

  it("records a delivery once and processes it once when it arrives 5 times concurrently", async () => {
    const headers = webhookHeaders({ topic: "orders/paid", shop: SHOP, body, secret: TEST_API_SECRET });
    const before = await eventCount();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(headers)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const answers = await Promise.all(responses.map((r) => r.json() as Promise<{ duplicate: boolean }>));
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    expect(await eventCount()).toBe(before + 1);

    const worker = await app.startWorker();
    const row = await waitFor(async () => {
      const r = await app.deps.db.webhookEvent.findFirstOrThrow({
        where: { eventKey: { startsWith: `${headers["X-Shopify-Event-Id"]}#` } },
      });
      return r.status !== "RECEIVED" ? r : null;
    });
    // orders/paid has no handler: processed as SKIPPED, exactly one attempt.
    expect(row.status).toBe("SKIPPED");
    expect(row.attempts).toBe(1);
    expect(row.body).toContain(ORDER_ID); // the raw body keeps the 64-bit id exactly
    const again = await post(headers);
    expect(await again.json()).toMatchObject({ duplicate: true });
    await worker.close();
    const after = await app.deps.db.webhookEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.attempts).toBe(1);
  });

  it.each([
    ["a wrong signature", signWebhookBody(body, "not-the-secret")],
    ["a signature of another body", signWebhookBody(body + " ", TEST_API_SECRET)],
    ["a missing signature", undefined],
    ["garbage", "%%%"],
  ])("answers 401 and writes nothing for %s", async (_name, hmac) => {
    const before = await eventCount();
    const headers = webhookHeaders({ topic: "orders/create", shop: SHOP, body, secret: TEST_API_SECRET });
    if (hmac === undefined) delete (headers as Record<string, string | undefined>)["X-Shopify-Hmac-Sha256"];
    else headers["X-Shopify-Hmac-Sha256"] = hmac;
    const res = await post(headers);
    expect(res.status).toBe(401);
    expect(await eventCount()).toBe(before);
  });

  it.each(['{"id": 1,', "[1]", '"order"', ""])(
    "answers 400 for a correctly signed body that is not a JSON object (%j), and writes nothing",
    async (bad) => {
      const before = await eventCount();
      const res = await post(
        webhookHeaders({ topic: "orders/create", shop: SHOP, body: bad, secret: TEST_API_SECRET }),
        bad,
      );
      expect(res.status).toBe(400);
      expect(await eventCount()).toBe(before);
    },
  );

  it("answers 400 when Shopify's headers are missing", async () => {
    const headers = webhookHeaders({ topic: "orders/create", shop: SHOP, body, secret: TEST_API_SECRET });
    delete (headers as Record<string, string | undefined>)["X-Shopify-Webhook-Id"];
    const res = await post(headers);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ missing: ["X-Shopify-Webhook-Id"] });
  });

  it("accepts a webhook signed with the previous secret during a rotation", async () => {
    const res = await post(
      webhookHeaders({ topic: "orders/create", shop: SHOP, body, secret: "old-secret" }),
    );
    expect(res.status).toBe(200);
  });

  it("keeps events of different topics that share an X-Shopify-Event-Id (one merchant action)", async () => {
    const eventId = crypto.randomUUID();
    for (const topic of ["orders/create", "inventory_levels/update"]) {
      const res = await post(webhookHeaders({ topic, shop: SHOP, body, secret: TEST_API_SECRET, eventId }));
      expect(await res.json()).toMatchObject({ duplicate: false });
    }
    expect(await app.deps.db.webhookEvent.count({ where: { eventKey: { startsWith: `${eventId}#` } } })).toBe(
      2,
    );
  });

  it("keeps two deliveries of one topic and one action with different bodies, and collapses repeats", async () => {
    const eventId = crypto.randomUUID();
    const bodies = ['{"inventory_item_id":1,"available":3}', '{"inventory_item_id":2,"available":-1}'];
    for (const b of [...bodies, bodies[0]!]) {
      const headers = webhookHeaders({
        topic: "inventory_levels/update",
        shop: SHOP,
        body: b,
        secret: TEST_API_SECRET,
        eventId,
      });
      expect((await post(headers, b)).status).toBe(200);
    }
    expect(await app.deps.db.webhookEvent.count({ where: { eventKey: { startsWith: `${eventId}#` } } })).toBe(
      2,
    );
  });

  it("answers 5xx and acknowledges nothing while the database refuses connections", async () => {
    const dbName = new URL(app.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: app.databaseUrl.replace(`/${dbName}`, "/postgres") });
    await admin.connect();
    const headers = webhookHeaders({ topic: "orders/create", shop: SHOP, body, secret: TEST_API_SECRET });
    try {
      await admin.query(`alter database ${dbName} allow_connections false`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [
        dbName,
      ]);
      const res = await post(headers);
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      await admin.query(`alter database ${dbName} allow_connections true`);
      await admin.end();
    }
    const count = await waitFor(async () => {
      try {
        return {
          n: await app.deps.db.webhookEvent.count({ where: { eventKey: headers["X-Shopify-Event-Id"] } }),
        };
      } catch {
        return null;
      }
    });
    expect(count.n).toBe(0); // nothing recorded, so nothing was acknowledged
    const retry = await post(headers); // Shopify retries after the 5xx
    expect(retry.status).toBe(200);
  });

  it("sweeps an event recorded but never enqueued (crash between record and enqueue) and processes it", async () => {
    const eventKey = crypto.randomUUID();
    const { id } = await recordWebhook(
      app.deps.db,
      {
        topic: "app/uninstalled",
        shopDomain: SHOP,
        webhookId: eventKey,
        eventKey,
        apiVersion: "2026-07",
        triggeredAt: new Date(),
      },
      JSON.stringify({ id: 1, domain: SHOP }),
    );
    await app.deps.db.session.create({
      data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "shpat_x", isOnline: false },
    });
    await app.deps.db.webhookEvent.update({
      where: { id },
      data: { receivedAt: new Date(Date.now() - 120_000) },
    });
    const swept = await sweepWebhooks(app.workerDeps);
    expect(swept).toBeGreaterThanOrEqual(1);
    const worker = await app.startWorker();
    const row = await waitFor(async () => {
      const r = await app.deps.db.webhookEvent.findUniqueOrThrow({ where: { id } });
      return r.status === "PROCESSED" ? r : null;
    });
    expect(row.attempts).toBe(1);
    // app/uninstalled: sessions gone, shop marked uninstalled
    expect(await app.deps.db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(
      (await app.deps.db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt,
    ).not.toBeNull();
    await worker.close();
  });
});
