import type { SimState } from "../persist-state.ts";
import { escapeHtml as e } from "../storefront/escape-html.ts";
import type { DeliveryAttempt, DropRule, PendingDelivery } from "../webhooks/webhook-types.ts";
import { CONSOLE_SCRIPT } from "./console-script.ts";

export interface ConsoleLinks {
  storefront: string;
  admin?: string;
  mail?: string;
}

export interface ConsolePageInput {
  state: SimState;
  shop: string;
  deliveries: readonly DeliveryAttempt[];
  /** Drop rules in force and deliveries dropped (every shop's: the page shows this shop's). */
  drops: { rules: DropRule[]; dropped: PendingDelivery[] };
  links: ConsoleLinks;
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; }
  nav { padding: .75rem 1.5rem; background: #004c3f; color: #fff; display: flex; gap: 1.25rem; align-items: center; }
  nav a { color: #b4fed2; }
  main { padding: 0 1.5rem 2rem; }
  section { margin-top: 1.5rem; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  form { display: inline-flex; gap: .35rem; align-items: center; margin: 0; }
  input[type=number] { width: 4.5rem; }
  [data-status] { position: sticky; top: 0; padding: .4rem 1.5rem; min-height: 1.2rem; background: #f9fafb; }
  [data-kind=error] { color: #b91c1c; } [data-kind=ok] { color: #047857; }
  .bad { color: #b91c1c; font-weight: 600; } .good { color: #047857; }
  .muted { color: #6b7280; }
`;

/** The "Shop console": act as Shopify would (orders, fulfilment, inventory) and watch the webhooks. */
export function renderConsolePage(input: ConsolePageInput): string {
  const { state, shop, links } = input;
  const shopRecord = state.shops.find((s) => s.domain === shop);
  const api = `/_sim/shops/${encodeURIComponent(shop)}`;
  const nav = [
    `<strong>Shop console · ${e(shopRecord?.name ?? shop)}</strong>`,
    `<a href="${e(links.storefront)}" data-link="storefront">Storefront</a>`,
    links.admin ? `<a href="${e(links.admin)}" data-link="admin" target="_blank">Embedded admin</a>` : "",
    links.mail ? `<a href="${e(links.mail)}" data-link="mail" target="_blank">Mail catcher</a>` : "",
    `<a href="/console/sms" data-link="sms">SMS inbox</a>`,
    ...state.shops
      .filter((s) => s.domain !== shop)
      .map((s) => `<a href="/console?shop=${encodeURIComponent(s.domain)}">${e(s.domain)}</a>`),
  ].join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop console – ${e(shop)}</title>
<style>${STYLE}</style></head><body><nav>${nav}</nav><p data-status role="status"></p><main>
${orderForm(input, api)}
${ordersTable(input, api)}
${inventoryTable(input, api)}
${dropSection(input)}
${deliveriesTable(input)}
</main><script>${CONSOLE_SCRIPT}</script></body></html>`;
}

type Row = {
  variantId: bigint;
  itemId: bigint;
  label: string;
  sku: string;
  policy: string;
  tracked: boolean;
};

function variantRows(state: SimState, shop: string): Row[] {
  return state.products
    .filter((p) => p.shopDomain === shop)
    .flatMap((p) =>
      p.variantIds.flatMap((id) => {
        const v = state.variants.find((x) => x.id === id);
        if (!v) return [];
        const tracked = state.inventoryItems.find((i) => i.id === v.inventoryItemId)?.tracked ?? true;
        const label = v.title === "Default Title" ? p.title : `${p.title} – ${v.title}`;
        return [
          {
            variantId: v.id,
            itemId: v.inventoryItemId,
            label,
            sku: v.sku ?? "",
            policy: v.inventoryPolicy,
            tracked,
          },
        ];
      }),
    );
}

function available(state: SimState, itemId: bigint): number {
  return state.levels.filter((l) => l.inventoryItemId === itemId).reduce((sum, l) => sum + l.available, 0);
}

function orderForm({ state, shop }: ConsolePageInput, api: string): string {
  const options = variantRows(state, shop)
    .map((r) => {
      const stock = r.tracked ? `${available(state, r.itemId)} available` : "not tracked";
      const policy = r.policy === "CONTINUE" ? "continue selling" : "deny";
      return `<option value="${r.variantId}" data-sku="${e(r.sku)}">${e(r.label)} (${stock}, ${policy})</option>`;
    })
    .join("");
  return `<section><h2>Place an order</h2>
<form data-kind="order" data-endpoint="${api}/orders" data-done="Order placed">
<label>Customer email <input name="email" type="email" required value="shopper@example.com"></label>
<label>First name <input name="firstName" autocomplete="off" value="Alex"></label>
<label>Variant <select name="variant">${options}</select></label>
<label>Quantity <input name="quantity" type="number" min="1" value="1" required></label>
<button type="submit">Place order</button></form></section>`;
}

function ordersTable({ state, shop }: ConsolePageInput, api: string): string {
  const orders = state.orders.filter((o) => o.shopDomain === shop).sort((a, b) => b.number - a.number);
  const rows = orders.map((o) => {
    const lines = o.lineItems
      .map(
        (l) =>
          `${e(l.title)}${l.variantTitle ? ` – ${e(l.variantTitle)}` : ""} × ${l.currentQuantity}` +
          (l.fulfilledQuantity ? ` <span class="muted">(${l.fulfilledQuantity} shipped)</span>` : ""),
      )
      .join("<br>");
    const state = o.cancelledAt ? "cancelled" : (o.fulfillmentStatus ?? "unfulfilled");
    const open = !o.cancelledAt && o.fulfillmentStatus !== "fulfilled";
    const actions = open
      ? `<form data-kind="fulfill" data-endpoint="${api}/orders/${o.id}/fulfill" data-done="Order ${e(o.name)} fulfilled"><button>Fulfil</button></form>
<form data-kind="cancel" data-endpoint="${api}/orders/${o.id}/cancel" data-done="Order ${e(o.name)} cancelled"><label><input type="checkbox" name="restock" checked> restock</label><button>Cancel</button></form>`
      : "";
    return `<tr data-order="${o.id}"><td>${e(o.name)}</td><td>${e(o.createdAt.toISOString())}</td><td>${e(o.email)}</td>
<td>${lines}</td><td>${e(state)}${o.tags.length ? `<br><span class="muted">${e(o.tags.join(", "))}</span>` : ""}</td><td>${actions}</td></tr>`;
  });
  return `<section><h2>Orders (${orders.length})</h2><table><thead><tr><th>Order</th><th>Placed</th><th>Email</th>
<th>Lines</th><th>Status · tags</th><th></th></tr></thead><tbody>${rows.join("") || `<tr><td colspan=6 class=muted>No orders yet</td></tr>`}</tbody></table></section>`;
}

function inventoryTable({ state, shop }: ConsolePageInput, api: string): string {
  const locations = state.locations.filter((l) => l.shopDomain === shop);
  const head = locations.map((l) => `<th>${e(l.name)}</th>`).join("");
  const rows = variantRows(state, shop).map((r) => {
    const cells = locations.map((loc) => {
      const level = state.levels.find((l) => l.inventoryItemId === r.itemId && l.locationId === loc.id);
      const qty = level?.available ?? 0;
      return `<td><span class="${qty > 0 ? "good" : qty < 0 ? "bad" : ""}" data-available>${qty}</span>
<form data-kind="inventory" data-endpoint="${api}/inventory" data-item="${r.itemId}" data-location="${loc.id}" data-done="Inventory of ${e(r.label)} updated">
<input name="value" type="number" value="${qty}" aria-label="Quantity at ${e(loc.name)}">
<button name="mode" value="set">Set</button><button name="mode" value="adjust" title="Adds the number (negative removes)">Adjust by</button></form></td>`;
    });
    return `<tr data-variant="${r.variantId}" data-sku="${e(r.sku)}"><td>${e(r.label)}<br><span class="muted">${e(r.sku)} · ${
      r.tracked ? r.policy.toLowerCase() : "untracked"
    }</span></td>${cells.join("")}</tr>`;
  });
  return `<section><h2>Inventory (available per location)</h2><table><thead><tr><th>Variant</th>${head}</tr></thead>
<tbody>${rows.join("")}</tbody></table></section>`;
}

function deliveriesTable({ deliveries, shop }: ConsolePageInput): string {
  const recent = deliveries
    .filter((d) => d.shop === shop)
    .slice(-60)
    .reverse();
  const rows = recent.map((d) => {
    const ok = d.status !== null && d.status >= 200 && d.status < 300;
    const answer = d.status === null ? (d.error ?? "no answer") : String(d.status);
    return `<tr data-topic="${e(d.topic)}"><td>${e(d.startedAt.toISOString())}</td><td>${e(d.topic)}</td><td>${d.attempt}${
      d.duplicate ? " (duplicate)" : ""
    }</td><td class="${ok ? "good" : "bad"}">${e(answer)}</td><td>${d.durationMs} ms</td><td class="muted">${e(d.webhookId)}</td></tr>`;
  });
  return `<section><h2>Webhooks sent (this run, newest first)</h2><table><thead><tr><th>Sent</th><th>Topic</th><th>Attempt</th>
<th>App answered</th><th>Took</th><th>Webhook id</th></tr></thead><tbody>${
    rows.join("") || `<tr><td colspan=6 class=muted>None yet</td></tr>`
  }</tbody></table></section>`;
}

const DROPPABLE_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "orders/fulfilled",
  "inventory_levels/update",
  "products/update",
];

/** Lose webhooks on purpose (Shopify gives up after its retries), and deliver one late. */
function dropSection({ drops, shop }: ConsolePageInput): string {
  const rules = drops.rules.filter((r) => r.shop === undefined || r.shop === shop);
  const dropped = drops.dropped.filter((d) => d.shop === shop).reverse();
  const options = [`<option value="">any topic</option>`]
    .concat(DROPPABLE_TOPICS.map((t) => `<option value="${e(t)}">${e(t)}</option>`))
    .join("");
  const ruleText = rules
    .map(
      (r) =>
        `${r.count === undefined ? "every" : `next ${r.count}`} ${e(r.topic ?? "webhook")}${
          r.orderId ? ` of order ${e(r.orderId)}` : ""
        }`,
    )
    .join("; ");
  const rows = dropped.map(
    (d) =>
      `<tr data-dropped="${e(d.webhookId)}"><td>${e(d.triggeredAt)}</td><td>${e(d.topic)}</td><td class="muted">${e(
        d.webhookId,
      )}</td><td><form data-kind="deliver-late" data-endpoint="/_sim/webhooks/dropped/${encodeURIComponent(
        d.webhookId,
      )}/deliver" data-done="Delivered late"><button>Deliver late</button></form></td></tr>`,
  );
  return `<section><h2>Drop webhooks</h2>
<form data-kind="drop" data-endpoint="/_sim/webhooks/drop" data-shop="${e(shop)}" data-done="Webhooks will be dropped">
<label>Topic <select name="topic">${options}</select></label>
<label>Next <input name="count" type="number" min="1" value="1" required> deliveries</label>
<button type="submit">Drop</button></form>
<form data-kind="clear-drops" data-endpoint="/_sim/webhooks/drop" data-method="DELETE" data-done="Drop rules cleared"><button>Clear rules</button></form>
<p data-drop-rules class="muted">${rules.length ? `Dropping: ${ruleText}` : "No webhooks are being dropped."}</p>
<table><thead><tr><th>Triggered</th><th>Topic</th><th>Webhook id</th><th></th></tr></thead><tbody>${
    rows.join("") || `<tr><td colspan=4 class=muted>None dropped</td></tr>`
  }</tbody></table></section>`;
}
