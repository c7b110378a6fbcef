import { pino, type DestinationStream, type Logger } from "pino";
import { maskEmailsIn } from "./privacy/mask-email.ts";

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
