import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration.ts";

const SECOND = 1 / 3_600;

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [Number.NaN, "—"],
    [0, "0 sec"],
    [45 * SECOND, "45 sec"],
    [60 * SECOND, "1 min"], // a 60-second average used to read "0 h"
    [59.4 * SECOND, "59 sec"],
    [59.6 * SECOND, "1 min"],
    [90 * SECOND, "2 min"],
    [59 * 60 * SECOND, "59 min"],
    [59.7 / 60, "1 hr"],
    [5.5, "5.5 hr"],
    [47.9, "47.9 hr"],
    [48, "2 days"],
    [24 * 15, "15 days"],
    [24 * 3.25, "3.3 days"],
  ] as const)("%s hours in English: %s", (hours, expected) => {
    expect(formatDuration(hours, "en-US")).toBe(expected);
  });

  it("follows the locale", () => {
    expect(formatDuration(60 * SECOND, "de")).toBe("1 Min.");
    expect(formatDuration(72, "fr")).toMatch(/^3\sj$/); // ICU puts a narrow no-break space
  });
});
