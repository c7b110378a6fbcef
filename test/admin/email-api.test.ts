import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultTemplate } from "../../web/server/emails/render/load-default-template.ts";
import { startAdminApp, type AdminTestApp } from "./helpers/start-admin-app.ts";

const SHOP = "emails-a.myshopify.com";
const VALID = {
  subject: "{{ variant.product_title }} is back at {{ shop.name }}",
  html: "<p>Good news!</p>\n<p>{{ variant.product_title }} is back.</p>",
  text: "{{ variant.product_title }} is back: {{ variant.url }}",
};
// Line 2 has an unclosed tag.
const BROKEN_HTML = "<p>Hello</p>\n<p>{% if variant.title %}{{ variant.title }}</p>";

describe("/api/emails", () => {
  let app: AdminTestApp;
  let shopId: string;
  beforeAll(async () => {
    app = await startAdminApp();
    shopId = await app.installShop(SHOP, { name: "Alpine Test Shop" });
  });
  afterAll(() => app?.close());

  it("lists every kind and locale, all defaults at first", async () => {
    const body = await (await app.api(SHOP, "/emails/templates")).json();
    expect(body.kinds).toEqual([
      "double_opt_in",
      "restock",
      "backorder_confirmation",
      "eta_changed",
      "backorder_ready",
    ]);
    expect(body.locales).toEqual(["en", "fr", "de", "es"]);
    expect(body.templates).toHaveLength(20);
    expect(body.templates.every((t: { customized: boolean }) => !t.customized)).toBe(true);
  });

  it("returns the shipped default with its variables", async () => {
    const res = await app.api(SHOP, "/emails/templates/restock/fr");
    expect(res.status).toBe(200);
    const body = await res.json();
    const shipped = await loadDefaultTemplate("restock", "fr");
    expect(body.template).toMatchObject({ kind: "restock", locale: "fr", customized: false, ...shipped });
    expect(body.defaults).toEqual(shipped);
    expect(body.variables.map((v: { name: string }) => v.name)).toContain("unsubscribe_url");
  });

  it.each([
    ["an unknown kind", "/emails/templates/welcome/en"],
    ["an unknown locale", "/emails/templates/restock/it"],
  ])("answers 404 for %s", async (_name, path) => {
    expect((await app.api(SHOP, path)).status).toBe(404);
  });

  it("refuses invalid Liquid with the part, line, column and message, and saves nothing", async () => {
    const res = await app.api(SHOP, "/emails/templates/restock/en", {
      method: "PUT",
      body: { ...VALID, html: BROKEN_HTML },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.details.errors).toEqual([
      expect.objectContaining({
        part: "html",
        line: 2,
        column: expect.any(Number),
        message: expect.stringMatching(/if/),
      }),
    ]);
    expect(await app.deps.db.emailTemplate.count({ where: { shopId } })).toBe(0);
  });

  it("refuses an unknown filter (strict filters) and an empty subject", async () => {
    const filter = await app.api(SHOP, "/emails/templates/restock/en", {
      method: "PUT",
      body: { ...VALID, text: "{{ shop.name | shout }}" },
    });
    expect(filter.status).toBe(422);
    expect((await filter.json()).details.errors[0]).toMatchObject({ part: "text", line: 1 });
    const empty = await app.api(SHOP, "/emails/templates/restock/en", {
      method: "PUT",
      body: { ...VALID, subject: "{{ nothing }}" },
    });
    expect((await empty.json()).details.errors[0]).toMatchObject({
      part: "subject",
      message: "The subject is empty",
    });
  });

  it("saves a valid override, lists it as customized, and resets it to the default", async () => {
    const put = await app.api(SHOP, "/emails/templates/restock/en", { method: "PUT", body: VALID });
    expect(put.status).toBe(200);
    expect((await put.json()).template).toMatchObject({ customized: true, ...VALID });
    const list = await (await app.api(SHOP, "/emails/templates")).json();
    expect(list.templates.filter((t: { customized: boolean }) => t.customized)).toEqual([
      expect.objectContaining({ kind: "restock", locale: "en" }),
    ]);

    const reset = await app.api(SHOP, "/emails/templates/restock/en", { method: "DELETE" });
    expect(reset.status).toBe(200);
    expect((await reset.json()).template).toMatchObject({
      customized: false,
      ...(await loadDefaultTemplate("restock", "en")),
    });
    expect(await app.deps.db.emailTemplate.count({ where: { shopId } })).toBe(0);
  });

  it("names the variables the kind does not provide, in the preview and on save", async () => {
    const misspelled = { ...VALID, html: "<p>{{ variant.product_title }}</p>\n<p>{{ varient.title }}</p>" };
    const warning = {
      part: "html",
      line: 2,
      column: 7,
      variable: "varient.title",
      message: "Unknown variable {{ varient.title }}: this email has no such variable, so it prints nothing",
    };
    const preview = await app.api(SHOP, "/emails/preview", {
      method: "POST",
      body: { kind: "restock", locale: "en", ...misspelled },
    });
    expect(preview.status).toBe(200);
    expect((await preview.json()).warnings).toEqual([warning]);
    const put = await app.api(SHOP, "/emails/templates/restock/fr", { method: "PUT", body: misspelled });
    expect(put.status).toBe(200);
    expect((await put.json()).warnings).toEqual([warning]);
    const clean = await app.api(SHOP, "/emails/preview", {
      method: "POST",
      body: { kind: "restock", locale: "en", ...VALID },
    });
    expect((await clean.json()).warnings).toEqual([]);
    await app.api(SHOP, "/emails/templates/restock/fr", { method: "DELETE" });
  });

  it("previews the given source with sample data and the shop's name, inside the layout", async () => {
    const res = await app.api(SHOP, "/emails/preview", {
      method: "POST",
      body: { kind: "restock", locale: "en", ...VALID },
    });
    expect(res.status).toBe(200);
    const { preview } = await res.json();
    expect(preview.subject).toBe("Merino Trail Hoodie is back at Alpine Test Shop");
    expect(preview.html).toContain("<p>Merino Trail Hoodie is back.</p>");
    expect(preview.html).toMatch(/<html/i);
    expect(preview.text).toContain("Merino Trail Hoodie is back: https://");
  });

  it("previews in the requested language with that language's sample data", async () => {
    const res = await app.api(SHOP, "/emails/preview", {
      method: "POST",
      body: { kind: "restock", locale: "fr", ...VALID },
    });
    expect((await res.json()).preview.subject).toBe("Sweat à capuche en mérinos is back at Alpine Test Shop");
  });

  it("answers 422 with the line for a preview of invalid Liquid", async () => {
    const res = await app.api(SHOP, "/emails/preview", {
      method: "POST",
      body: { kind: "restock", locale: "en", ...VALID, html: BROKEN_HTML },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).details.errors[0]).toMatchObject({ part: "html", line: 2 });
  });

  it("queues a test send as a notification to the given address", async () => {
    const res = await app.api(SHOP, "/emails/test-send", {
      method: "POST",
      body: { kind: "backorder_ready", locale: "de", to: "Merchant@Example.com" },
    });
    expect(res.status).toBe(202);
    const { notificationId } = await res.json();
    const row = await app.deps.db.notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(row).toMatchObject({
      shopId,
      kind: "backorder_ready",
      locale: "de",
      recipient: "merchant@example.com",
      status: "PENDING",
    });
    expect(row.idempotencyKey).toMatch(new RegExp(`^test:${shopId}:backorder_ready:de:`));
    expect(row.context).toMatchObject({ test: true, sample: { order: { name: "#1042" } } });
    const job = await app.deps.queues.get("email").getJob(`mail-${notificationId}`);
    expect(job?.data).toEqual({ notificationId });
  });

  it.each([
    ["a bad address", { kind: "restock", locale: "en", to: "not-an-email" }],
    ["an unknown kind", { kind: "welcome", locale: "en", to: "a@example.com" }],
  ])("refuses a test send with %s", async (_name, body) => {
    expect((await app.api(SHOP, "/emails/test-send", { method: "POST", body })).status).toBe(400);
  });

  it("caps test sends per shop per hour", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await app.api(SHOP, "/emails/test-send", {
        method: "POST",
        body: { kind: "restock", locale: "en", to: `m${i}@example.com` },
      });
      statuses.push(res.status);
    }
    // One was sent by the previous test: the 20th of the hour passes, the 21st is refused.
    expect(statuses.slice(0, 19).every((s) => s === 202)).toBe(true);
    expect(statuses[19]).toBe(429);
  });
});
