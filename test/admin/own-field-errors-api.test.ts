// The admin's field errors from the app's own checks (not zod's) are worded in the admin's language
// like zod's are (docs/api-errors.md): a French admin read "unknown variant ids: …" before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "own-checks.myshopify.com";
const VARIANT = 9007199254745001n;

describe("field errors of the app's own checks, in the admin's language", () => {
  let app: AdminTestApp;
  beforeAll(async () => {
    app = await startAdminApp();
    const shopId = await app.installShop(SHOP);
    await app.deps.db.product.create({ data: { shopId, productId: 1n, title: "Mug", handle: "mug" } });
    await app.deps.db.variant.create({
      data: {
        shopId,
        variantId: VARIANT,
        productId: 1n,
        title: "Blue",
        inventoryPolicy: "CONTINUE",
        tracked: true,
      },
    });
  });
  afterAll(() => app?.close());

  const send = async (language: string, method: string, path: string, body: unknown) => {
    const res = await fetch(`${app.url}/api${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await app.token(SHOP)}`,
        "Content-Type": "application/json",
        "Accept-Language": language,
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(422);
    return ((await res.json()) as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors;
  };
  const window = { windowStartsAt: "2031-01-02T10:00:00.000Z", windowEndsAt: "2031-01-01T10:00:00.000Z" };

  it.each([
    ["fr", "Variantes inconnues\u00a0: 42", "Saisissez une heure postérieure au début de la période"],
    ["de", "Unbekannte Varianten: 42", "Gib eine Zeit nach dem Beginn des Zeitraums ein"],
    ["es", "Variantes desconocidas: 42", "Introduce una hora posterior al inicio del período"],
    ["ja", "Unknown variants: 42", "Enter a time after the window starts"],
  ])("%s: an unknown variant and a window ending before it starts", async (language, variants, after) => {
    const bulk = await send(language, "POST", "/etas/bulk", { variantIds: ["42"], eta: "2031-01-01" });
    expect(bulk.variantIds).toEqual([variants]);
    const control = await send(language, "PUT", `/controls/variants/${VARIANT}`, window);
    expect(control.windowEndsAt).toEqual([after]);
  });

  it("words an unknown location and a webhook address that is not one in French", async () => {
    const settings = await send("fr-CA", "PUT", "/settings", { countedLocationIds: ["77"] });
    expect(settings.countedLocationIds).toEqual(["Emplacements inconnus\u00a0: 77"]);
    const webhook = await send("fr", "POST", "/integrations/webhooks", {
      url: "not an address",
      events: ["backorder.created"],
    });
    expect(webhook.url).toEqual(["Saisissez une adresse web valide"]);
  });
});
