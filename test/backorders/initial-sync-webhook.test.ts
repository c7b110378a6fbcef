import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { syncShopJob } from "../../web/server/queues/definitions/sync-shop.ts";
import { createSimulator, type Simulator } from "../../simulator/create-simulator.ts";
import { startTestApp, TEST_API_KEY, TEST_API_SECRET, type TestApp } from "../helpers/start-test-app.ts";
import { webhookHeaders } from "../helpers/sign.ts";
import { waitFor } from "../helpers/wait-for.ts";

let sim: Simulator;
let app: TestApp;
beforeAll(async () => {
  sim = await createSimulator({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    webhookRetry: { attempts: 3, baseDelayMs: 50 },
  });
  app = await startTestApp({ env: { SHOPIFY_ADMIN_ORIGIN: sim.origin } });
  sim.setAppUrl(app.url);
  await app.startWorker();
}, 60_000);
afterEach(() => sim.webhooks.resume());
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

/** A shop with one product, installed the way a merchant does (first admin load, token exchange). */
async function install(name: string) {
  const shop = sim.createShop({ name }).domain;
  sim.createProduct(shop, {
    title: "Wool Scarf",
    variants: [{ title: "Default Title", price: "30.00", inventoryPolicy: "CONTINUE", inventory: 4 }],
  });
  const token = await sim.mintSessionToken({ shop });
  const res = await fetch(`${app.url}/api/shop`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return shop;
}

const synced = (domain: string) =>
  waitFor(async () => {
    const row = await app.deps.db.shop.findUniqueOrThrow({ where: { domain } });
    if (row.syncStatus === "FAILED") throw new Error("sync failed");
    return row.syncStatus === "DONE" ? row : null;
  }, 30_000);

const finishEvents = (domain: string) =>
  app.deps.db.webhookEvent.findMany({ where: { shopDomain: domain, topic: "bulk_operations/finish" } });

/** What the sync-shop jobs of a shop returned (the start, then each fallback poll). */
async function syncJobResults(shopId: string) {
  const jobs = await app.deps.queues.get(syncShopJob.queue).getJobs(["completed"]);
  return jobs
    .filter((j) => j.name === syncShopJob.name && (j.data as { shopId: string }).shopId === shopId)
    .map((j) => j.returnvalue as Record<string, unknown>);
}

describe("the initial sync and bulk_operations/finish", () => {
  it("install: the sync finishes from the webhook, and the activity log shows no 'no handler' row", async () => {
    const domain = await install("Finish Hook");
    const shop = await synced(domain);
    expect(await app.deps.db.variant.count({ where: { shopId: shop.id } })).toBe(1);
    // The handler marked the sync DONE; the event is marked PROCESSED right after it returns.
    const events = await waitFor(async () => {
      const rows = await finishEvents(domain);
      return rows.every((e) => e.status !== "RECEIVED") ? rows : null;
    }, 15_000);
    expect(events.map((e) => [e.status, e.lastError])).toEqual([["PROCESSED", null]]);
    // The webhook finished it: the start job ran, and no poll of the fallback stored the variants.
    await waitFor(async () => ((await syncJobResults(shop.id)).length > 0 ? true : null), 10_000);
    expect((await syncJobResults(shop.id)).filter((r) => "variants" in r)).toEqual([]);
    expect(shop.syncOperation).toBe(JSON.parse(events[0]!.body).admin_graphql_api_id);

    const token = await sim.mintSessionToken({ shop: domain });
    const res = await fetch(`${app.url}/api/activity?source=webhooks`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { kind: string; status: string; error: string | null }[];
    };
    expect(items).toEqual([]);
  }, 60_000);

  it("a lost webhook: the poll finishes the sync; the late webhook then changes nothing", async () => {
    sim.webhooks.pause();
    const domain = await install("Late Hook");
    const shop = await synced(domain);
    // The poll finished it (its job completes just after the sync is marked DONE).
    const polled = () => syncJobResults(shop.id).then((rs) => rs.filter((r) => "variants" in r));
    await waitFor(async () => ((await polled()).length > 0 ? true : null), 10_000);
    expect(await polled()).toEqual([{ variants: 1 }]);
    const statusReads = () =>
      sim.graphqlLog.filter((e) => e.shop === domain && e.operationName === "BackorderSyncStatus").length;
    const readsBefore = statusReads();
    // What the sync writes (the restock check after it may still flip aboveThreshold meanwhile).
    const syncedFields = async () => {
      const {
        aboveThreshold: _a,
        updatedAt: _u,
        ...row
      } = await app.deps.db.variant.findFirstOrThrow({
        where: { shopId: shop.id },
      });
      return row;
    };
    const variantBefore = await waitFor(
      async () => ((await syncedFields()).available === 4 ? syncedFields() : null),
      15_000,
    );

    sim.webhooks.resume();
    await sim.waitForDeliveries();
    await waitFor(
      async () => ((await finishEvents(domain))[0]?.status === "PROCESSED" ? true : null),
      15_000,
    );
    const after = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id } });
    expect(after.syncStatus).toBe("DONE");
    expect(after.syncedAt).toEqual(shop.syncedAt);
    expect(statusReads()).toBe(readsBefore);
    expect(await syncedFields()).toEqual(variantBefore);
    expect((await finishEvents(domain)).map((e) => e.lastError)).toEqual([null]);
  }, 60_000);

  it("a finish webhook for another operation of the shop (failed, or a mutation) changes nothing", async () => {
    const domain = await install("Other Operation");
    const shop = await synced(domain);
    for (const [id, status, type] of [
      ["gid://shopify/BulkOperation/1", "failed", "query"],
      [shop.syncOperation!, "completed", "mutation"],
    ] as const) {
      const body = JSON.stringify({
        admin_graphql_api_id: id,
        completed_at: "2026-12-06T10:00:00-05:00",
        created_at: "2026-12-06T09:59:00-05:00",
        error_code: status === "failed" ? "internal_server_error" : null,
        status,
        type,
      });
      const res = await fetch(`${app.url}/webhooks`, {
        method: "POST",
        headers: webhookHeaders({
          topic: "bulk_operations/finish",
          shop: domain,
          body,
          secret: TEST_API_SECRET,
        }),
        body,
      });
      expect(res.status).toBe(200);
    }
    await waitFor(async () => {
      const events = await finishEvents(domain);
      return events.length === 3 && events.every((e) => e.status === "PROCESSED") ? events : null;
    }, 15_000);
    const after = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id } });
    expect([after.syncStatus, after.syncedAt, after.syncOperation]).toEqual([
      "DONE",
      shop.syncedAt,
      shop.syncOperation,
    ]);
  }, 60_000);
});
