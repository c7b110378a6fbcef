import { randomBytes } from "node:crypto";
import MimeNode from "nodemailer/lib/mime-node";
import type { PreparedTemplate } from "../emails/render/prepare-template.ts";
import type { RenderedEmail } from "../emails/render/template-kinds.ts";
import { restockContextFor, type RestockRecipientValues } from "./build-subscription-email-context.ts";
import type { RawEmail } from "./create-mailer.ts";
import type { EmailShop, EmailVariant } from "./email-send-caches.ts";
import { escapeHtmlLikeLiquid } from "./escape-html.ts";
import { compileRawMime, splitAtSlots, type RawMimeTemplate } from "./raw-mime-template.ts";

/** A restock email rendered once for a (shop, variant, template, locale), filled per subscriber. */
export type RestockWaveMessage = {
  fill(input: { to: string; messageId: string; values: RestockRecipientValues }): RawEmail;
};

// Slot order in the body: what restockContextFor takes per subscriber.
const BODY_SLOTS = ["email", "url", "unsubscribeUrl"] as const;

/**
 * Renders the restock template once with placeholders where each subscriber's values go, then
 * compiles the whole MIME message around them. Only a built-in template is rendered this way: it
 * prints those values as they are. A merchant's override may test or transform them (a condition
 * on the address, a filter on the link), so it is rendered per subscriber (null here). As a guard,
 * the template is rendered twice with different placeholders: unless filling the first render's
 * placeholders with the second's gives the second render exactly (and the subject holds none),
 * the values are not printed as they are (null).
 */
export async function prepareRestockWaveMessage(input: {
  template: PreparedTemplate<"restock">;
  shop: EmailShop;
  variant: EmailVariant;
  locale: string;
  headers: { from: string; replyTo: string | null };
}): Promise<RestockWaveMessage | null> {
  const { template, shop, variant, locale } = input;
  if (template.origin !== "default") return null;
  const a = sentinels(10);
  const b = sentinels(16);
  const render = (s: readonly string[]) =>
    template.render(
      restockContextFor(shop, variant, locale, { email: s[0]!, url: s[1]!, unsubscribeUrl: s[2]! }),
    );
  const [first, second] = await Promise.all([render(a), render(b)]);
  if (!printsAsIs(first, second, a, b)) return null;

  const head = headerTemplate(input.headers, first.subject);
  const mime: RawMimeTemplate = compileRawMime({
    headers: { text: head.text, slots: head.slots },
    boundary: head.boundary,
    text: { text: first.text, slots: a },
    html: { text: first.html, slots: a.map(escapeHtmlLikeLiquid) },
    escapeHtml: escapeHtmlLikeLiquid,
  });
  return {
    fill({ to, messageId, values }) {
      const raw = mime.fill({
        headers: [toHeaderValue(to), messageId, `<${values.unsubscribeUrl}>`],
        body: BODY_SLOTS.map((key) => values[key]),
      });
      return { from: input.headers.from, to, messageId, raw };
    },
  };
}

/**
 * Placeholders no template prints by chance. They hold every character HTML escaping changes, so
 * the check below also proves that escapeHtmlLikeLiquid escapes a value as the template did.
 */
function sentinels(nonceLength: number): string[] {
  const nonce = randomBytes(nonceLength).toString("hex").slice(0, nonceLength);
  return BODY_SLOTS.map((_, i) => `bh&'"<>slot${i}x${nonce}`);
}

/** Whether filling `first`'s slots with `b` gives `second`: the values are printed as they are. */
function printsAsIs(first: RenderedEmail, second: RenderedEmail, a: string[], b: string[]): boolean {
  const fill = (text: string, slots: string[], values: string[]) =>
    splitAtSlots(text, slots)
      .map((p) => (typeof p === "string" ? p : values[p]!))
      .join("");
  const html = (s: string[]) => s.map(escapeHtmlLikeLiquid);
  return (
    first.subject === second.subject &&
    fill(first.text, a, b) === second.text &&
    fill(first.html, html(a), html(b)) === second.html
  );
}

/**
 * The root header block as nodemailer writes it (encoded words, folding, boundary), with slots
 * for To, Message-ID and List-Unsubscribe (RFC 8058: one line, not folded).
 */
function headerTemplate(headers: { from: string; replyTo: string | null }, subject: string) {
  const nonce = randomBytes(8).toString("hex");
  const slots = [`bhto${nonce}@bhslot.invalid`, `<bhmid${nonce}@bhslot.invalid>`, `<bhunsub${nonce}>`];
  const root = new MimeNode("multipart/alternative");
  root.setHeader("From", headers.from);
  root.setHeader("To", slots[0]!);
  if (headers.replyTo) root.setHeader("Reply-To", headers.replyTo);
  root.setHeader("Subject", subject);
  root.setHeader("Message-ID", slots[1]!);
  root.setHeader("List-Unsubscribe", { prepared: true, value: slots[2]! });
  root.setHeader("List-Unsubscribe-Post", { prepared: true, value: "List-Unsubscribe=One-Click" });
  const text = root.buildHeaders();
  const boundary = (root as unknown as { boundary: string }).boundary;
  return { text, boundary, slots };
}

const SIMPLE_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/;

/** The To value as nodemailer writes it: the address itself, unless it needs nodemailer's encoding. */
export function toHeaderValue(address: string): string {
  if (SIMPLE_ADDRESS.test(address)) return address;
  const node = new MimeNode("text/plain");
  node.setHeader("To", address);
  const line = /^To: (.*(?:\r\n[ \t].*)*)/m.exec(node.buildHeaders());
  if (!line) throw new Error("recipient address could not be encoded");
  return line[1]!;
}
