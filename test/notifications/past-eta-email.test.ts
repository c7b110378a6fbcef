// A customer is never told a date that has passed: a backorder email decided with an ETA that is
// past by the time it goes out (held, retried, or set in the past by the merchant) says the date
// is to be confirmed. Read as the customer reads it: the message as it arrives at the SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrderEmailContext } from "../../web/server/backorders/build-order-email-context.ts";
import { parseMime } from "../../web/dev/mail-catcher/parse-mime.ts";
import { calendarDate } from "../../web/server/etas/resolve-eta.ts";
import { formatEmailDate } from "../../web/server/emails/render/format-email-date.ts";
import { enqueueNotifications } from "../../web/server/notifications/enqueue-notification.ts";
import { startAlertsFixture, type AlertsFixture, type TestShop } from "../alerts/alerts-fixture.ts";
import { waitFor } from "../helpers/wait-for.ts";

const day = (offset: number) => calendarDate(new Date(Date.now() + offset * 86_400_000), "UTC");

describe("backorder emails with an ETA that has passed", () => {
  let fx: AlertsFixture;
  let shop: TestShop;
  beforeAll(async () => {
    fx = await startAlertsFixture();
    shop = await fx.addShop("Past Eta Shop");
    await fx.app.startWorker({ concurrency: 2 });
  });
  afterAll(() => fx?.close());

  const line = (lineItemId: bigint, title: string, eta: string, previousEta: string | null = null) => ({
    lineItemId,
    status: "OPEN" as const,
    quantity: 2,
    backorderedQuantity: 2,
    orderedQuantity: 2,
    readyQuantity: 0,
    eta,
    title,
    variantTitle: null,
    message: null,
    previousEta,
  });

  async function send(
    kind: "backorder_confirmation" | "eta_changed",
    recipient: string,
    locale: string,
    lines: ReturnType<typeof line>[],
  ) {
    await enqueueNotifications(fx.app.deps, [
      {
        shopId: shop.id,
        kind,
        idempotencyKey: `${kind}:${recipient}`,
        recipient,
        locale,
        context: buildOrderEmailContext(
          { name: "#1042", statusUrl: null, customerFirstName: null, orderId: 1042n },
          lines,
          locale,
        ),
      },
    ]);
    const caught = await waitFor(async () => fx.smtp.messages.find((m) => m.to.includes(recipient)) ?? null);
    return parseMime(caught.raw);
  }

  it("says 'to be confirmed' for the past line and keeps the future date", async () => {
    const past = day(-2);
    const future = day(20);
    const mail = await send("backorder_confirmation", "buyer@example.com", "en", [
      line(1n, "Storm Shell Jacket", past),
      line(2n, "Trail Socks", future),
    ]);
    const text = mail.text!.replace(/\s+/g, " ");
    expect(text).toMatch(/Storm Shell Jacket [^-]*Expected: to be confirmed/);
    expect(text).toContain(`Expected: ${formatEmailDate(future, "en")}`);
    for (const body of [mail.text!, mail.html!]) expect(body).not.toContain(formatEmailDate(past, "en")!);
    expect(mail.html).toContain("to be confirmed");
  });

  it("in German too, and an ETA moved into the past reads as 'Termin folgt'", async () => {
    const past = day(-1);
    const mail = await send("backorder_confirmation", "kundin@example.com", "de", [
      line(3n, "Wolldecke", past),
    ]);
    expect(mail.text).toContain("Voraussichtlich lieferbar: Termin folgt");
    expect(mail.text).not.toContain(formatEmailDate(past, "de")!);

    const moved = await send("eta_changed", "moved@example.com", "en", [
      line(4n, "Storm Shell Jacket", day(-3), day(10)),
    ]);
    expect(moved.text!.replace(/\s+/g, " ")).toContain(
      `New date: to be confirmed (previously: ${formatEmailDate(day(10), "en")})`,
    );
  });
});
