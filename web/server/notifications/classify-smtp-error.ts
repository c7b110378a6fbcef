export type SmtpFailure =
  /** Try again later with backoff: 4xx replies, lost connections, timeouts. */
  | { kind: "transient"; reason: string }
  /** Never retried: 5xx replies and errors no retry can fix. */
  | { kind: "permanent"; reason: string; hardBounce: boolean };

// Mailbox unknown (550), user not local (551), bad mailbox name (553): the address itself is dead.
// Other 5xx (552 storage, 554 policy) fail this email but say nothing final about the address.
const HARD_BOUNCE_CODES = new Set([550, 551, 553]);
// nodemailer codes that mean the message or our setup is wrong, not the network.
const PERMANENT_CODES = new Set(["EENVELOPE", "EMESSAGE", "EAUTH", "ENOAUTH", "EOAUTH2"]);

/** Pure: decides what a failed send means for the ledger from nodemailer's error. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : String(error);
  const reason = message.slice(0, 500);
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : null;
  if (responseCode !== null && responseCode >= 400 && responseCode < 500)
    return { kind: "transient", reason };
  if (responseCode !== null && responseCode >= 500 && responseCode < 600) {
    return { kind: "permanent", reason, hardBounce: HARD_BOUNCE_CODES.has(responseCode) };
  }
  const code = typeof e.code === "string" ? e.code : null;
  if (code !== null && PERMANENT_CODES.has(code)) return { kind: "permanent", reason, hardBounce: false };
  return { kind: "transient", reason };
}
