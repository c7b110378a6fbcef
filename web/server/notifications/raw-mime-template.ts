import { encode as qpEncode, wrap as qpWrap } from "nodemailer/lib/qp";
import { encodeQpLine } from "./encode-qp-line.ts";

/**
 * A MIME message encoded once, with slots for what differs per recipient (docs/fanout-performance.md).
 * Headers are complete lines where a slot stands for a whole value. Bodies are quoted-printable,
 * which encodes and wraps each line on its own (RFC 2045 6.7, lines <= 76): lines without a slot
 * are encoded once, and only the few lines holding a slot are encoded per recipient (one pass,
 * encode-qp-line.ts); the result decodes to the substituted body.
 */
export type RawMimeTemplate = {
  /**
   * The message for one recipient: `headers[i]` fills header slot i as written (an encoded value),
   * `body[i]` body slot i (HTML-escaped in the HTML part).
   */
  fill(values: { headers: readonly string[]; body: readonly string[] }): Buffer;
};

/** A piece of text: literal, or slot `i`. */
type Piece = string | number;

export type SlotText = { text: string; slots: readonly string[] };

/** One body part: static lines encoded once, slot lines kept as pieces. */
type EncodedPart = { encoded: (string | Piece[])[]; escape: (value: string) => string };

const CRLF = "\r\n";

/** Splits `text` where one of the sentinels occurs: literals and slot indices, in order. */
export function splitAtSlots(text: string, sentinels: readonly string[]): Piece[] {
  if (sentinels.length === 0) return [text];
  const pattern = new RegExp(sentinels.map(escapeRegExp).join("|"), "g");
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) pieces.push(text.slice(last, match.index));
    pieces.push(sentinels.indexOf(match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/** Quoted-printable body of one line-broken text, as nodemailer writes it. */
export function encodeQuotedPrintable(text: string): string {
  return qpWrap(qpEncode(text), 76);
}

function encodePart(body: SlotText, escape: (value: string) => string): EncodedPart {
  const lines = body.text.replace(/\r\n?/g, "\n").split("\n");
  const encoded: (string | Piece[])[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) encoded.push(encodeQuotedPrintable(run.join(CRLF)));
    run = [];
  };
  for (const line of lines) {
    const pieces = splitAtSlots(line, body.slots);
    if (pieces.every((p) => typeof p === "string")) run.push(line);
    else {
      flush();
      encoded.push(pieces);
    }
  }
  flush();
  return { encoded, escape };
}

/**
 * Compiles a multipart/alternative message: `headers` is the root header block (Content-Type with
 * `boundary` included, no trailing blank line), then a text/plain and a text/html part, both UTF-8
 * quoted-printable. The slots of the HTML part are filled HTML-escaped with `escapeHtml`.
 */
export function compileRawMime(input: {
  headers: SlotText;
  boundary: string;
  text: SlotText;
  html: SlotText;
  escapeHtml: (value: string) => string;
}): RawMimeTemplate {
  const head = splitAtSlots(input.headers.text, input.headers.slots);
  const partHead = (type: string) =>
    `--${input.boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}` +
    `Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}`;
  const parts: [string, EncodedPart][] = [
    [partHead("text/plain"), encodePart(input.text, (v) => v)],
    [partHead("text/html"), encodePart(input.html, input.escapeHtml)],
  ];
  const end = `--${input.boundary}--${CRLF}`;

  return {
    fill({ headers, body }) {
      let out = "";
      for (const piece of head) out += typeof piece === "string" ? piece : headers[piece]!;
      out += CRLF + CRLF;
      for (const [start, part] of parts) {
        out += start;
        for (let i = 0; i < part.encoded.length; i++) {
          const chunk = part.encoded[i]!;
          if (i > 0) out += CRLF;
          if (typeof chunk === "string") {
            out += chunk;
            continue;
          }
          let line = "";
          for (const piece of chunk) line += typeof piece === "string" ? piece : part.escape(body[piece]!);
          out += encodeQpLine(line);
        }
        out += CRLF;
      }
      return Buffer.from(out + end, "utf8");
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
