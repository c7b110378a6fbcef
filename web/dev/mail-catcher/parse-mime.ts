import { parseHeaderValue } from "nodemailer/lib/mime-funcs";

export type ParsedMail = {
  /** Header lines as received (unfolded), in order. */
  headers: Array<[name: string, value: string]>;
  subject: string;
  from: string;
  to: string;
  date: string | null;
  html: string | null;
  text: string | null;
};

type Part = { headers: Array<[string, string]>; body: string };

/**
 * Enough of RFC 2045-2047 for what nodemailer sends: nested multiparts, quoted-printable and base64
 * bodies, charsets TextDecoder knows, and encoded words in headers. Not a general MIME parser.
 */
export function parseMime(raw: string): ParsedMail {
  const root = splitPart(raw.replace(/\r\n/g, "\n"));
  const found: { html: string | null; text: string | null } = { html: null, text: null };
  collectBodies(root, found);
  const header = (name: string) => decodeWords(findHeader(root.headers, name) ?? "");
  return {
    headers: root.headers.map(([name, value]) => [name, decodeWords(value)]),
    subject: header("subject"),
    from: header("from"),
    to: header("to"),
    date: findHeader(root.headers, "date") ?? null,
    ...found,
  };
}

function splitPart(source: string): Part {
  const end = source.indexOf("\n\n");
  const head = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? "" : source.slice(end + 2);
  const headers: Array<[string, string]> = [];
  for (const line of head.split("\n")) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) last[1] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(":");
      if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return { headers, body };
}

function collectBodies(part: Part, found: { html: string | null; text: string | null }): void {
  const type = parseHeaderValue(findHeader(part.headers, "content-type") ?? "text/plain");
  const mime = type.value.toLowerCase();
  if (mime.startsWith("multipart/")) {
    const boundary = type.params.boundary;
    if (!boundary) return;
    for (const child of splitMultipart(part.body, boundary)) collectBodies(splitPart(child), found);
    return;
  }
  if (mime !== "text/html" && mime !== "text/plain") return;
  const disposition = findHeader(part.headers, "content-disposition") ?? "";
  if (/^attachment/i.test(disposition)) return;
  const bytes = decodeTransfer(part.body, findHeader(part.headers, "content-transfer-encoding") ?? "7bit");
  const text = decodeCharset(bytes, type.params.charset ?? "utf-8");
  if (mime === "text/html") found.html ??= text;
  else found.text ??= text;
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split("\n")) {
    if (line.startsWith(delimiter)) {
      if (current) parts.push(current.join("\n"));
      if (line.startsWith(`${delimiter}--`)) return parts;
      current = [];
    } else current?.push(line);
  }
  if (current) parts.push(current.join("\n"));
  return parts;
}

export function decodeTransfer(body: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, "utf8");
  }
}

function decodeQuotedPrintable(body: string): Buffer {
  // Soft line breaks ("=" at the end of a line) join lines; "=XX" is one byte.
  const joined = body.replace(/[ \t]*\n/g, "\n").replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=); whitespace between two words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_match, charset: string, kind: string, data: string) => {
      const bytes =
        kind.toUpperCase() === "B"
          ? Buffer.from(data, "base64")
          : decodeQuotedPrintable(data.replace(/_/g, " "));
      return decodeCharset(bytes, charset);
    });
}

function findHeader(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1];
}
