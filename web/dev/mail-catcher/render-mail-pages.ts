import { escapeHtml } from "../../../simulator/storefront/escape-html.ts";
import type { ParsedMail } from "./parse-mime.ts";
import type { CaughtMail, MailSummary } from "./mail-store.ts";

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; }
  header { padding: .75rem 1.5rem; background: #111827; color: #fff; display: flex; gap: 1.5rem; align-items: center; }
  header a { color: #93c5fd; }
  main { padding: 1rem 1.5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  tr:hover td { background: #f9fafb; }
  iframe { width: 100%; height: 32rem; border: 1px solid #d1d5db; background: #fff; }
  pre { white-space: pre-wrap; background: #f3f4f6; padding: .75rem; }
  .muted { color: #6b7280; }
`;

function layout(title: string, body: string, links: { console?: string }): string {
  const consoleLink = links.console ? `<a href="${escapeHtml(links.console)}">Shop console</a>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head><body><header><strong>Mail catcher</strong><a href="/">Inbox</a>${consoleLink}</header>
<main>${body}</main></body></html>`;
}

export function renderInbox(mails: MailSummary[], links: { console?: string }): string {
  const rows = mails
    .map(
      (
        m,
      ) => `<tr data-mail-id="${m.id}"><td>${escapeHtml(new Date(m.receivedAt).toLocaleString("en-GB"))}</td>
<td>${escapeHtml(m.to)}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td></tr>`,
    )
    .join("\n");
  const body = mails.length
    ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">No email yet. Messages the app sends appear here.</p>`;
  return layout(
    "Mail catcher",
    `<h1>Inbox (${mails.length})</h1>${body}
<form method="post" action="/clear"><button>Delete all</button></form>
<script>setTimeout(() => location.reload(), 5000)</script>`,
    links,
  );
}

/** Links found in the HTML (or text) body, listed under the message so they are one click away. */
export function extractLinks(mail: ParsedMail): string[] {
  const source = mail.html ?? mail.text ?? "";
  const found = [...source.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  const plain = [...(mail.text ?? "").matchAll(/https?:\/\/[^\s<>")]+/g)].map((m) => m[0]);
  return [...new Set([...found, ...plain])].filter((href) => /^https?:/.test(href));
}

export function renderMessage(
  mail: CaughtMail & { parsed: ParsedMail },
  links: { console?: string },
): string {
  const p = mail.parsed;
  // Sandboxed without scripts or same-origin rights: an email's HTML cannot touch this page.
  const html = p.html
    ? `<iframe title="HTML body" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(
        `<base target="_blank">${p.html}`,
      )}"></iframe>`
    : `<p class="muted">No HTML part.</p>`;
  const headers = p.headers
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("");
  const linkList = extractLinks(p)
    .map(
      (href) =>
        `<li><a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(href)}</a></li>`,
    )
    .join("");
  return layout(
    p.subject,
    `<h1 data-subject>${escapeHtml(p.subject || "(no subject)")}</h1>
<p class="muted">From ${escapeHtml(p.from)} to ${escapeHtml(p.to)} · ${escapeHtml(mail.receivedAt)} · <a href="/messages/${mail.id}/raw">raw</a></p>
<h2>HTML</h2>${html}
<h2>Links</h2><ul data-links>${linkList || "<li class=muted>none</li>"}</ul>
<h2>Text</h2><pre data-text>${escapeHtml(p.text ?? "(no text part)")}</pre>
<h2>Headers</h2><table>${headers}</table>`,
    links,
  );
}
