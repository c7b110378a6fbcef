import type { SettingValue } from "../api/eta-api.ts";

// Keys of the `[[extensions.settings.fields]]` in shopify.extension.toml.
export const SETTING_KEYS = ["show_summary", "line_text", "summary_text"] as const;

export interface EtaSettings {
  readonly showSummary: boolean;
  /** replaces the text of a fully backordered line; `{date}` is the ETA */
  readonly lineText: string | undefined;
  /** replaces the summary text; `{count}` units, `{date}` the last ETA */
  readonly summaryText: string | undefined;
}

function text(value: SettingValue): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

// Settings are empty until the merchant saves them in the checkout editor, so every
// missing value means the default.
export function readSettings(raw: Readonly<Record<string, SettingValue>>): EtaSettings {
  const show = raw.show_summary;
  return {
    showSummary: show === undefined ? true : show === true || show === "true",
    lineText: text(raw.line_text),
    summaryText: text(raw.summary_text),
  };
}
