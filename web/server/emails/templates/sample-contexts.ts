import { formatMoney } from "../../format/format-money.ts";
import { formatEmailDate } from "../render/format-email-date.ts";
import { resolveLocale } from "../render/resolve-locale.ts";
import type { SupportedLocale } from "../render/resolve-locale.ts";
import type { TemplateKind } from "../render/template-kinds.ts";
import type { BaseContext, EmailContext, EmailContextMap, OrderLineVariables } from "./variables.ts";

// Localised so a merchant previewing the French template sees French data, as their
// French customers would.
const samples: Record<
  SupportedLocale,
  { firstName: string; product: string; variant: string; second: string; message: string }
> = {
  en: {
    firstName: "Alex",
    product: "Merino Trail Hoodie",
    variant: "Forest green / M",
    second: "Waxed Canvas Cap",
    message: "Made to order in our Lyon workshop",
  },
  fr: {
    firstName: "Camille",
    product: "Sweat à capuche en mérinos",
    variant: "Vert forêt / M",
    second: "Casquette en toile cirée",
    message: "Fabriqué à la commande dans notre atelier lyonnais",
  },
  de: {
    firstName: "Lena",
    product: "Merino-Kapuzenpullover",
    variant: "Waldgrün / M",
    second: "Kappe aus gewachstem Canvas",
    message: "Wird in unserer Werkstatt in Lyon auf Bestellung gefertigt",
  },
  es: {
    firstName: "Lucía",
    product: "Sudadera de merino con capucha",
    variant: "Verde bosque / M",
    second: "Gorra de lona encerada",
    message: "Se fabrica por encargo en nuestro taller de Lyon",
  },
};

const SHOP_URL = "https://alpine-outfitters.example";
const APP_URL = "https://backorder-hub.example";
const SAMPLE_TOKEN = "sample-token";

/**
 * A realistic context for previews and tests; never contains real customer data. Prices are in the
 * shop's currency (a USD shop previews "$89.00"), formatted for the email's locale.
 */
export function getSampleContext<K extends TemplateKind>(
  kind: K,
  locale: string = "en",
  currency: string | null = "EUR",
): EmailContext<K> {
  const resolved = resolveLocale(locale);
  const s = { ...samples[resolved], price: formatMoney("89.00", currency, resolved) };
  const base: BaseContext = {
    shop: {
      name: "Alpine Outfitters",
      domain: "alpine-outfitters.myshopify.com",
      email: "hello@alpine-outfitters.example",
      url: SHOP_URL,
    },
    locale: resolved,
    recipient: { email: "customer@example.com" },
  };
  const variant = {
    title: s.variant,
    product_title: s.product,
    image_url: "https://cdn.shopify.com/s/files/1/0000/0001/files/merino-trail-hoodie.jpg",
    url: `${SHOP_URL}/products/merino-trail-hoodie?variant=45678901234567890`,
  };
  // Waiting lines: 2 of 2 hoodies backordered; 1 of 3 caps (2 came from stock and shipped).
  const lines: OrderLineVariables[] = [
    line(s.product, s.variant, { ordered: 2, open: 2, backordered: 2 }, "2026-12-12", s.message, resolved),
    line(s.second, null, { ordered: 3, open: 1, backordered: 1 }, null, null, resolved),
  ];
  // The same lines once READY, as a ready email sees them: nothing backordered any more, the units
  // that waited are ready (so a template printing backordered_quantity shows its 0 in the preview).
  const readyLines: OrderLineVariables[] = lines.map((l) => ({
    ...l,
    backordered_quantity: 0,
    remaining_backordered_quantity: 0,
    ready_quantity: l.backordered_quantity,
  }));
  const order = {
    ...base,
    order: { name: "#1042", url: `${SHOP_URL}/account/orders/sample` },
    customer: { first_name: s.firstName },
  };
  // Merchant controls' optional blocks, shown in previews so merchants see what they would send.
  const discount = {
    code: "THANKS-K7M2QX9PRT",
    value: "10%",
    ends_at: "2027-01-15",
    ends_at_formatted: formatEmailDate("2027-01-15", resolved),
  };
  const alternatives = [
    {
      product_title: s.product,
      title: s.variant.replace(/ \/ M$/, " / L"),
      url: `${SHOP_URL}/products/merino-trail-hoodie?variant=45678901234567891`,
      price: s.price,
      image_url: null,
    },
  ];
  // A reminder says the same things as the restock email it follows.
  const restock = {
    ...base,
    variant: {
      ...variant,
      price: s.price,
      url: `${variant.url}&utm_source=backorder-hub&utm_medium=email&utm_campaign=restock&bh=${SAMPLE_TOKEN}`,
    },
    unsubscribe_url: `${APP_URL}/unsubscribe/${SAMPLE_TOKEN}`,
  };
  const contexts: EmailContextMap = {
    double_opt_in: {
      ...base,
      variant,
      confirm_url: `${APP_URL}/subscriptions/confirm/${SAMPLE_TOKEN}`,
      unsubscribe_url: `${APP_URL}/unsubscribe/${SAMPLE_TOKEN}`,
      alternatives,
    },
    restock,
    renewal: {
      ...base,
      variant,
      renew_url: `${APP_URL}/subscriptions/renew/${SAMPLE_TOKEN}`,
      expires_on_formatted: formatEmailDate("2027-01-15", resolved) ?? "2027-01-15",
      unsubscribe_url: `${APP_URL}/unsubscribe/${SAMPLE_TOKEN}`,
    },
    backorder_confirmation: { ...order, lines, discount },
    eta_changed: {
      ...order,
      lines: lines.map((l, i) => ({
        ...l,
        previous_eta_formatted: i === 0 ? formatEmailDate("2026-11-28", resolved) : null,
      })),
      discount,
      alternatives,
      cancel_url: `${APP_URL}/backorders/cancel/${SAMPLE_TOKEN}`,
    },
    backorder_ready: { ...order, lines: readyLines },
    restock_reminder: restock,
    alerts_link: {
      ...base,
      link_url: `${SHOP_URL}/apps/backorder/alerts/access/${SAMPLE_TOKEN}`,
      expires_in_hours: 24,
    },
  };
  return contexts[kind];
}

function line(
  title: string,
  variantTitle: string | null,
  units: { ordered: number; open: number; backordered: number },
  eta: string | null,
  message: string | null,
  locale: SupportedLocale,
): OrderLineVariables {
  return {
    title,
    variant_title: variantTitle,
    quantity: units.open,
    backordered_quantity: units.backordered,
    ordered_quantity: units.ordered,
    shipped_quantity: units.ordered - units.open,
    // Waiting lines: none of the backordered units has arrived yet.
    ready_quantity: 0,
    remaining_backordered_quantity: units.backordered,
    eta,
    eta_formatted: formatEmailDate(eta, locale),
    message,
  };
}
