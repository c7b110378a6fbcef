// Plain-data stand-ins for the `shopify` global, built only from the fields the
// extension reads (api/eta-api.ts), so a test cannot depend on anything else.
import type {
  CartLineApi,
  DeliverySummaryApi,
  EtaCartLine,
  EtaMetafieldEntry,
  ReadableSignal,
  SettingValue,
} from "../../src/api/eta-api.ts";
import { SETTLED_EMPTY, type AvailabilityState } from "../../src/availability/create-availability-store.ts";
import { createFakeI18n, type Locale } from "./fake-i18n.ts";

// Shopify ids are 64-bit: fixtures use ids above 2^53.
export const VARIANT_A = "gid://shopify/ProductVariant/9007199254740993";
export const VARIANT_B = "gid://shopify/ProductVariant/9007199254741995";
export const VARIANT_C = "gid://shopify/ProductVariant/18014398509481985";

export const NOW = new Date("2026-11-21T12:00:00Z");

export function signalOf<T>(value: T): ReadableSignal<T> {
  return { value };
}

export function metafield(
  variantId: string,
  key: string,
  value: string | boolean,
  namespace = "$app",
): EtaMetafieldEntry {
  return { target: { type: "variant", id: variantId }, metafield: { namespace, key, value } };
}

/** The app's metafields for a variant; omitted keys are absent. */
export function variantMetafields(
  variantId: string,
  values: { eta?: string; message?: string; backordered?: string | boolean },
): EtaMetafieldEntry[] {
  return Object.entries(values).map(([key, value]) => metafield(variantId, key, value as string | boolean));
}

let lineCounter = 0;
export function cartLine(variantId: string, quantity: number): EtaCartLine {
  lineCounter += 1;
  return { id: `gid://shopify/CartLine/${lineCounter}`, quantity, merchandise: { id: variantId } };
}

export interface FakeOptions {
  metafields?: EtaMetafieldEntry[];
  locale?: Locale;
  buyerLocale?: string;
  timezone?: string;
  settings?: Record<string, SettingValue>;
}

function base(options: FakeOptions) {
  const locale = options.locale ?? "en";
  return {
    appMetafields: signalOf(options.metafields ?? []),
    i18n: createFakeI18n(locale),
    localization: {
      language: signalOf({ isoCode: options.buyerLocale ?? locale }),
      extensionLanguage: signalOf({ isoCode: locale }),
      ...(options.timezone === undefined ? {} : { timezone: signalOf(options.timezone) }),
    },
    settings: signalOf(options.settings ?? {}),
  };
}

export function fakeCartLineApi(line: EtaCartLine, options: FakeOptions = {}): CartLineApi {
  return { ...base(options), target: signalOf(line) };
}

export function fakeSummaryApi(
  lines: EtaCartLine[],
  options: FakeOptions & { groups?: string[][] } = {},
): DeliverySummaryApi {
  const target =
    options.groups === undefined
      ? undefined
      : { deliveryGroups: options.groups.map((ids) => ({ targetedCartLines: ids.map((id) => ({ id })) })) };
  return { ...base(options), lines: signalOf(lines), target: signalOf(target) };
}

export function availabilityOf(
  available: Record<string, number>,
  pending: string[] = [],
): ReadableSignal<AvailabilityState> {
  return signalOf({ pending: new Set(pending), available: new Map(Object.entries(available)) });
}

export const NO_STOCK_DATA = signalOf(SETTLED_EMPTY);
