import { pino, type Logger } from "pino";

export type { Logger };

/** Structured logs. Secrets, tokens and signatures are redacted wherever they appear in a log object. */
export function createLogger(opts: { level: string; name?: string }): Logger {
  return pino({
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
  });
}

/** "jane.doe@example.com" -> "j***@example.com": enough to tell addresses apart, not to read them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
