import { escapeHtml as e } from "../storefront/escape-html.ts";
import type { FakeInbound, FakeSms } from "../twilio/twilio-fake.ts";

/** The console's SMS inbox: every text the app sent through the simulator's Twilio stand-in, newest first. */
export function renderSmsInbox(messages: readonly FakeSms[], inbound: readonly FakeInbound[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr data-sms="${e(m.sid)}"><td>${e(m.date_created)}</td><td>${e(m.to)}</td><td>${e(m.from ?? m.messaging_service_sid ?? "")}</td><td>${e(m.status)}</td><td>${e(m.body)}</td></tr>`,
    )
    .join("");
  const replies = [...inbound]
    .reverse()
    .map((r) => `<tr><td>${e(r.from)}</td><td>${e(r.to)}</td><td>${e(r.body)}</td><td>${r.status}</td></tr>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SMS inbox</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1f2937}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}</style></head><body>
<p><a href="/console">← Shop console</a></p>
<h1>SMS inbox (${messages.length})</h1>
<table><thead><tr><th>Sent</th><th>To</th><th>From</th><th>Status</th><th>Text</th></tr></thead><tbody>${rows || '<tr><td colspan="5">No text messages yet.</td></tr>'}</tbody></table>
<h2>Replies (${inbound.length})</h2>
<table><thead><tr><th>From</th><th>To</th><th>Text</th><th>App answered</th></tr></thead><tbody>${replies}</tbody></table>
<form method="post" action="/console/sms/reply"><h2>Reply from a handset</h2>
<label>From <input name="from" required placeholder="+14155552671"></label>
<label>To <input name="to" required placeholder="+15005550006"></label>
<label>Text <input name="body" required value="STOP"></label> <button>Send reply</button></form>
</body></html>`;
}
