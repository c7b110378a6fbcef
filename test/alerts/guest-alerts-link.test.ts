// The guest's emailed link to the shopper alerts page, through the app proxy (docs/shoppers.md):
// the same answer for any address, an email only for one with alerts, GET/HEAD change nothing, the
// POST opens it once, the session it grants sees and cancels only that address's alerts in that shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { signProxyParams } from "../../web/server/proxy/verify-proxy-signature.ts";
import { TEST_API_SECRET } from "../helpers/start-test-app.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { addAlert, startAlertsFixture, type AlertsFixture, type TestShop } from "./alerts-fixture.ts";

describe("guest link to the alerts page", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  let other: TestShop;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Guest Shop");
    other = await fx.addShop("Other Shop");
    const parka = await shop.addVariant({ title: "Harbour Parka", stock: 0 });
    const cap = await shop.addVariant({ title: "Harbour Cap", stock: 0 });
    const elsewhere = await other.addVariant({ title: "Elsewhere Boot", stock: 0 });
    const add = (s: TestShop, email: string, variantId: bigint, status: "ACTIVE" | "PENDING" | "NOTIFIED") =>
      addAlert(fx.app, { shopId: s.id, variantId, email, status, locale: "fr" });
    ids.parka = await add(shop, "guest@example.com", parka.variantId, "ACTIVE");
    ids.cap = await add(shop, "guest@example.com", cap.variantId, "PENDING");
    ids.sent = await add(shop, "guest@example.com", cap.variantId, "NOTIFIED");
    ids.neighbour = await add(shop, "neighbour@example.com", cap.variantId, "ACTIVE");
    ids.elsewhere = await add(other, "guest@example.com", elsewhere.variantId, "ACTIVE");
    await fx.app.startWorker({ concurrency: 2 });
  });
  afterAll(() => fx?.close());

  const db = () => fx.app.deps.db;
  let openedSession = "";
  function proxied(s: TestShop, path: string, init: RequestInit & { ip?: string } = {}) {
    const params = new URLSearchParams({
      shop: s.domain,
      logged_in_customer_id: "",
      path_prefix: "/apps/backorder",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.set("signature", signProxyParams(params, TEST_API_SECRET));
    const headers = new Headers(init.headers);
    if (init.ip) headers.set("X-Forwarded-For", init.ip);
    return fetch(`${fx.app.url}/proxy${path}?${params}`, { ...init, headers });
  }
  const post = (s: TestShop, path: string, form: Record<string, string>, ip = "198.51.100.7") =>
    proxied(s, path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      ip,
    });
  const mailsTo = (email: string) => fx.smtp.messages.filter((m) => m.to.includes(email));
  const hidden = (page: string, name: string) =>
    [...page.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, "g"))].map((m) => m[1]!);
  /** The access path of the link in the newest email to `email` (after `seen` earlier ones). */
  async function linkPath(email: string, seen: number): Promise<string> {
    const mail = await waitFor(async () => mailsTo(email)[seen] ?? null);
    const text = parseMime(mail.raw).text!;
    const url = new URL(/https?:\/\/\S+\/apps\/backorder\/alerts\/access\/\S+/.exec(text)![0]);
    expect(url.hostname).toBe(shop.domain);
    return url.pathname.replace("/apps/backorder", "");
  }

  it("shows a guest the form, and answers any address the same", async () => {
    const page = await (await proxied(shop, "/alerts")).text();
    expect(page).toContain('action="/apps/backorder/alerts/link"');
    expect(page).toContain('name="email"');

    const unknown = await post(shop, "/alerts/link", { email: "nobody@example.com" });
    const known = await post(shop, "/alerts/link", { email: " Guest@Example.com " });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    const [a, b] = [await unknown.text(), await known.text()];
    expect(a).toBe(b);
    expect(a).toContain("If this address has back-in-stock alerts at this shop");

    const mail = parseMime((await waitFor(async () => mailsTo("guest@example.com")[0] ?? null)).raw);
    expect(mail.subject).toBe("Votre lien pour gérer vos alertes chez Guest Shop"); // the alerts' locale
    expect(mail.text).toContain("dans les 24 heures");
    // Nothing for an address without alerts, and the neighbour got nothing either.
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo("nobody@example.com")).toHaveLength(0);
    expect(await db().notification.count({ where: { shopId: shop.id, kind: "alerts_link" } })).toBe(1);
  });

  it("refuses an invalid address with 422 and nothing sent", async () => {
    const res = await post(shop, "/alerts/link", { email: "not an address" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter a valid email address.");
  });

  it("GET and HEAD change nothing; the POST opens the link once and lists only that address in that shop", async () => {
    const path = await linkPath("guest@example.com", 0);
    expect((await proxied(shop, path, { method: "HEAD" })).status).toBe(200);
    const shown = await proxied(shop, path);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toMatch(/^application\/liquid/);
    const buttonPage = await shown.text();
    expect(buttonPage).toContain("Show my alerts");
    expect(hidden(buttonPage, "token")).toHaveLength(0);
    expect(await db().shopperAlertLink.count({ where: { shopId: shop.id, usedAt: { not: null } } })).toBe(0);

    // The same link through another shop's proxy opens nothing.
    expect((await post(other, path, {})).status).toBe(404);

    const opened = await post(shop, path, {});
    expect(opened.status).toBe(200);
    const page = await opened.text();
    expect(page).toContain("Harbour Parka");
    expect(page).toContain("Harbour Cap");
    expect(page).not.toContain("Elsewhere Boot");
    expect(hidden(page, "token")).toHaveLength(2); // not the sent one, not the neighbour's
    const [session] = hidden(page, "session");
    openedSession = session!;
    expect(page).toContain('action="/apps/backorder/alerts/guest/cancel"');

    const again = await post(shop, path, {});
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This link was already used");
    expect((await proxied(shop, path)).status).toBe(410);

    // A cancel token of this page does not work with another address's session, nor in another shop.
    const [first] = hidden(page, "token");
    expect((await post(other, "/alerts/guest/cancel", { session: session!, token: first! })).status).toBe(
      401,
    );
    expect(
      (await post(shop, "/alerts/guest/cancel", { session: "forged.session", token: first! })).status,
    ).toBe(401);
    expect(
      (await post(shop, "/alerts/guest/cancel", { session: session!, token: ids.neighbour! })).status,
    ).toBe(403);

    const cancelled = await post(shop, "/alerts/guest/cancel", { session: session!, token: first! });
    expect(cancelled.status).toBe(200);
    const after = await cancelled.text();
    expect(after).toContain("Alert cancelled.");
    expect(hidden(after, "token")).toHaveLength(1);
    expect(hidden(after, "session")).toEqual([session]);
    const gone = await db().subscription.findMany({ where: { status: "UNSUBSCRIBED" } });
    expect(gone.map((s) => s.id)).toHaveLength(1);
    expect([ids.parka, ids.cap]).toContain(gone[0]!.id);
    expect(gone[0]!.activeKey).toBeNull();
    for (const id of [ids.neighbour!, ids.elsewhere!])
      expect((await db().subscription.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
  });

  it("says a link has expired after 24 hours, and a session ends after an hour", async () => {
    const seen = mailsTo("guest@example.com").length;
    expect((await post(shop, "/alerts/link", { email: "guest@example.com" }, "198.51.100.8")).status).toBe(
      200,
    );
    const path = await linkPath("guest@example.com", seen);
    const link = await db().shopperAlertLink.findFirstOrThrow({ where: { shopId: shop.id, usedAt: null } });
    // The session the previous test opened lasts an hour: still good a minute before.
    fx.clock.advanceMinutes(59);
    const [parkaOrCap] = hidden(
      await (await post(shop, "/alerts/guest/cancel", { session: openedSession, token: "x" })).text(),
      "token",
    );
    expect(parkaOrCap).toBeDefined();
    fx.clock.advanceMinutes(2);
    const ended = await post(shop, "/alerts/guest/cancel", { session: openedSession, token: parkaOrCap! });
    expect(ended.status).toBe(401);
    expect(await ended.text()).toContain("This page has timed out");

    fx.clock.advanceMinutes(24 * 60);
    const late = await proxied(shop, path);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("This link has expired");
    expect((await post(shop, path, {})).status).toBe(410);
    expect((await db().shopperAlertLink.findUniqueOrThrow({ where: { id: link.id } })).usedAt).toBeNull();
    expect(await db().subscription.count({ where: { status: "UNSUBSCRIBED" } })).toBe(1);
  });

  it("limits link requests per address and shop", async () => {
    // Two were asked for this address already (3 an hour); the limit counts before any lookup.
    const third = await post(shop, "/alerts/link", { email: "guest@example.com" }, "198.51.100.9");
    expect(third.status).toBe(200);
    const fourth = await post(shop, "/alerts/link", { email: "guest@example.com" }, "198.51.100.10");
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another shop's budget is its own.
    expect((await post(other, "/alerts/link", { email: "guest@example.com" }, "198.51.100.11")).status).toBe(
      200,
    );
  });
});
