import type { TemplateKind } from "../render/template-kinds.ts";

/** The variables each kind of template can use, as the admin's editor lists them (variables.ts types them). */
export interface VariableDoc {
  name: string;
  description: string;
}

const common: VariableDoc[] = [
  { name: "shop.name", description: "Your shop's name" },
  { name: "shop.domain", description: "Your shop's myshopify.com domain" },
  { name: "shop.email", description: "Your customer contact email (may be empty)" },
  { name: "shop.url", description: "Your storefront's home page" },
  { name: "locale", description: "Language of this template: en, fr, de or es" },
  { name: "recipient.email", description: "The recipient's email address" },
];

const variant: VariableDoc[] = [
  { name: "variant.product_title", description: "Product title" },
  {
    name: "variant.title",
    description: "Variant title, e.g. “Green / M” (empty for single-variant products)",
  },
  { name: "variant.image_url", description: "Image URL (may be empty)" },
  { name: "variant.url", description: "Product page link, preselecting the variant" },
];

const order: VariableDoc[] = [
  { name: "order.name", description: "Order number, e.g. #1001" },
  { name: "order.url", description: "Link to the order status page" },
  { name: "customer.first_name", description: "Customer's first name (may be empty)" },
  { name: "lines", description: "Backordered lines: loop with {% for line in lines %}" },
  { name: "line.title", description: "Product title" },
  { name: "line.variant_title", description: "Variant title (may be empty)" },
  { name: "line.quantity", description: "Quantity still to ship" },
  { name: "line.backordered_quantity", description: "Quantity on backorder now (0 once ready)" },
  { name: "line.ordered_quantity", description: "Quantity ordered" },
  { name: "line.shipped_quantity", description: "Quantity already shipped" },
  {
    name: "line.ready_quantity",
    description: "Backordered quantity now in stock and ready to ship (use it in ready emails)",
  },
  { name: "line.remaining_backordered_quantity", description: "Quantity still waiting for stock" },
  {
    name: "line.eta",
    description: "Expected date, YYYY-MM-DD (may be empty); try {{ line.eta | format_date }}",
  },
  { name: "line.eta_formatted", description: "Expected date in the email's language (may be empty)" },
  { name: "line.message", description: "Your ETA message for the variant (may be empty)" },
];

const discount: VariableDoc[] = [
  { name: "discount.code", description: "Thank-you discount code for the next order (empty when off)" },
  { name: "discount.value", description: "Its value, e.g. “10%”" },
  { name: "discount.ends_at_formatted", description: "Last day it can be used (may be empty)" },
];

const alternatives: VariableDoc[] = [
  {
    name: "alternatives",
    description: "In-stock alternatives (empty when off): loop with {% for alt in alternatives %}",
  },
  { name: "alt.product_title", description: "Product title" },
  { name: "alt.title", description: "Variant title (may be empty)" },
  { name: "alt.url", description: "Product page link, preselecting the variant" },
  { name: "alt.price", description: "Price, formatted with currency (may be empty)" },
];

export const templateVariables: Record<TemplateKind, readonly VariableDoc[]> = {
  double_opt_in: [
    ...common,
    ...variant,
    { name: "confirm_url", description: "Link that confirms the subscription" },
    { name: "unsubscribe_url", description: "Link that cancels the subscription" },
    ...alternatives,
  ],
  restock: [
    ...common,
    ...variant,
    { name: "variant.price", description: "Price, formatted with currency" },
    { name: "unsubscribe_url", description: "One-click unsubscribe link" },
  ],
  backorder_confirmation: [...common, ...order, ...discount],
  eta_changed: [
    ...common,
    ...order,
    { name: "line.previous_eta_formatted", description: "The previous expected date (may be empty)" },
    ...discount,
    ...alternatives,
    { name: "cancel_url", description: "Link to ask you to cancel the backordered items (empty when off)" },
  ],
  backorder_ready: [...common, ...order],
  renewal: [
    ...common,
    ...variant,
    { name: "renew_url", description: "Link to a page whose button keeps the alert for another period" },
    { name: "expires_on_formatted", description: "The alert's last day, in the email's language" },
    { name: "unsubscribe_url", description: "One-click unsubscribe link" },
  ],
  restock_reminder: [
    ...common,
    ...variant,
    { name: "variant.price", description: "Price, formatted with currency" },
    { name: "unsubscribe_url", description: "One-click unsubscribe link" },
  ],
  alerts_link: [
    ...common,
    { name: "link_url", description: "One-use link to the page listing the address's alerts" },
    { name: "expires_in_hours", description: "How many hours the link works" },
  ],
};
