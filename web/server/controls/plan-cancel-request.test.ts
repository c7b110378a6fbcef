import { describe, expect, it } from "vitest";
import { cancelPageStrings } from "./cancel-page-strings.ts";
import { planCancelRequest, type CancellableLine } from "./plan-cancel-request.ts";

const coat: CancellableLine = { lineItemId: 9007199254740993n, title: "Loden Coat", backordered: 2 };
const hat: CancellableLine = { lineItemId: 9007199254740995n, title: "Felt Hat", backordered: 1 };

describe("planCancelRequest", () => {
  it("asks for every unit still backordered when the form names none", () => {
    expect(planCancelRequest([coat, hat], {})).toEqual({
      ok: true,
      lines: [
        { lineItemId: coat.lineItemId, quantity: 2 },
        { lineItemId: hat.lineItemId, quantity: 1 },
      ],
    });
  });

  it.each([
    [
      { qty_9007199254740993: "1", qty_9007199254740995: "0" },
      [{ lineItemId: coat.lineItemId, quantity: 1 }],
    ],
    [{ qty_9007199254740993: " 2 " }, [{ lineItemId: coat.lineItemId, quantity: 2 }]],
  ])("takes the asked units %j", (form, lines) => {
    expect(planCancelRequest([coat, hat], form)).toEqual({ ok: true, lines });
  });

  it.each([
    [{ qty_9007199254740993: "6" }, "You asked to cancel 6 of Loden Coat, but only 2 are still backordered."],
    [{ qty_9007199254740995: "2" }, "You asked to cancel 2 of Felt Hat, but only 1 is still backordered."],
    [{ qty_9007199254740993: "-1" }, "Enter a whole number of items for Loden Coat."],
    [{ qty_9007199254740993: "1.5" }, "Enter a whole number of items for Loden Coat."],
    [{ qty_9007199254740993: ["1", "1"] }, "Enter a whole number of items for Loden Coat."],
    [{ qty_1: "1" }, "One of these items is no longer on backorder."],
    [{ qty_9007199254740993: "0" }, "Choose at least one item to cancel."],
  ])("refuses %j", (form, message) => {
    const plan = planCancelRequest([coat, hat], form);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(cancelPageStrings.en.refusal(plan.refusal)).toBe(message);
  });

  it("words a refusal in each language", () => {
    const plan = planCancelRequest([coat, hat], { qty_9007199254740993: "6" });
    if (plan.ok) throw new Error("expected a refusal");
    expect(cancelPageStrings.de.refusal(plan.refusal)).toBe(
      "Sie möchten 6 × Loden Coat stornieren, aber nur 2 sind noch nachbestellt.",
    );
    expect(cancelPageStrings.fr.refusal(plan.refusal)).toBe(
      "Vous demandez l’annulation de 6 × Loden Coat, mais il n’en reste que 2 en rupture.",
    );
    expect(cancelPageStrings.es.refusal(plan.refusal)).toBe(
      "Pediste cancelar 6 de Loden Coat, pero solo quedan 2 pendientes.",
    );
  });
});
