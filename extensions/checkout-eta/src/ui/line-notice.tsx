import type { CartLineApi, ReadableSignal } from "../api/eta-api.ts";
import type { AvailabilityState } from "../availability/create-availability-store.ts";
import { composeLineNotice } from "../eta/compose-line-notice.ts";
import type { StockMode } from "../eta/count-later-units.ts";
import { estimateLine } from "../eta/estimate-line.ts";
import { readSettings } from "../settings/read-settings.ts";
import { createDateContext } from "./create-date-context.ts";

export interface LineNoticeProps {
  readonly api: CartLineApi;
  readonly availability: ReadableSignal<AvailabilityState>;
  readonly mode: StockMode;
  readonly now: () => Date;
}

// Reads signals straight from `api`: with @preact/signals loaded, Preact re-renders
// this component when the line, metafields, settings or stock change.
export function LineNotice({ api, availability, mode, now }: LineNoticeProps) {
  const dates = createDateContext(api, now());
  const estimate = estimateLine(
    api.target.value,
    api.appMetafields.value,
    availability.value,
    mode,
    dates.today,
  );
  if (estimate === "pending") return null;
  const texts = composeLineNotice(
    {
      quantity: estimate.quantity,
      laterUnits: estimate.laterUnits,
      eta: estimate.eta,
      message: estimate.variant?.message,
      lineText: readSettings(api.settings.value).lineText,
    },
    (key, options) => api.i18n.translate(key, options),
    dates.format,
  );
  const [notice, ...details] = texts;
  if (notice === undefined) return null;
  return (
    <s-stack gap="small-300">
      <s-text tone="warning">{notice}</s-text>
      {details.map((detail) => (
        <s-text key={detail} color="subdued">
          {detail}
        </s-text>
      ))}
    </s-stack>
  );
}
