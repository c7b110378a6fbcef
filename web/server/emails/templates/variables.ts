import type { TemplateKind } from "../render/template-kinds.ts";

/**
 * What each email template can use. Callers build these objects; the admin editor lists them
 * (template-variable-docs.ts) next to the editor and previews with `getSampleContext`.
 * All strings are plain text: the HTML part escapes them, the text part and subject don't.
 */
export interface ShopVariables {
  name: string;
  /** e.g. "alpine-outfitters.myshopify.com" */
  domain: string;
  /** Customer-facing contact address, if the shop has one. */
  email?: string | null;
  /** Storefront home page (https). */
  url: string;
}

export interface BaseContext {
  shop: ShopVariables;
  /** The language of the template; the renderer sets it to the resolved locale. */
  locale: string;
  recipient: { email: string };
}

export interface VariantVariables {
  /** Variant option title ("Green / M"); empty for single-variant products. */
  title: string;
  product_title: string;
  image_url: string | null;
  url: string;
}

export interface DoubleOptInContext extends BaseContext {
  variant: VariantVariables;
  confirm_url: string;
  unsubscribe_url: string;
}

export interface RestockContext extends BaseContext {
  /** `url` already carries the UTM parameters and the signed attribution token; `price` is formatted. */
  variant: VariantVariables & { price: string };
  unsubscribe_url: string;
}

export interface RenewalContext extends BaseContext {
  variant: VariantVariables;
  /** Opens a page whose button renews the alert. */
  renew_url: string;
  /** The alert's last day, formatted for the locale. */
  expires_on_formatted: string;
  unsubscribe_url: string;
}

export interface AlertsLinkContext extends BaseContext {
  /** The one-use link (storefront, app proxy) to the shopper's alerts page. */
  link_url: string;
  /** How long the link works. */
  expires_in_hours: number;
}

export interface OrderLineVariables {
  title: string;
  variant_title: string | null;
  /** Units of the line still to ship. */
  quantity: number;
  /** Units of the line on backorder now (0 once the line is ready). */
  backordered_quantity: number;
  /** Units the customer ordered on the line. */
  ordered_quantity: number;
  /** Units of the line already shipped (ordered - still to ship). */
  shipped_quantity: number;
  /** Units that were backordered and are now in stock, ready to ship (what a ready email reports). */
  ready_quantity: number;
  /** Units still waiting for stock (the same as backordered_quantity, named for ready emails). */
  remaining_backordered_quantity: number;
  /** YYYY-MM-DD or null when no ETA is known. */
  eta: string | null;
  /** `eta` formatted for the locale ("12 Dec 2026"), null when unknown. */
  eta_formatted: string | null;
  /** The merchant's ETA message for the variant, if any. */
  message: string | null;
}

export interface OrderContext<Line extends OrderLineVariables = OrderLineVariables> extends BaseContext {
  order: { name: string; url: string };
  customer: { first_name?: string | null };
  lines: Line[];
}

export interface EtaChangedLineVariables extends OrderLineVariables {
  previous_eta_formatted: string | null;
}

/** A single-use code for the customer's next order (merchant controls; optional). */
export interface DiscountVariables {
  code: string;
  /** Formatted for the locale: "10%" or "€5.00". */
  value: string;
  ends_at: string | null;
  ends_at_formatted: string | null;
}

/** An in-stock product the customer could buy instead of waiting (optional). */
export interface AlternativeVariables {
  product_title: string;
  title: string;
  url: string;
  price: string | null;
  image_url: string | null;
}

export interface EmailContextMap {
  double_opt_in: DoubleOptInContext & { alternatives?: AlternativeVariables[] };
  restock: RestockContext;
  backorder_confirmation: OrderContext & { discount?: DiscountVariables };
  eta_changed: OrderContext<EtaChangedLineVariables> & {
    discount?: DiscountVariables;
    alternatives?: AlternativeVariables[];
    /** Signed link where the customer asks the shop to cancel the backordered items. */
    cancel_url?: string;
  };
  backorder_ready: OrderContext;
  renewal: RenewalContext;
  restock_reminder: RestockContext;
  alerts_link: AlertsLinkContext;
}

export type EmailContext<K extends TemplateKind> = EmailContextMap[K];
