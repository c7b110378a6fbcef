// Renders the cart-line notice the way a line target does, with the `shopify` API faked.
import type { EtaMetafieldEntry, ReadableSignal, SettingValue } from "../../src/api/eta-api.ts";
import type { AvailabilityState } from "../../src/availability/create-availability-store.ts";
import type { StockMode } from "../../src/eta/count-later-units.ts";
import { LineNotice } from "../../src/ui/line-notice.tsx";
import { cartLine, fakeCartLineApi, NO_STOCK_DATA, NOW, VARIANT_A, variantMetafields } from "./fake-api.ts";
import type { Locale } from "./fake-i18n.ts";
import { visibleTexts } from "./render-tree.ts";

export const BACKORDERED_A = variantMetafields(VARIANT_A, { eta: "2026-12-12", backordered: "true" });

export interface LineCase {
  metafields: EtaMetafieldEntry[];
  quantity?: number;
  availability?: ReadableSignal<AvailabilityState>;
  locale?: Locale;
  buyerLocale?: string;
  settings?: Record<string, SettingValue>;
}

/** Visible texts under a line of VARIANT_A (quantity 3 unless given), buyer in Paris. */
export function showLineNotice(mode: StockMode, c: LineCase): string[] {
  const api = fakeCartLineApi(cartLine(VARIANT_A, c.quantity ?? 3), {
    metafields: c.metafields,
    locale: c.locale,
    buyerLocale: c.buyerLocale,
    settings: c.settings,
    timezone: "Europe/Paris",
  });
  return visibleTexts(
    <LineNotice api={api} availability={c.availability ?? NO_STOCK_DATA} mode={mode} now={() => NOW} />,
  );
}
