import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { AppError } from "./errors.ts";

// PostgreSQL text cannot hold U+0000: a NUL reaching a query fails it with a driver error (a 500).
// Every way a request can carry one: the raw byte, JSON's \u0000 escape (an odd run of
// backslashes before it, so an escaped backslash followed by "u0000" is not one), and %00 in a URL
// or a form body.
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/i;
const URL_NUL = /%00/;

export type BodyKind = "json" | "text" | "form";

/** True when the raw body decodes to text holding a NUL character. */
export function containsNulByte(raw: Buffer | string, kind: BodyKind): boolean {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  if (text.includes("\u0000")) return true;
  if (kind === "json") return JSON_NUL.test(text);
  if (kind === "form") return URL_NUL.test(text);
  return false;
}

export const NUL_MESSAGE = "Text fields must not contain a NUL character (\\u0000)";

class NulByteError extends AppError {
  // body-parser keeps a verify error's own status (http-errors reads `status`).
  readonly status = 422;
  constructor() {
    super("unprocessable", NUL_MESSAGE);
  }
}

/** body-parser `verify` option: refuses a body holding a NUL before it is parsed (422). */
export function refuseNulBody(kind: BodyKind) {
  return (_req: IncomingMessage, _res: unknown, buf: Buffer): void => {
    if (containsNulByte(buf, kind)) throw new NulByteError();
  };
}

/** True when a URL (path or query) holds an encoded NUL. */
export function urlHasNul(url: string): boolean {
  return URL_NUL.test(url);
}

/** Refuses a URL (path or query) holding an encoded NUL, before any route reads it (422). */
export function refuseNulUrl(): RequestHandler {
  return (req, _res, next) => {
    next(urlHasNul(req.originalUrl) ? new NulByteError() : undefined);
  };
}
