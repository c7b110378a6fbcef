// The slice of the `shopify` global this extension reads, written structurally so
// each target's real 2026.7 `Api` type must be assignable to it (checked where the
// entry modules pass `shopify` in) and tests can hand in plain fakes.

export interface ReadableSignal<T> {
  readonly value: T;
}

export interface EtaMetafieldEntry {
  readonly target: { readonly type: string; readonly id: string };
  // Checkout gives every value as a string; the customer-account surface may give a
  // boolean metafield as `true` and a number as a number.
  readonly metafield: {
    readonly namespace: string;
    readonly key: string;
    readonly value: string | number | boolean;
  };
}

export interface EtaCartLine {
  readonly id: string;
  readonly quantity: number;
  readonly merchandise: { readonly id: string };
}

export type TranslateOptions = Record<string, string | number>;

export interface EtaI18n {
  translate(key: string, options?: TranslateOptions): string;
}

export type SettingValue = string | number | boolean | undefined;

export interface EtaApiBase {
  readonly appMetafields: ReadableSignal<readonly EtaMetafieldEntry[]>;
  readonly i18n: EtaI18n;
  readonly localization: {
    readonly language: ReadableSignal<{ readonly isoCode: string }>;
    readonly extensionLanguage: ReadableSignal<{ readonly isoCode: string }>;
    // Absent on the customer-account surface (order status page).
    readonly timezone?: ReadableSignal<string>;
  };
  readonly settings: ReadableSignal<Readonly<Record<string, SettingValue>>>;
}

export interface StorefrontResult<Data> {
  data?: Data;
  errors?: readonly unknown[];
}

export type StorefrontQuery = <Data>(
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<StorefrontResult<Data>>;

export interface CartLineApi extends EtaApiBase {
  readonly target: ReadableSignal<EtaCartLine>;
}

export interface DeliverySummaryApi extends EtaApiBase {
  readonly lines: ReadableSignal<readonly EtaCartLine[]>;
  readonly target: ReadableSignal<
    | {
        readonly deliveryGroups: readonly {
          readonly targetedCartLines: readonly { readonly id: string }[];
        }[];
      }
    | undefined
  >;
}
