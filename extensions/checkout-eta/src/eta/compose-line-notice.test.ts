import { describe, expect, it } from "vitest";
import { composeLineNotice, type LineNoticeInput } from "./compose-line-notice.ts";
import { composeSummaryText } from "./compose-summary-text.ts";
import type { LaterSummary } from "./summarize-later-lines.ts";
import { createFakeI18n } from "../../test/helpers/fake-i18n.ts";

const t = createFakeI18n("en").translate;
const formatDate = (eta: string) => `<${eta}>`;
const line = (overrides: Partial<LineNoticeInput>): LineNoticeInput => ({
  quantity: 3,
  laterUnits: 3,
  eta: undefined,
  message: undefined,
  lineText: undefined,
  ...overrides,
});

describe("composeLineNotice", () => {
  it.each<[string, LineNoticeInput, string[]]>([
    ["in stock", line({ laterUnits: 0, eta: "2026-12-12" }), []],
    ["backordered with a date", line({ eta: "2026-12-12" }), ["Backordered: ships by <2026-12-12>"]],
    ["backordered without a date", line({}), ["Backordered: ships as soon as it is back in stock"]],
    ["merchant message wins", line({ eta: "2026-12-12", message: "Made to order" }), ["Made to order"]],
    [
      "merchant message with {date}",
      line({ eta: "2026-12-12", message: "Made for you, out {date}" }),
      ["Made for you, out <2026-12-12>"],
    ],
    [
      "merchant message with {date} but no date falls back to the default",
      line({ message: "Out {date}" }),
      ["Backordered: ships as soon as it is back in stock"],
    ],
    [
      "settings wording when no message",
      line({ eta: "2026-12-12", lineText: "Pre-order, leaves {date}" }),
      ["Pre-order, leaves <2026-12-12>"],
    ],
    [
      "message beats settings wording",
      line({ message: "Made to order", lineText: "Pre-order" }),
      ["Made to order"],
    ],
    [
      "partial, one unit later",
      line({ laterUnits: 1, eta: "2026-12-12" }),
      ["Backordered: 1 of 3 ships by <2026-12-12>"],
    ],
    [
      "partial, two units later",
      line({ laterUnits: 2, eta: "2026-12-12" }),
      ["Backordered: 2 of 3 ship by <2026-12-12>"],
    ],
    ["partial without a date", line({ laterUnits: 2 }), ["Backordered: 2 of 3 ship later"]],
    [
      "partial keeps the count and adds the message",
      line({ laterUnits: 1, eta: "2026-12-12", message: "From our Lyon workshop", lineText: "ignored" }),
      ["Backordered: 1 of 3 ships by <2026-12-12>", "From our Lyon workshop"],
    ],
  ])("%s", (_, input, expected) => {
    expect(composeLineNotice(input, t, formatDate)).toEqual(expected);
  });
});

describe("composeSummaryText", () => {
  it.each<[string, LaterSummary, string | undefined, string]>([
    [
      "one item with a date",
      { units: 1, lastEta: "2026-12-12" },
      undefined,
      "1 item ships later, by <2026-12-12>",
    ],
    [
      "several items",
      { units: 4, lastEta: "2027-01-05" },
      undefined,
      "4 items ship later, the last by <2027-01-05>",
    ],
    ["no last date", { units: 4, lastEta: undefined }, undefined, "4 items ship later"],
    [
      "custom wording",
      { units: 4, lastEta: "2027-01-05" },
      "{count} pieces follow by {date}",
      "4 pieces follow by <2027-01-05>",
    ],
    [
      "custom wording needing a missing date",
      { units: 4, lastEta: undefined },
      "{count} follow by {date}",
      "4 items ship later",
    ],
    [
      "custom wording without placeholders",
      { units: 2, lastEta: undefined },
      "Some items follow later",
      "Some items follow later",
    ],
  ])("%s", (_, summary, custom, expected) => {
    expect(composeSummaryText(summary, custom, t, formatDate)).toBe(expected);
  });
});
