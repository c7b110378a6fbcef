import { escapeHtml } from "../subscriptions/render-link-page.ts";
import type { SupportedLocale } from "../emails/render/resolve-locale.ts";
import type { CancellableLine } from "./plan-cancel-request.ts";

/** The page behind a cancel link: no scripts, no external assets (it must work in any mail client's browser). */
export function renderCancelPage(opts: {
  /** The language the page is written in. */
  lang: SupportedLocale;
  title: string;
  message: string;
  /** The form's problem with the last submission, shown above it. */
  error?: string;
  /** Lines still backordered: one quantity field each, at most what is still backordered. */
  lines?: readonly CancellableLine[];
  /** Beside each field: "of 2 still backordered", in the page's language. */
  ofBackordered?: (units: number) => string;
  form?: { action: string; button: string };
}): string {
  const error = opts.error ? `<p role="alert" class="error">${escapeHtml(opts.error)}</p>` : "";
  const lines = opts.lines?.length
    ? `<ul>${opts.lines
        .map((l) => {
          const id = `qty_${l.lineItemId}`;
          const units = opts.ofBackordered?.(l.backordered) ?? "";
          return `<li><label for="${id}">${escapeHtml(l.title)}</label> <input id="${id}" name="${id}" type="number" inputmode="numeric" min="0" max="${l.backordered}" value="${l.backordered}" required> <span>${escapeHtml(units)}</span></li>`;
        })
        .join("")}</ul>`
    : "";
  const body = opts.form
    ? `<form method="post" action="${escapeHtml(opts.form.action)}">${lines}<button type="submit">${escapeHtml(opts.form.button)}</button></form>`
    : lines;
  return `<!doctype html>
<html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(opts.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b}
ul{padding:0;list-style:none}li{margin:.5rem 0}input{font:inherit;width:4.5rem}.error{color:#b91c1c}
button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#18181b;color:#fff;cursor:pointer}</style>
</head><body><h1>${escapeHtml(opts.title)}</h1><p>${escapeHtml(opts.message)}</p>${error}${body}</body></html>`;
}
