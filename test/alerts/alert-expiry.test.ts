import { messageText } from "../helpers/smtp-catcher.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepAlertExpiryJob } from "../../web/server/queues/definitions/sweep-alert-expiry.ts";
import { sweepAlertExpiry } from "../../web/server/subscriptions/sweep-alert-expiry.ts";
import { signRenewToken } from "../../web/server/subscriptions/subscription-tokens.ts";
import { waitFor } from "../helpers/wait-for.ts";
import {
  addSubscribers,
  startAlertsFixture,
  type AlertsFixture,
  type TestShop,
  type TestVariant,
} from "./alerts-fixture.ts";

const DAY = 24 * 3600 * 1000;

describe("alerts that expire, and renewal", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  let quiet: TestShop;
  let variant: TestVariant;
  let due: string[]; // 175 days old: in the last week of the default 180
  let old: string; // 181 days old: expires at once
  let young: string; // 100 days old: nothing yet
  let quietDue: string; // due, but its shop turned the renewal email off
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Expiry Shop");
    quiet = await fx.addShop("Quiet Shop", { renewalEmailEnabled: false, alertExpiryDays: 30 });
    variant = await shop.addVariant({ title: "Summit Jacket", stock: 0 });
    const quietVariant = await quiet.addVariant({ title: "Trail Cap", stock: 0 });
    const ago = (days: number) => new Date(fx.clock.now.getTime() - days * DAY);
    due = await addSubscribers(fx.app, shop.id, variant.variantId, 2, "due", ago(175));
    old = (await addSubscribers(fx.app, shop.id, variant.variantId, 1, "old", ago(181)))[0]!;
    young = (await addSubscribers(fx.app, shop.id, variant.variantId, 1, "young", ago(100)))[0]!;
    quietDue = (await addSubscribers(fx.app, quiet.id, quietVariant.variantId, 1, "quiet", ago(25)))[0]!;
    await fx.app.startWorker({ concurrency: 5 });
  });
  afterAll(() => fx?.close());

  const db = () => fx.app.deps.db;
  const sub = (email: string) => db().subscription.findFirstOrThrow({ where: { email } });
  const renewLink = async (email: string) => {
    const mail = await waitFor(async () => fx.smtp.messages.find((m) => m.to.includes(email)) ?? null);
    const match = /\/subscriptions\/renew\/([A-Za-z0-9_.-]+)/.exec(messageText(mail.raw));
    expect(match).not.toBeNull();
    return { mail, url: `${fx.app.url}/subscriptions/renew/${match![1]}` };
  };

  it("expires old alerts and emails those in their last week once (daily job)", async () => {
    await fx.app.deps.queues.enqueue(sweepAlertExpiryJob, {});
    await waitFor(async () => ((await sub(old)).status === "EXPIRED" ? true : null));
    expect(await sub(old)).toMatchObject({ activeKey: null });
    for (const email of due) {
      const { mail } = await renewLink(email);
      expect(mail.subject).toBe("Still interested in Summit Jacket?");
      expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expect((await sub(email)).status).toBe("ACTIVE");
    }
    await waitFor(async () =>
      (await db().notification.count({ where: { kind: "renewal", status: "SENT" } })) === 2 ? true : null,
    );
    // Run again: nothing new expires, nobody gets a second email.
    expect(await sweepAlertExpiry(fx.app.workerDeps)).toMatchObject({ expired: 0, renewalEmails: 0 });
    expect(await db().notification.count({ where: { kind: "renewal" } })).toBe(2);
    expect(fx.smtp.countTo(young)).toBe(0);
    expect(fx.smtp.countTo(quietDue)).toBe(0); // the shop turned the email off
    expect((await sub(young)).status).toBe("ACTIVE");
  });

  it("renews by POST only: GET and HEAD change nothing; the clock restarts", async () => {
    const [renewed, lapsed] = due as [string, string];
    const { url } = await renewLink(renewed);
    const get = await fetch(url);
    expect(get.status).toBe(200);
    const body = await get.text();
    expect(body).toContain("Summit Jacket");
    expect(body).toContain(`action="${new URL(url).pathname}"`);
    expect((await fetch(url, { method: "HEAD" })).status).toBe(200);
    expect((await sub(renewed)).renewedAt).toBeNull();

    const post = await fetch(url, { method: "POST" });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain("Your alert is renewed");
    expect(await sub(renewed)).toMatchObject({ status: "ACTIVE", renewedAt: fx.clock.now });
    expect((await fetch(`${url}x`, { method: "POST" })).status).toBe(404); // forged token

    // Ten days on: the lapsed alert (185 days) expires, the renewed one runs for 170 more.
    fx.clock.advanceMinutes(10 * 24 * 60);
    const result = await sweepAlertExpiry(fx.app.workerDeps);
    expect(result.expired).toBe(2); // the lapsed one, and the quiet shop's 35-day-old alert
    expect((await sub(lapsed)).status).toBe("EXPIRED");
    expect((await sub(quietDue)).status).toBe("EXPIRED");
    expect((await sub(renewed)).status).toBe("ACTIVE");
    expect(
      await db().notification.count({ where: { kind: "renewal", subscriptionId: (await sub(renewed)).id } }),
    ).toBe(1);
  });

  it("brings back an alert whose renew link was clicked after it expired, unless a newer one is live", async () => {
    const secret = fx.app.config.apiSecrets[0]!;
    const lapsed = await sub(due[1]!);
    const post = await fetch(`${fx.app.url}/subscriptions/renew/${signRenewToken(secret, lapsed.id)}`, {
      method: "POST",
    });
    expect(post.status).toBe(200);
    expect(await sub(due[1]!)).toMatchObject({
      status: "ACTIVE",
      activeKey: `${variant.variantId}:${due[1]}`,
      renewedAt: fx.clock.now,
    });

    // The 181-day alert's address signed up again meanwhile: the old link cannot make a second one.
    const expired = await sub(old);
    await db().subscription.create({
      data: {
        shopId: shop.id,
        variantId: variant.variantId,
        email: `${old}`,
        status: "ACTIVE",
        activeKey: `${variant.variantId}:${old}`,
        confirmToken: `c-again-${expired.id}`,
        unsubscribeToken: `u-again-${expired.id}`,
        confirmedAt: fx.clock.now,
      },
    });
    const again = await fetch(`${fx.app.url}/subscriptions/renew/${signRenewToken(secret, expired.id)}`, {
      method: "POST",
    });
    expect(await again.text()).toContain("You already have a live alert");
    expect((await db().subscription.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("EXPIRED");
  });
});
