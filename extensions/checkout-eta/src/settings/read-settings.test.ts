import { describe, expect, it } from "vitest";
import type { SettingValue } from "../api/eta-api.ts";
import { readSettings, type EtaSettings } from "./read-settings.ts";

describe("readSettings", () => {
  it.each<[string, Record<string, SettingValue>, EtaSettings]>([
    [
      "empty before the merchant saves",
      {},
      { showSummary: true, lineText: undefined, summaryText: undefined },
    ],
    [
      "all set",
      { show_summary: false, line_text: " Ships {date} ", summary_text: "{count} later" },
      { showSummary: false, lineText: "Ships {date}", summaryText: "{count} later" },
    ],
    [
      "blank wording is no wording",
      { show_summary: true, line_text: "  ", summary_text: "" },
      { showSummary: true, lineText: undefined, summaryText: undefined },
    ],
    [
      "boolean as a string",
      { show_summary: "false" },
      { showSummary: false, lineText: undefined, summaryText: undefined },
    ],
    [
      "wrong types",
      { show_summary: 1, line_text: 5 },
      { showSummary: false, lineText: undefined, summaryText: undefined },
    ],
  ])("%s", (_, raw, expected) => {
    expect(readSettings(raw)).toEqual(expected);
  });
});
