import type { DeliverySummaryApi, EtaCartLine, ReadableSignal } from "../api/eta-api.ts";
import type { AvailabilityState } from "../availability/create-availability-store.ts";
import { composeSummaryText } from "../eta/compose-summary-text.ts";
import { estimateLine, type LineEstimate } from "../eta/estimate-line.ts";
import { summarizeLaterLines } from "../eta/summarize-later-lines.ts";
import { readSettings } from "../settings/read-settings.ts";
import { createDateContext } from "./create-date-context.ts";

export interface LaterSummaryProps {
  readonly api: DeliverySummaryApi;
  readonly availability: ReadableSignal<AvailabilityState>;
  readonly now: () => Date;
}

/**
 * The lines this shipping-option list delivers: with split delivery groups the target
 * renders once per list, and each should sum only its own lines.
 */
export function linesOfTarget(api: DeliverySummaryApi): readonly EtaCartLine[] {
  const groups = api.target.value?.deliveryGroups ?? [];
  if (groups.length === 0) return api.lines.value;
  const ids = new Set(groups.flatMap((group) => group.targetedCartLines.map((line) => line.id)));
  return api.lines.value.filter((line) => ids.has(line.id));
}

export function LaterSummary({ api, availability, now }: LaterSummaryProps) {
  const settings = readSettings(api.settings.value);
  if (!settings.showSummary) return null;
  const dates = createDateContext(api, now());
  const estimates = linesOfTarget(api).map((line) =>
    estimateLine(line, api.appMetafields.value, availability.value, "before-order", dates.today),
  );
  const ready = estimates.filter((estimate): estimate is LineEstimate => estimate !== "pending");
  // Wait for every line's stock rather than show a count that changes a moment later.
  if (ready.length !== estimates.length) return null;
  const summary = summarizeLaterLines(ready);
  if (summary === undefined) return null;
  const text = composeSummaryText(
    summary,
    settings.summaryText,
    (key, options) => api.i18n.translate(key, options),
    dates.format,
  );
  return (
    <s-banner tone="info">
      <s-text>{text}</s-text>
    </s-banner>
  );
}
