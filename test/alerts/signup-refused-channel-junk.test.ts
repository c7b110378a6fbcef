// A shopper (or a script) that keeps asking for a channel the shop does not offer is counted as junk
// like any refused signup, and past the junk limit gets 429 with Retry-After. The count used to run
// unawaited: the 429 it threw past the limit became an unhandled rejection, which ends the process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JUNK_SIGNUP_LIMIT } from "../../web/server/subscriptions/junk-signup-limit.ts";
import { signUp } from "../faults/support/proxy-request.ts";
import { startAlertsFixture, type AlertsFixture } from "./alerts-fixture.ts";

describe("signups asking for a channel the shop refuses", () => {
  let fx: AlertsFixture;
  beforeAll(async () => {
    fx = await startAlertsFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("answers 422 naming the field, then 429 past the junk limit, and stores nothing", async () => {
    const shop = await fx.addShop("No Texts Shop");
    const variant = await shop.addVariant({ title: "Sold Out Scarf", stock: 0 });
    const body = {
      email: "shopper@example.com",
      phone: "+14155550123",
      sms_consent: true,
      variant_id: String(variant.variantId),
    };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i <= JUNK_SIGNUP_LIMIT.limit; i++) {
      last = await signUp(fx.app.url, shop.domain, body, "203.0.113.50");
      statuses.push(last.status);
      if (last.status === 422) {
        const answer = (await last.json()) as { details?: { fieldErrors?: Record<string, string[]> } };
        expect(answer.details?.fieldErrors?.phone).toEqual(["this shop does not send text messages"]);
      } else await last.body?.cancel();
    }
    expect(statuses.slice(0, JUNK_SIGNUP_LIMIT.limit)).toEqual(Array(JUNK_SIGNUP_LIMIT.limit).fill(422));
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    // The web process is still answering, and nothing was stored for the refused signups.
    expect((await fetch(`${fx.app.url}/healthz`)).status).toBe(200);
    expect(await fx.app.deps.db.subscription.count({ where: { shopId: shop.id } })).toBe(0);
  });
});
