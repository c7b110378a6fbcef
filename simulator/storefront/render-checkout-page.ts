import { visibleProperties } from "./cart-lines.ts";
import type { CartLine } from "./cart-lines.ts";
import { escapeHtml } from "./escape-html.ts";

export interface CheckoutLine {
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** Unit price, decimal as the Admin API gives it. */
  price: string;
  properties: CartLine["properties"];
}

export interface CheckoutPageInput {
  shopName: string;
  locale: string;
  lines: CheckoutLine[];
  /** Where the form posts; absent on the thank-you page. */
  action?: string;
  email?: string;
  error?: string;
  /** Set once paid: the order's name, e.g. "#1001". */
  orderName?: string;
}

/**
 * Shopify's checkout summary as a buyer sees it on every plan: each line with its visible line
 * item properties under it (private `_` and blank ones hidden), then contact and pay. Checkout is
 * Shopify's own page, not theme Liquid, so it is plain HTML here; its labels stay in English.
 */
export function renderCheckoutPage(input: CheckoutPageInput): string {
  const lines = input.lines.map((line) => {
    const props = visibleProperties(line.properties)
      .map(([name, value]) => `<li>${escapeHtml(name)}: ${escapeHtml(value)}</li>`)
      .join("");
    const variant = line.variantTitle && line.variantTitle !== "Default Title" ? line.variantTitle : "";
    const total = (Number(line.price) * line.quantity).toFixed(2);
    return `<li class="checkout-line"><div><strong>${escapeHtml(line.title)}</strong>
${variant ? `<div class="checkout-line__variant">${escapeHtml(variant)}</div>` : ""}
${props ? `<ul class="checkout-line__properties">${props}</ul>` : ""}</div>
<div>× ${line.quantity} · $${total}</div></li>`;
  });
  const subtotal = input.lines.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0).toFixed(2);
  const heading = input.orderName
    ? `Thank you! Order ${escapeHtml(input.orderName)} is confirmed`
    : "Checkout";
  const form = input.action
    ? `<form method="post" action="${escapeHtml(input.action)}" novalidate>
${input.error ? `<p role="alert" class="error">${escapeHtml(input.error)}</p>` : ""}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(input.email ?? "")}">
<button type="submit">Pay now</button></form>`
    : "";
  return `<!doctype html><html lang="${escapeHtml(input.locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading} – ${escapeHtml(input.shopName)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2937;max-width:40rem}
.checkout-lines{list-style:none;padding:0}.checkout-line{display:flex;justify-content:space-between;gap:1rem;padding:.75rem 0;border-bottom:1px solid #e5e7eb}
.checkout-line__properties{margin:.25rem 0 0;padding:0;list-style:none;font-size:.9em;color:#4b5563}
.error{color:#b91c1c}input,button{display:block;font:inherit;min-height:2.75rem;margin:.5rem 0;width:100%}</style></head>
<body><h1>${heading}</h1><p>${escapeHtml(input.shopName)}</p>
<section aria-label="Order summary"><ul class="checkout-lines">${lines.join("\n")}</ul>
<p>Subtotal: $${subtotal}</p></section>${form}</body></html>`;
}
