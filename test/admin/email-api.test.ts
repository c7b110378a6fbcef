import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultTemplate } from "../../web/server/emails/render/load-default-template.ts";
import { TEMPLATE_RENDER_LIMIT } from "../../web/server/emails/template-render-limit.ts";
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
      "renewal",
      "restock_reminder",
      "alerts_link",
    ]);
    expect(body.locales).toEqual(["en", "fr", "de", "es"]);
    expect(body.templates).toHaveLength(32);
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

  it("describes the variables in the admin's language (Accept-Language), English otherwise", async () => {
    const describe = async (language: string) => {
      const res = await fetch(`${app.url}/api/emails/templates/restock/en`, {
        headers: { Authorization: `Bearer ${await app.token(SHOP)}`, "Accept-Language": language },
      });
      const body = (await res.json()) as { variables: { name: string; description: string }[] };
      return body.variables.find((v) => v.name === "unsubscribe_url")?.description;
    };
    expect(await describe("fr-FR,fr;q=0.9")).toBe("Lien de désinscription en un clic");
    expect(await describe("de")).toBe("Abmeldelink mit einem Klick");
    expect(await describe("pt-BR")).toBe("One-click unsubscribe link");
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

  it("answers 422 'too slow / too large' for a template over the render budget, and saves nothing", async () => {
    const shop = "emails-slow.myshopify.com";
    const slowShopId = await app.installShop(shop);
    const nested = "{% for i in (1..3000) %}{% for j in (1..3000) %}{{ i }}{% endfor %}{% endfor %}";
    const slow =
      "<p>\n{% for i in (1..3000) %}{% for j in (1..300) %}{% assign x = j | plus: i | times: 3 | modulo: 7 %}{% endfor %}{% endfor %}</p>";
    for (const html of [nested, slow]) {
      const preview = await app.api(shop, "/emails/preview", {
        method: "POST",
        body: { kind: "restock", locale: "en", ...VALID, html },
      });
      const save = await app.api(shop, "/emails/templates/restock/en", {
        method: "PUT",
        body: { ...VALID, html },
      });
      for (const res of [preview, save]) {
        expect(res.status).toBe(422);
        expect((await res.json()).details.errors).toEqual([
          expect.objectContaining({ part: "html", message: expect.stringMatching(/^Too (slow|large)/) }),
        ]);
      }
    }
    expect(await app.deps.db.emailTemplate.count({ where: { shopId: slowShopId } })).toBe(0);
  });

  it("renders one preview of a shop at a time: the others answer 429 with Retry-After", async () => {
    const shop = "emails-parallel.myshopify.com";
    await app.installShop(shop);
    const slow =
      "{% for i in (1..3000) %}{% for j in (1..300) %}{% assign x = j | plus: i | times: 3 | modulo: 7 %}{% endfor %}{% endfor %}";
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        app.api(shop, "/emails/preview", {
          method: "POST",
          body: { kind: "restock", locale: "en", ...VALID, html: slow },
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([422, 429, 429]);
    expect(answers.filter((r) => r.status === 429).every((r) => r.headers.get("retry-after") === "1")).toBe(
      true,
    );
  });

  it("rate limits previews and saves per shop: 429 with Retry-After, other shops unaffected", async () => {
    const shop = "emails-busy.myshopify.com";
    await app.installShop(shop);
    // Windows are whole minutes: start early in one, so the run does not straddle two.
    const windowMs = TEMPLATE_RENDER_LIMIT.windowSeconds * 1000;
    if (Date.now() % windowMs > windowMs - 20_000)
      await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 500));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i <= TEMPLATE_RENDER_LIMIT.limit; i += 1) {
      const res = await app.api(shop, "/emails/preview", {
        method: "POST",
        body: { kind: "restock", locale: "en", ...VALID },
      });
      statuses.push(res.status);
      retryAfter = res.headers.get("retry-after");
    }
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const save = await app.api(shop, "/emails/templates/restock/en", { method: "PUT", body: VALID });
    expect(save.status).toBe(429);
    const other = await app.api(SHOP, "/emails/preview", {
      method: "POST",
      body: { kind: "restock", locale: "en", ...VALID },
    });
    expect(other.status).toBe(200);
  }, 60_000);

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
  ])("refuses a test send with %s (422: well-formed, refused by a rule)", async (_name, body) => {
    expect((await app.api(SHOP, "/emails/test-send", { method: "POST", body })).status).toBe(422);
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
