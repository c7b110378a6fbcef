import { dkimVerify } from "mailauth/lib/dkim/verify.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { variantStockChangedJob } from "../../web/server/queues/definitions/variant-stock-changed.ts";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { buildNotificationEmail } from "../../web/server/notifications/build-notification-email.ts";
import { loadEmailShop } from "../../web/server/notifications/email-send-caches.ts";
import { createDkimMailer, createDkimTestKeys } from "../helpers/dkim-test-keys.ts";
import { waitFor } from "../helpers/wait-for.ts";
import { randomToken, startAlertsFixture, type AlertsFixture } from "./alerts-fixture.ts";

const DOMAIN = "mail.backorder-hub.test";
const SELECTOR = "wave2026";
const keys = createDkimTestKeys(SELECTOR, [DOMAIN]);

// Non-ASCII everywhere a customer reads it, and a title long enough to need quoted-printable wrapping.
const SHOP_NAME = "Grüne Wolle & Söhne „Manufaktur“";
const TITLE = `Strickmütze „Grün“ – ${"handgestrickt aus Merino, ".repeat(8)}Größe M`;
const RECIPIENTS = [
  "anna@example.com",
  "o'brien+wave@example.com",
  "zoë.müller@bücher.example",
  "long.address.with.many.parts.for.wrapping.checks.of.this.email@example.com",
];

describe("a restock wave's emails as received", () => {
  let fx: AlertsFixture;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    fx.app.workerDeps.mailer = createDkimMailer(fx.smtp.url, {
      domain: DOMAIN,
      selector: SELECTOR,
      privateKey: keys.privateKey,
    });
    await fx.app.startWorker({ concurrency: 5 });
  });
  afterAll(async () => {
    fx?.app.workerDeps.mailer?.close();
    await fx?.close();
  });

  it("are well-formed MIME, each with its own links and IDs, as a per-subscriber render would be, and DKIM-signed", async () => {
    const shop = await fx.addShop(SHOP_NAME, { waveMultiplier: 0, sendRatePerSecond: 0 });
    const v = await shop.addVariant({ title: TITLE, stock: 0 });
    const locales = ["de", "en", "fr", "de"];
    await fx.app.deps.db.subscription.createMany({
      data: RECIPIENTS.map((email, i) => ({
        shopId: shop.id,
        variantId: v.variantId,
        email,
        locale: locales[i]!,
        status: "ACTIVE" as const,
        activeKey: `${v.variantId}:${email}`,
        confirmToken: randomToken(),
        unsubscribeToken: randomToken().slice(0, 32),
        confirmedAt: new Date(),
      })),
    });
    fx.sim.setInventory(shop.domain, v.inventoryItemId, shop.locationId, 50);
    await fx.app.deps.queues.enqueue(variantStockChangedJob, {
      shopId: shop.id,
      variantId: String(v.variantId),
    });
    const rows = await waitFor(async () => {
      const sent = await fx.app.deps.db.notification.findMany({ where: { shopId: shop.id, status: "SENT" } });
      return sent.length === RECIPIENTS.length ? sent : null;
    }, 30_000);

    const emailShop = (await loadEmailShop(fx.app.workerDeps, shop.id))!;
    const seen = new Set<string>();
    for (const row of rows) {
      const subscription = await fx.app.deps.db.subscription.findUniqueOrThrow({
        where: { id: row.subscriptionId! },
      });
      const received = fx.smtp.messages.filter((m) => m.to.includes(row.recipient.toLowerCase()));
      expect(received).toHaveLength(1);
      const raw = received[0]!.raw;

      // Byte-level MIME: CRLF line ends only, 7-bit bodies, quoted-printable lines <= 76.
      expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const [head, ...rest] = raw.split("\r\n\r\n");
      const body = rest.join("\r\n\r\n");
      expect(body).toMatch(/^[\x20-\x7e\r\n\t]*$/);
      for (const line of body.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
      for (const line of head!.split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
      expect(body.match(/Content-Transfer-Encoding: quoted-printable/g)).toHaveLength(2);

      // The same content as rendering the email for this subscriber alone.
      const alone = await buildNotificationEmail(fx.app.workerDeps, emailShop, row);
      if (!alone.ok || "raw" in alone.email) throw new Error("the reference render failed");
      const mail = parseMime(raw);
      expect(mail.subject).toBe(alone.email.subject);
      expect(mail.subject).toContain("Strickmütze „Grün“");
      expect(mail.html).toBe(alone.email.html);
      expect(mail.text).toBe(alone.email.text.replace(/\r\n/g, "\n"));
      expect(mail.from.replaceAll('"', "")).toBe(`${SHOP_NAME.replaceAll('"', "")} <no-reply@localhost>`);
      expect(mail.to).toBe(row.recipient);

      // Its own identifiers and links: Message-ID, one-click unsubscribe, signed product link.
      const unsubscribe = `/unsubscribe/${subscription.unsubscribeToken}`;
      expect(received[0]!.messageId).toBe(`<${row.id}@backorder-hub>`);
      expect(head!.match(/^Message-ID:/gim)).toHaveLength(1);
      expect(head).toMatch(new RegExp(`^List-Unsubscribe: <http[^>\\r\\n]+${unsubscribe}>$`, "m"));
      expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(mail.html).toContain(unsubscribe);
      expect(mail.text).toContain(unsubscribe);
      expect(mail.html).toContain(`bh_token=${subscription.id}.`);
      expect(mail.text).toContain(`bh_token=${subscription.id}.`);
      seen.add(subscription.id);

      const verified = await dkimVerify(raw, { resolver: keys.resolver });
      expect(verified.results.map((r) => [r.signingDomain, r.status?.result])).toContainEqual([
        DOMAIN,
        "pass",
      ]);
    }
    expect(seen.size).toBe(RECIPIENTS.length);
  }, 60_000);
});
