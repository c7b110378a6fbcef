import type { EtaI18n } from "../api/eta-api.ts";
import { fillTemplate, hasPlaceholder } from "./fill-template.ts";
import type { LaterSummary } from "./summarize-later-lines.ts";

/** "N items ship later, the last by {date}", or the merchant's wording. */
export function composeSummaryText(
  summary: LaterSummary,
  customText: string | undefined,
  t: EtaI18n["translate"],
  formatDate: (eta: string) => string,
): string {
  const count = summary.units;
  const date = summary.lastEta === undefined ? undefined : formatDate(summary.lastEta);
  if (customText !== undefined && !(hasPlaceholder(customText, "date") && date === undefined)) {
    return fillTemplate(customText, date === undefined ? { count } : { count, date });
  }
  return date === undefined ? t("summary.noDate", { count }) : t("summary.withDate", { count, date });
}
