import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createWebhookBatcher,
  type WebhookBatcher,
} from "../../web/server/webhooks/create-webhook-batcher.ts";
import { storeWebhookBatch } from "../../web/server/webhooks/store-webhook-batch.ts";
import { webhookRoutes } from "../../web/server/webhooks/webhook-routes.ts";
import { webhookHeaders } from "../helpers/sign.ts";
import { startTestApp, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";

const SHOP = "batching-test.myshopify.com";
const POISON = "refused-by-the-database";

type Sent = { eventId: string; status: number; duplicate?: boolean };

/**
 * The ingress route on its own server with a batcher the test can observe. The table is held
 * locked while deliveries arrive, so which batch each one lands in is decided by the test, not by
 * timing: the first batch waits on the lock, everything after gathers behind it.
 */
describe("webhook ingress batches", () => {
  let app: TestApp;
  let admin: pg.Client;
  let server: Server;
  let url: string;
  let batcher: WebhookBatcher;

  beforeAll(async () => {
    app = await startTestApp();
    admin = new pg.Client({ connectionString: app.databaseUrl });
    await admin.connect();
    batcher = createWebhookBatcher((batch) => storeWebhookBatch(app.deps, batch), { maxInFlight: 1 });
    const web = express().use(webhookRoutes(app.deps, batcher));
    server = web.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await admin?.end();
    await app?.close();
  });

  const deliver = async (body: string, eventId: string = crypto.randomUUID()): Promise<Sent> => {
    const headers = webhookHeaders({
      topic: "orders/create",
      shop: SHOP,
      body,
      secret: TEST_API_SECRET,
      eventId,
    });
    const res = await fetch(url, { method: "POST", headers, body });
    const answer = (await res.json()) as { duplicate?: boolean };
    return { eventId, status: res.status, ...(res.status === 200 ? { duplicate: answer.duplicate } : {}) };
  };

  /** Holds the table locked, sends `first`, then `rest` once `first`'s batch waits on the lock. */
  async function deliverBehindLock(first: string, rest: string[]): Promise<{ first: Sent; rest: Sent[] }> {
    await admin.query("BEGIN");
    await admin.query(`LOCK TABLE "WebhookEvent" IN EXCLUSIVE MODE`);
    let released = false;
    try {
      const firstSent = deliver(first);
      await waitFor(async () => (batcher.backlog.inFlight === 1 && batcher.backlog.pending === 0) || null);
      const restSent = rest.map((body) => deliver(body));
      await waitFor(async () => batcher.backlog.pending === rest.length || null);
      await admin.query("COMMIT");
      released = true;
      return { first: await firstSent, rest: await Promise.all(restSent) };
    } finally {
      if (!released) await admin.query("ROLLBACK");
    }
  }

  const rowsOf = async (eventIds: string[]) =>
    (
      await admin.query<{ eventKey: string; xmin: string }>(
        `SELECT "eventKey", xmin::text AS xmin FROM "WebhookEvent" WHERE split_part("eventKey", '#', 1) = ANY($1)`,
        [eventIds],
      )
    ).rows;

  it("records deliveries that arrive while a batch is being stored in one transaction, each answered once stored", async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: 7_000 + i, line_items: [] }));
    const { first, rest } = await deliverBehindLock('{"id":6999}', bodies);
    expect([first, ...rest].map((s) => [s.status, s.duplicate])).toEqual(
      Array.from({ length: 13 }, () => [200, false]),
    );
    const firstRows = await rowsOf([first.eventId]);
    const restRows = await rowsOf(rest.map((s) => s.eventId));
    expect(restRows).toHaveLength(12);
    // xmin is the inserting transaction: the twelve share one, the first batch had its own.
    expect(new Set(restRows.map((r) => r.xmin)).size).toBe(1);
    expect(restRows[0]!.xmin).not.toBe(firstRows[0]!.xmin);
  });

  it("answers every member of a batch PostgreSQL refuses 5xx, stores none of them, and takes them all on retry", async () => {
    await admin.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."body" LIKE '%${POISON}%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`);
    await admin.query(`CREATE TRIGGER refuse_poison BEFORE INSERT ON "WebhookEvent"
      FOR EACH ROW EXECUTE FUNCTION refuse_poison()`);
    const bodies = Array.from({ length: 8 }, (_, i) =>
      JSON.stringify({ id: 8_000 + i, note: i === 5 ? POISON : null, line_items: [] }),
    );
    let outcome: { first: Sent; rest: Sent[] };
    try {
      outcome = await deliverBehindLock('{"id":7999}', bodies);
    } finally {
      await admin.query(`DROP TRIGGER refuse_poison ON "WebhookEvent"; DROP FUNCTION refuse_poison()`);
    }
    const { first, rest } = outcome;
    expect(first.status).toBe(200);
    expect(rest.map((s) => s.status)).toEqual(Array.from({ length: 8 }, () => 503));
    expect(await rowsOf([first.eventId])).toHaveLength(1);
    expect(await rowsOf(rest.map((s) => s.eventId))).toEqual([]); // nothing acknowledged, nothing stored

    // Shopify retries each one with the same ids and bodies: all are taken, exactly once.
    const retried = await Promise.all(rest.map((s, i) => deliver(bodies[i]!, s.eventId)));
    expect(retried.map((s) => [s.status, s.duplicate])).toEqual(
      Array.from({ length: 8 }, () => [200, false]),
    );
    expect(await rowsOf(rest.map((s) => s.eventId))).toHaveLength(8);
    const again = await deliver('{"id":7999}', first.eventId);
    expect(again).toMatchObject({ status: 200, duplicate: true });
  });

  it("stores a repeat of a delivery within one batch once, answering the repeat as a duplicate", async () => {
    const eventId = crypto.randomUUID();
    const headers = webhookHeaders({
      topic: "orders/paid",
      shop: SHOP,
      body: '{"id":9000}',
      secret: TEST_API_SECRET,
      eventId,
    });
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        batcher.record({ headers: toHeaders(headers), body: '{"id":9000}', receivedAt: new Date() }),
      ),
    );
    expect(results.map((r) => r.duplicate)).toEqual([false, true, true]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await rowsOf([eventId])).toHaveLength(1);
  });

  it("answers a committed batch while its enqueue still runs, and past the backlog's limit waits for its own", async () => {
    const queueAnswers = Promise.withResolvers<void>();
    let enqueues = 0;
    const queues = Object.create(app.deps.queues) as typeof app.deps.queues;
    queues.enqueueBulk = () => {
      enqueues += 1;
      return queueAnswers.promise as never;
    };
    const deps = { ...app.deps, queues };
    const backlog = { running: 0, limit: 1 };
    const delivery = (id: number) => {
      const body = JSON.stringify({ id, line_items: [] });
      const headers = webhookHeaders({ topic: "orders/create", shop: SHOP, body, secret: TEST_API_SECRET });
      return { headers: toHeaders(headers), body, receivedAt: new Date() };
    };
    // Within the limit: answered once committed, the enqueue still running behind it.
    const [first] = await storeWebhookBatch(deps, [delivery(9_100)], backlog);
    expect(first).toMatchObject({ duplicate: false, processed: false });
    expect([enqueues, backlog.running]).toEqual([1, 1]);
    // Past it: the answer waits for the batch's own enqueue.
    let answered = false;
    const second = storeWebhookBatch(deps, [delivery(9_101)], backlog).then((r) => {
      answered = true;
      return r;
    });
    await waitFor(async () => enqueues === 2 || null);
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    queueAnswers.resolve();
    expect((await second)[0]).toMatchObject({ duplicate: false });
    expect(backlog.running).toBe(0);
  });
});

function toHeaders(h: Record<string, string>) {
  return {
    topic: h["X-Shopify-Topic"]!,
    shopDomain: h["X-Shopify-Shop-Domain"]!,
    webhookId: h["X-Shopify-Webhook-Id"]!,
    eventKey: h["X-Shopify-Event-Id"]!,
    apiVersion: h["X-Shopify-API-Version"]!,
    triggeredAt: null,
  };
}
