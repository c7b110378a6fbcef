import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** Structured logs. Secrets, tokens and signatures are redacted wherever they appear in a log object. */
export function createLogger(opts: {
  level: string;
  name?: string;
  /** Where lines go; stdout by default (tests capture them). */
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      name: opts.name ?? "backorder-hub",
      level: opts.level,
      redact: {
        paths: [
          "accessToken",
          "*.accessToken",
          "token",
          "*.token",
          "secret",
          "*.secret",
          "req.headers.authorization",
          'req.headers["x-shopify-hmac-sha256"]',
          "req.headers.cookie",
        ],
        censor: "[redacted]",
      },
      // Addresses also hide inside error objects and SMTP replies (nodemailer's `rejected`, a
      // server's "550 <jane@example.com>: unknown"): mask them in every line, whatever the field.
      hooks: { streamWrite: maskEmailsIn },
    },
    opts.destination,
  );
}

// A local part then a dotted domain with a TLD; "no-reply@localhost" (no TLD) is not an address
// of a person. A masked "j***@example.com" does not match ("*" is not a local-part character).
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Every email address in the text, masked as maskEmail does. */
export function maskEmailsIn(text: string): string {
  return text.includes("@") ? text.replace(EMAIL_IN_TEXT, maskEmail) : text;
}

/** "jane.doe@example.com" -> "j***@example.com": enough to tell addresses apart, not to read them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
