import type { SimOrder, SimShop } from "../store/store-types.ts";
import { escapeHtml } from "./escape-html.ts";

/** The customer's order status page: what was ordered, shipped and still to come. */
export function renderOrderStatusPage(shop: SimShop, order: SimOrder): string {
  const status = order.cancelledAt
    ? "Cancelled"
    : order.fulfillmentStatus === "fulfilled"
      ? "Shipped"
      : order.fulfillmentStatus === "partial"
        ? "Partly shipped"
        : "Confirmed";
  const name = order.billingAddress?.firstName;
  const lines = order.lineItems
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.title)}${l.variantTitle ? ` – ${escapeHtml(l.variantTitle)}` : ""}</td>` +
        `<td>${l.currentQuantity}</td><td>${l.fulfilledQuantity}</td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Order ${escapeHtml(order.name)} · ${escapeHtml(shop.name)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:40rem}td,th{padding:.3rem .8rem;text-align:left}</style></head>
<body><p><a href="/?shop=${encodeURIComponent(shop.domain)}">${escapeHtml(shop.name)}</a></p>
<h1>Order ${escapeHtml(order.name)}</h1><p>${name ? `Thank you, ${escapeHtml(name)}! ` : ""}Status: <strong>${status}</strong></p>
<table><thead><tr><th>Item</th><th>Quantity</th><th>Shipped</th></tr></thead><tbody>${lines}</tbody></table></body></html>`;
}
