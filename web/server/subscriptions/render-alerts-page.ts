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
  /** A guest's opened link: the signed session every form of the page carries (no cookies). */
  guestSession?: string;
}): string {
  const base = liquidSafe(input.basePath);
  const notice = input.notice
    ? `<p class="bh-alerts__notice" role="status">${liquidSafe(input.notice)}</p>`
    : "";
  if (input.alerts === "log_in") {
    return `<div class="page-width bh-alerts"><h1>Your back-in-stock alerts</h1>${notice}
<p><a href="/account/login?return_url=${encodeURIComponent(input.basePath)}">Log in</a> to see and cancel your alerts.</p>
<form method="post" action="${base}/link"><p><label for="bh-alerts-email">No account? Get a link by email:</label>
<input id="bh-alerts-email" type="email" name="email" required autocomplete="email" maxlength="254">
<button type="submit">Email me a link</button></p></form></div>`;
  }
  const session = input.guestSession
    ? `<input type="hidden" name="session" value="${liquidSafe(input.guestSession)}">`
    : "";
  const action = input.guestSession ? `${base}/guest/cancel` : `${base}/cancel`;
  const rows = input.alerts
    .map((a) => {
      const item = a.variantTitle ? `${a.productTitle} (${a.variantTitle})` : a.productTitle;
      const state = a.status === "PENDING" ? "waiting for your confirmation" : "active";
      return `<li><strong>${liquidSafe(item)}</strong> – ${state}, since ${a.createdAt.toISOString().slice(0, 10)}
<form method="post" action="${action}" style="display:inline">${session}<input type="hidden" name="token" value="${liquidSafe(a.cancelToken)}"><button type="submit">Cancel</button></form></li>`;
    })
    .join("\n");
  const list = rows ? `<ul>\n${rows}\n</ul>` : "<p>You have no back-in-stock alerts.</p>";
  return `<div class="page-width bh-alerts"><h1>Your back-in-stock alerts</h1>${notice}\n${list}</div>`;
}

/** A message page of the guest link flow (inside the theme), with an optional button (a POST). */
export function renderAlertsMessage(input: {
  title: string;
  message: string;
  form?: { action: string; button: string };
}): string {
  const form = input.form
    ? `\n<form method="post" action="${liquidSafe(input.form.action)}"><button type="submit">${liquidSafe(input.form.button)}</button></form>`
    : "";
  return `<div class="page-width bh-alerts"><h1>${liquidSafe(input.title)}</h1>
<p>${liquidSafe(input.message)}</p>${form}</div>`;
}
