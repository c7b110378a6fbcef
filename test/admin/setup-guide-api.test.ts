import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SetupGuideResponse } from "../../web/contract/api-responses.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "setup-a.myshopify.com";
const OTHER = "setup-b.myshopify.com";

describe("/api/setup-guide", () => {
  let app: AdminTestApp;
  let shopId: string;
  beforeAll(async () => {
    app = await startAdminApp();
    shopId = await app.installShop(SHOP);
    await app.installShop(OTHER);
    const db = app.deps.db;
    await db.product.create({ data: { shopId, productId: 10n, title: "Hoodie" } });
    const variant = (variantId: bigint, available: number, inventoryPolicy = "CONTINUE") => ({
      shopId,
      variantId,
      productId: 10n,
      title: `V${variantId}`,
      available,
      inventoryPolicy,
      tracked: true,
    });
    // Backordered with no ETA: 101 and 102. 103 has a date; 104 is in stock; 105 does not sell on.
    await db.variant.createMany({
      data: [
        variant(101n, -2),
        variant(102n, 0),
        variant(103n, -1),
        variant(104n, 4),
        variant(105n, -1, "DENY"),
      ],
    });
    await db.variantEta.create({ data: { shopId, variantId: 103n, etaDate: new Date("2027-01-10") } });
  });
  afterAll(() => app?.close());

  const guide = async (domain = SHOP) => {
    const res = await app.api(domain, "/setup-guide");
    expect(res.status).toBe(200);
    return ((await res.json()) as SetupGuideResponse).guide;
  };

  it("counts backordered variants without an ETA and links the theme editor to each block", async () => {
    const g = await guide();
    expect(g.variantsWithoutEta).toBe(2);
    expect(g.dismissed).toBe(false);
    expect(g.steps.find((s) => s.id === "etas")?.done).toBe(false);
    expect(g.steps.find((s) => s.id === "sender")?.done).toBe(false);
    const key = app.deps.config.apiKey;
    expect(g.themeEditorUrls.eta_block).toBe(
      `https://${SHOP}/admin/themes/current/editor?template=product&addAppBlockId=${key}/backorder-eta&target=mainSection`,
    );
    expect(g.themeEditorUrls.notify_block).toContain(`addAppBlockId=${key}/notify-me&`);
    // The count is the ETA list's "no_eta" view, row for row.
    const list = await app.api(SHOP, "/etas?filter=no_eta");
    const body = (await list.json()) as { variants: { variantId: string }[]; total: number };
    expect(body.total).toBe(2);
    expect(body.variants.map((v) => v.variantId).sort()).toEqual(["101", "102"]);
  });

  it("keeps ticked steps and the dismissal per shop, in the database", async () => {
    const put = await app.api(SHOP, "/setup-guide", {
      method: "PUT",
      body: { step: { id: "eta_block", done: true } },
    });
    expect(put.status).toBe(200);
    await app.api(SHOP, "/setup-guide", { method: "PUT", body: { step: { id: "eta_block", done: true } } });
    await app.api(SHOP, "/setup-guide", { method: "PUT", body: { dismissed: true } });
    const row = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(row.setupStepsDone).toEqual(["eta_block"]);
    expect(row.setupDismissedAt).not.toBeNull();
    const g = await guide();
    expect(g.dismissed).toBe(true);
    expect(g.steps.find((s) => s.id === "eta_block")?.done).toBe(true);
    const other = await guide(OTHER);
    expect(other.dismissed).toBe(false);
    expect(other.steps.find((s) => s.id === "eta_block")?.done).toBe(false);
  });

  it("refuses an unknown step with a 422 and writes nothing", async () => {
    const res = await app.api(SHOP, "/setup-guide", {
      method: "PUT",
      body: { step: { id: "sync", done: true } },
    });
    expect(res.status).toBe(422);
    const empty = await app.api(SHOP, "/setup-guide", { method: "PUT", body: {} });
    expect(empty.status).toBe(422);
    const row = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(row.setupStepsDone).toEqual(["eta_block"]);
  });

  it("marks the sender step done once a sender name and reply-to are saved", async () => {
    await app.api(SHOP, "/settings", {
      method: "PUT",
      body: { senderName: "Alpine", replyTo: "help@alpine.example" },
    });
    expect((await guide()).steps.find((s) => s.id === "sender")?.done).toBe(true);
  });

  it("shows the sync's progress and restarts only a failed sync, once", async () => {
    await app.deps.db.shop.update({
      where: { id: shopId },
      data: { syncStatus: "RUNNING", syncTotal: 1200, syncStored: 500 },
    });
    expect((await guide()).sync).toEqual({ status: "RUNNING", stored: 500, total: 1200 });
    expect((await app.api(SHOP, "/setup-guide/sync", { method: "POST" })).status).toBe(409);
    await app.deps.db.shop.update({ where: { id: shopId }, data: { syncStatus: "FAILED" } });
    const [first, second] = await Promise.all([
      app.api(SHOP, "/setup-guide/sync", { method: "POST" }),
      app.api(SHOP, "/setup-guide/sync", { method: "POST" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    const row = await app.deps.db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(row.syncStatus).toBe("PENDING");
    expect(row.syncStored).toBe(0);
  });
});
