import { escapeHtmlLikeLiquid } from "../notifications/escape-html.ts";

export type ShopperAlert = {
  productTitle: string;
  variantTitle: string;
  status: "PENDING" | "ACTIVE";
  createdAt: Date;
  /** The signed value the cancel button posts. */
  cancelToken: string;
};

/**
 * Text for a page Shopify renders as Liquid (application/liquid): HTML-escaped, and braces and
 * percent signs written as entities so a product title can never become a Liquid tag.
 */
export function liquidSafe(value: string): string {
  return escapeHtmlLikeLiquid(value).replace(
    /[{}%]/g,
    (c) => ({ "{": "&#123;", "}": "&#125;", "%": "&#37;" })[c]!,
  );
}

/** The shopper alerts page body (inside the shop's theme): the list, or what to do to see it. */
export function renderAlertsPage(input: {
  /** Where the page lives on the storefront (the app proxy path), forms post below it. */
  basePath: string;
  notice?: string;
  alerts: ShopperAlert[] | "log_in";
}): string {
  const base = liquidSafe(input.basePath);
  const notice = input.notice
    ? `<p class="bh-alerts__notice" role="status">${liquidSafe(input.notice)}</p>`
    : "";
  if (input.alerts === "log_in") {
    return `<div class="page-width bh-alerts"><h1>Your back-in-stock alerts</h1>${notice}
<p><a href="/account/login?return_url=${encodeURIComponent(input.basePath)}">Log in</a> to see and cancel your alerts.</p></div>`;
  }
  const rows = input.alerts
    .map((a) => {
      const item = a.variantTitle ? `${a.productTitle} (${a.variantTitle})` : a.productTitle;
      const state = a.status === "PENDING" ? "waiting for your confirmation" : "active";
      return `<li><strong>${liquidSafe(item)}</strong> – ${state}, since ${a.createdAt.toISOString().slice(0, 10)}
<form method="post" action="${base}/cancel" style="display:inline"><input type="hidden" name="token" value="${liquidSafe(a.cancelToken)}"><button type="submit">Cancel</button></form></li>`;
    })
    .join("\n");
  const list = rows ? `<ul>\n${rows}\n</ul>` : "<p>You have no back-in-stock alerts.</p>";
  return `<div class="page-width bh-alerts"><h1>Your back-in-stock alerts</h1>${notice}\n${list}</div>`;
}
