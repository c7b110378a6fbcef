import { describe, expect, it } from "vitest";
import { planOrderEmails, type OrderEmailLine, type SentOrderEmail } from "./plan-order-emails.ts";

const line = (
  id: number,
  status: OrderEmailLine["status"],
  eta: string | null = "2026-12-12",
): OrderEmailLine => ({
  lineItemId: BigInt(id),
  status,
  quantity: 3,
  backorderedQuantity: 2,
  eta,
});
const sent = (kind: SentOrderEmail["kind"], ...lines: [number, string | null][]): SentOrderEmail => ({
  kind,
  lines: lines.map(([id, eta]) => ({ lineItemId: BigInt(id), eta })),
});
const on = { confirmation: true, etaChanged: true, ready: true };

type Case = [string, OrderEmailLine[], SentOrderEmail[], typeof on, boolean, [string, number, number[]][]];

describe("planOrderEmails", () => {
  it.each<Case>([
    [
      "first backorder: one confirmation listing the open lines",
      [line(1, "OPEN"), line(2, "OPEN"), line(3, "READY")],
      [],
      on,
      true,
      [["backorder_confirmation", 1, [1, 2]]],
    ],
    [
      "confirmation already sent: nothing new",
      [line(1, "OPEN")],
      [sent("backorder_confirmation", [1, "2026-12-12"])],
      on,
      true,
      [],
    ],
    ["transient backorder that settled ready: nothing at all", [line(1, "READY")], [], on, true, []],
    ["unreachable order: nothing", [line(1, "OPEN")], [], on, false, []],
    ["confirmation turned off", [line(1, "OPEN")], [], { ...on, confirmation: false }, true, []],
    [
      "announced line ready: one ready email",
      [line(1, "READY"), line(2, "OPEN")],
      [sent("backorder_confirmation", [1, "2026-12-12"], [2, "2026-12-12"])],
      on,
      true,
      [["backorder_ready", 1, [1]]],
    ],
    [
      "ready already sent for that line",
      [line(1, "READY")],
      [sent("backorder_confirmation", [1, "2026-12-12"]), sent("backorder_ready", [1, "2026-12-12"])],
      on,
      true,
      [],
    ],
    [
      "second line ready later: second ready email",
      [line(1, "READY"), line(2, "READY")],
      [sent("backorder_confirmation", [1, "x"], [2, "x"]), sent("backorder_ready", [1, "x"])],
      { ...on, etaChanged: false },
      true,
      [["backorder_ready", 2, [2]]],
    ],
    [
      "ready turned off",
      [line(1, "READY")],
      [sent("backorder_confirmation", [1, "2026-12-12"])],
      { ...on, ready: false },
      true,
      [],
    ],
    [
      "ready without confirmations (turned off): still told",
      [line(1, "READY")],
      [],
      { ...on, confirmation: false },
      true,
      [["backorder_ready", 1, [1]]],
    ],
    [
      "ETA moved on two lines: one email for both",
      [line(1, "OPEN", "2027-01-05"), line(2, "OPEN", "2027-01-05"), line(3, "OPEN", "2026-12-12")],
      [sent("backorder_confirmation", [1, "2026-12-12"], [2, "2026-12-12"], [3, "2026-12-12"])],
      on,
      true,
      [["eta_changed", 1, [1, 2]]],
    ],
    [
      "ETA moved back to the first date after a change: told again",
      [line(1, "OPEN", "2026-12-12")],
      [sent("backorder_confirmation", [1, "2026-12-12"]), sent("eta_changed", [1, "2027-01-05"])],
      on,
      true,
      [["eta_changed", 2, [1]]],
    ],
    [
      "ETA of a never-announced line: no email",
      [line(1, "OPEN", "2027-01-05")],
      [sent("backorder_confirmation", [2, "2026-12-12"])],
      on,
      true,
      [],
    ],
    [
      "ETA changed emails turned off",
      [line(1, "OPEN", "2027-01-05")],
      [sent("backorder_confirmation", [1, "2026-12-12"])],
      { ...on, etaChanged: false },
      true,
      [],
    ],
    [
      "ETA of a ready line: only the ready email",
      [line(1, "READY", "2027-01-05")],
      [sent("backorder_confirmation", [1, "2026-12-12"])],
      on,
      true,
      [["backorder_ready", 1, [1]]],
    ],
  ])("%s", (_name, lines, history, settings, reachable, expected) => {
    const planned = planOrderEmails({ lines, sent: history, settings, reachable });
    expect(planned.map((p) => [p.kind, p.sequence, p.lines.map((l) => Number(l.lineItemId))])).toEqual(
      expected,
    );
  });

  it("carries the previous ETA of each moved line", () => {
    const [email] = planOrderEmails({
      lines: [line(1, "OPEN", "2027-01-05")],
      sent: [sent("backorder_confirmation", [1, "2026-12-12"])],
      settings: on,
      reachable: true,
    });
    expect(email?.lines[0]?.previousEta).toBe("2026-12-12");
  });
});
