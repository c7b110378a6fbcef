import { describe, expect, it } from "vitest";
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
    expect(planCancelRequest([coat, hat], form)).toEqual({ ok: false, message });
  });
});
