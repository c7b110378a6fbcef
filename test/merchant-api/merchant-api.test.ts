import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../web/server/merchant-api/api-keys.ts";
import type { Job } from "bullmq";
import { JOB_HANDLERS } from "../../jobs/job-handlers.ts";
import { pruneWebhookBodiesJob } from "../../web/server/queues/definitions/prune-webhook-bodies.ts";
import { isoDaysFromToday as addDays } from "../helpers/future-date.ts";
import { queuedJobs, startEtaTestShop, type EtaTestShop } from "../etas/eta-test-shop.ts";
import { callV1, createKeyInAdmin } from "./merchant-api-client.ts";

describe("merchant API (/api/v1)", () => {
  let t: EtaTestShop;
  let mug: bigint[];
  let writer: string;
  beforeAll(async () => {
    t = await startEtaTestShop("Merchant Api Shop");
    mug = (
      await t.addProduct("Mug", [
        { title: "Blue", sku: "MUG-BLUE", inventoryPolicy: "CONTINUE", available: -2 },
        { title: "Red", sku: "MUG-RED", inventoryPolicy: "CONTINUE", available: 0 },
      ])
    ).variantIds;
    writer = (await createKeyInAdmin(t, "read_write")).secret;
  });
  afterAll(() => t?.close());
  const db = () => t.app.deps.db;

  it("lives a key's life: secret once, used, last use shown, read key refused a write, revoked", async () => {
    const { apiKey, secret } = await createKeyInAdmin(t, "read", "ERP reader");
    expect(secret).toMatch(/^bhk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: "ERP reader",
      scope: "read",
      prefix: secret.slice(0, 12),
      lastUsedAt: null,
    });
    const listed = async () => {
      const body = await (await t.api("/integrations/api-keys")).json();
      expect(JSON.stringify(body)).not.toContain(secret.slice(12));
      return body.apiKeys.find((k: { id: string }) => k.id === apiKey.id);
    };
    // Only the hash is stored.
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));

    const read = await callV1(t, secret, `/etas/${mug[0]}`);
    expect(read.status).toBe(200);
    expect((await read.json()).variant.sku).toBe("MUG-BLUE");
    expect((await listed()).lastUsedAt).not.toBeNull();

    const write = await callV1(t, secret, `/etas/${mug[0]}`, { method: "PUT", json: { eta: addDays(9) } });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ error: "forbidden" });
    expect(await db().variantEta.count({ where: { variantId: mug[0]! } })).toBe(0);

    const revoked = await t.api(`/integrations/api-keys/${apiKey.id}/revoke`, { method: "POST" });
    expect(revoked.status).toBe(200);
    expect((await listed()).revokedAt).not.toBeNull();
    const after = await callV1(t, secret, `/etas/${mug[0]}`);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({
      error: "unauthorized",
      message: "Unknown or revoked API key",
    });
  });

  it.each([
    ["no header", null],
    ["an unknown key", "bhk_notarealkeyatallnotarealkeyatallnotareal"],
    ["a malformed header", "has spaces in it"],
  ])("answers 401 JSON to %s", async (_label, secret) => {
    const res = await callV1(t, secret, "/backorders");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect((await res.json()).error).toBe("unauthorized");
  });

  it("refuses the key of an uninstalled shop (401)", async () => {
    const gone = await db().shop.create({
      data: { domain: "uninstalled-api.myshopify.com", uninstalledAt: new Date() },
    });
    const { secret } = await createApiKey(db(), gone.id, { name: "left over", scope: "read" }, new Date());
    expect((await callV1(t, secret, "/backorders")).status).toBe(401);
    await db().shop.update({ where: { id: gone.id }, data: { uninstalledAt: null } });
    const ok = await callV1(t, secret, "/backorders");
    expect([ok.status, ok.headers.get("www-authenticate")]).toEqual([200, null]);
  });

  it("refuses a revoke of another shop's key (404) and never lists it", async () => {
    const other = await db().shop.create({ data: { domain: "other-api.myshopify.com" } });
    const { apiKey } = await createApiKey(db(), other.id, { name: "theirs", scope: "read" }, new Date());
    expect((await t.api(`/integrations/api-keys/${apiKey.id}/revoke`, { method: "POST" })).status).toBe(404);
    const { apiKeys } = await (await t.api("/integrations/api-keys")).json();
    expect(apiKeys.map((k: { id: string }) => k.id)).not.toContain(apiKey.id);
  });

  it("sets ETAs through the admin's service: the sync and the ETA-changed flow are queued", async () => {
    const eta = addDays(21);
    const res = await callV1(t, writer, `/etas/${mug[1]}`, {
      method: "PUT",
      json: { eta, message: "From Porto" },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).variant).toMatchObject({
      eta,
      message: "From Porto",
      explicit: { source: "api" },
    });
    const changed = await queuedJobs(t.app, "events", "eta-changed");
    expect(changed.map((j) => j.data)).toContainEqual({ shopId: t.shopId, variantIds: [mug[1]!.toString()] });

    const bulk = await callV1(t, writer, "/etas/bulk", {
      method: "POST",
      json: { variantIds: [String(mug[0]), "99999999999"], eta: addDays(30) },
    });
    expect(bulk.status).toBe(422);
    expect((await bulk.json()).details.fieldErrors.variantIds[0]).toContain("99999999999");
    expect(await db().variantEta.count({ where: { variantId: mug[0]! } })).toBe(0);
    const ok = await callV1(t, writer, "/etas/bulk", {
      method: "POST",
      json: { variantIds: [String(mug[0]), String(mug[1])], eta: addDays(30) },
    });
    expect(await ok.json()).toEqual({ updated: 2, moved: expect.arrayContaining([String(mug[0])]) });
  });

  it("subscribes with the storefront's rules, pages by cursor and unsubscribes", async () => {
    // A Flow trigger in use, so the shop's integration events are recorded.
    await db().flowTriggerState.create({
      data: { shopId: t.shopId, handle: "subscription-unsubscribed", enabled: true, changedAt: new Date() },
    });
    // Double opt-in is the default: PENDING, and a confirmation email is queued.
    const create = (email: string) =>
      callV1(t, writer, "/subscriptions", { method: "POST", json: { email, variantId: String(mug[0]) } });
    const first = await create("Ada@Example.com");
    expect(first.status).toBe(201);
    const { subscription } = await first.json();
    expect(subscription).toMatchObject({
      email: "ada@example.com",
      status: "PENDING",
      variantId: String(mug[0]),
    });
    const confirmation = await db().notification.findMany({ where: { subscriptionId: subscription.id } });
    expect(confirmation.map((n) => n.kind)).toEqual(["double_opt_in"]);
    const again = await create("ada@example.com");
    expect(again.status).toBe(200);
    expect((await again.json()).subscription.id).toBe(subscription.id);
    await create("bob@example.com");
    await create("cy@example.com");

    const unknown = await callV1(t, writer, "/subscriptions", {
      method: "POST",
      json: { email: "x@example.com", variantId: "12345678901" },
    });
    expect(unknown.status).toBe(422);

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await (
        await callV1(
          t,
          writer,
          `/subscriptions?variant=${mug[0]}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json();
      seen.push(...page.items.map((s: { email: string }) => s.email));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["cy@example.com", "bob@example.com", "ada@example.com"]);

    const gone = await callV1(t, writer, `/subscriptions/${subscription.id}`, { method: "DELETE" });
    expect(gone.status).toBe(200);
    expect((await gone.json()).subscription.status).toBe("UNSUBSCRIBED");
    expect(await db().suppression.count({ where: { shopId: t.shopId, email: "ada@example.com" } })).toBe(1);
    const events = await db().integrationEvent.findMany({
      where: { shopId: t.shopId, type: "subscription.unsubscribed" },
    });
    expect(events.map((e) => e.email)).toEqual(["ada@example.com"]);
  });

  it("lists backorder lines by filter and cursor, only the key's shop's", async () => {
    const other = await db().shop.create({ data: { domain: "other-lines.myshopify.com" } });
    const line = (shopId: string, n: number, status: "OPEN" | "READY", variantId: bigint) => ({
      shopId,
      orderId: 5_000_000_000_000_000_000n + BigInt(n),
      lineItemId: 7_000_000_000_000_000_000n + BigInt(n),
      variantId,
      status,
      quantity: 2,
      backorderedQuantity: 2,
      placedAt: new Date("2026-11-01T10:00:00Z"),
    });
    await db().backorderLine.createMany({
      data: [
        line(t.shopId, 1, "OPEN", mug[0]!),
        line(t.shopId, 2, "READY", mug[0]!),
        line(t.shopId, 3, "OPEN", mug[1]!),
        line(other.id, 4, "OPEN", mug[0]!),
      ],
    });
    const ids = async (query: string) => {
      const out: string[] = [];
      let cursor: string | null = "";
      while (cursor !== null) {
        const res = await callV1(
          t,
          writer,
          `/backorders?limit=1&${query}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        expect(res.status).toBe(200);
        const page = await res.json();
        out.push(...page.items.map((l: { lineItemId: string }) => l.lineItemId.slice(-1)));
        cursor = page.nextCursor;
      }
      return out;
    };
    expect(await ids("")).toEqual(["1", "2", "3"]);
    expect(await ids("status=OPEN")).toEqual(["1", "3"]);
    expect(await ids(`variant=${mug[0]}&status=OPEN,READY`)).toEqual(["1", "2"]);
    expect(await ids(`order=${5_000_000_000_000_000_002n}`)).toEqual(["2"]);
    expect((await callV1(t, writer, "/backorders?status=LOST")).status).toBe(400);
    expect((await callV1(t, writer, "/backorders?cursor=bm90LWEtbnVtYmVy")).status).toBe(400);
    expect((await callV1(t, writer, "/backorders?colour=red")).status).toBe(400);
  });

  describe("Idempotency-Key", () => {
    const put = (key: string, eta: string) =>
      callV1(t, writer, `/etas/${mug[0]}`, {
        method: "PUT",
        json: { eta },
        headers: { "Idempotency-Key": key },
      });

    it("replays the first answer for the same request, without running it again", async () => {
      const eta = addDays(40);
      const first = await put("replay-1", eta);
      expect(first.status).toBe(200);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      const firstBody = await first.json();
      // Changed since, by another request: a replay still answers what the first request got.
      await callV1(t, writer, `/etas/${mug[0]}`, { method: "PUT", json: { eta: addDays(41) } });
      const replay = await put("replay-1", eta);
      expect(replay.status).toBe(200);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(await replay.json()).toEqual(firstBody);
      const row = await db().variantEta.findFirstOrThrow({ where: { variantId: mug[0]! } });
      expect(row.etaDate?.toISOString().slice(0, 10)).toBe(addDays(41));
      // Refusals are answers too: a 422 replays as a 422.
      const bad = await put("replay-2", "2026-02-30");
      expect(bad.status).toBe(422);
      const badAgain = await put("replay-2", "2026-02-30");
      expect([badAgain.status, badAgain.headers.get("idempotent-replayed")]).toEqual([422, "true"]);
    });

    it("refuses the same key with another body (422) and while the first is in flight (409)", async () => {
      await put("mismatch-1", addDays(50));
      const other = await put("mismatch-1", addDays(51));
      expect(other.status).toBe(422);
      expect((await other.json()).message).toContain("another request");

      // The row as it is between the first request's claim and its answer.
      const first = await put("in-flight-2", addDays(52));
      const stored = await db().apiIdempotencyKey.findFirstOrThrow({ where: { key: "in-flight-2" } });
      await db().apiIdempotencyKey.update({
        where: { id: stored.id },
        data: { responseStatus: null, responseBody: undefined },
      });
      expect(first.status).toBe(200);
      const busy = await put("in-flight-2", addDays(52));
      expect(busy.status).toBe(409);
      expect((await busy.json()).error).toBe("conflict");

      // Two at once: one runs; the other is refused (409) or, if it came after, replayed.
      const both = await Promise.all([put("race-1", addDays(53)), put("race-1", addDays(53))]);
      const outcomes = both.map((r) => `${r.status}:${r.headers.get("idempotent-replayed") ?? "run"}`).sort();
      expect([
        ["200:run", "409:run"],
        ["200:run", "200:true"],
      ]).toContainEqual(outcomes);
    });

    it("frees a key after 24 h and the retention job deletes expired answers", async () => {
      await put("expiring-1", addDays(60));
      await db().apiIdempotencyKey.updateMany({
        where: { key: "expiring-1" },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      // Expired: the same key with another body runs as a new request.
      const fresh = await put("expiring-1", addDays(61));
      expect([fresh.status, fresh.headers.get("idempotent-replayed")]).toEqual([200, null]);
      await db().apiIdempotencyKey.updateMany({
        where: { key: "expiring-1" },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      // The hourly retention job's own handler, as the worker runs it.
      const retention = JOB_HANDLERS.find((h) => h.definition === pruneWebhookBodiesJob)!;
      await retention.run(t.app.deps, {}, {} as Job);
      expect(await db().apiIdempotencyKey.count({ where: { key: "expiring-1" } })).toBe(0);
    });
  });
});
