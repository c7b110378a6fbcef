import { escapeHtml } from "../subscriptions/render-link-page.ts";

/** The page behind a cancel link: no scripts, no external assets (it must work in any mail client's browser). */
export function renderCancelPage(opts: {
  title: string;
  message: string;
  items?: readonly { title: string; quantity: number }[];
  form?: { action: string; button: string };
}): string {
  const items = opts.items?.length
    ? `<ul>${opts.items.map((i) => `<li>${escapeHtml(i.title)} &times; ${i.quantity}</li>`).join("")}</ul>`
    : "";
  const form = opts.form
    ? `<form method="post" action="${escapeHtml(opts.form.action)}"><button type="submit">${escapeHtml(opts.form.button)}</button></form>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(opts.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b}
button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#18181b;color:#fff;cursor:pointer}</style>
</head><body><h1>${escapeHtml(opts.title)}</h1><p>${escapeHtml(opts.message)}</p>${items}${form}</body></html>`;
}
