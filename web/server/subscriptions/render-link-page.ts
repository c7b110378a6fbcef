import type { SupportedLocale } from "../emails/render/resolve-locale.ts";

/**
 * The small pages behind email links. No scripts, no external assets: they must work anywhere.
 * `lang` is the language the page is written in.
 */
export function renderLinkPage(opts: {
  lang: SupportedLocale;
  title: string;
  message: string;
  form?: { action: string; button: string };
}): string {
  const form = opts.form
    ? `<form method="post" action="${escapeHtml(opts.form.action)}"><button type="submit">${escapeHtml(opts.form.button)}</button></form>`
    : "";
  return `<!doctype html>
<html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(opts.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b}
button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#18181b;color:#fff;cursor:pointer}</style>
</head><body><h1>${escapeHtml(opts.title)}</h1><p>${escapeHtml(opts.message)}</p>${form}</body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
