import { describe, expect, it } from "vitest";
import { summarizeLaterLines, type LaterLine, type LaterSummary } from "./summarize-later-lines.ts";

describe("summarizeLaterLines", () => {
  it.each<[string, LaterLine[], LaterSummary | undefined]>([
    ["no lines", [], undefined],
    ["all in stock", [{ laterUnits: 0, eta: "2026-12-12" }], undefined],
    [
      "latest date of the later lines",
      [
        { laterUnits: 2, eta: "2026-12-12" },
        { laterUnits: 1, eta: "2027-01-05" },
        { laterUnits: 0, eta: "2027-06-01" },
      ],
      { units: 3, lastEta: "2027-01-05" },
    ],
    [
      "one later line without a date makes the last date unknown",
      [
        { laterUnits: 2, eta: "2026-12-12" },
        { laterUnits: 4, eta: undefined },
      ],
      { units: 6, lastEta: undefined },
    ],
    [
      "an in-stock line without a date does not matter",
      [
        { laterUnits: 1, eta: "2026-12-01" },
        { laterUnits: 0, eta: undefined },
      ],
      { units: 1, lastEta: "2026-12-01" },
    ],
  ])("%s", (_, lines, expected) => {
    expect(summarizeLaterLines(lines)).toEqual(expected);
  });
});
