/** What must never appear in a log line: secrets, tokens and readable email addresses. */
export type LogFinding = { kind: string; excerpt: string };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/;
const ACCESS_TOKEN = /\bshp(?:at|ua|ca|ss)_[0-9a-f]{16,}/;

/**
 * Pure: scans log lines. `secrets` are literal values (API secret, link tokens). An address is
 * allowed only masked as `j***@domain`, or when it is one of `allowedAddresses` (the sender).
 */
export function scanLogs(
  lines: readonly string[],
  opts: { secrets: readonly string[]; allowedAddresses?: readonly string[] },
): LogFinding[] {
  const findings: LogFinding[] = [];
  const allowed = new Set((opts.allowedAddresses ?? []).map((a) => a.toLowerCase()));
  for (const line of lines) {
    const excerpt = line.slice(0, 300);
    for (const secret of opts.secrets)
      if (secret && line.includes(secret)) findings.push({ kind: "secret", excerpt });
    if (JWT.test(line)) findings.push({ kind: "session token", excerpt });
    if (ACCESS_TOKEN.test(line)) findings.push({ kind: "access token", excerpt });
    for (const match of line.matchAll(EMAIL)) {
      const address = match[0].toLowerCase();
      // A masked "j***@domain" never matches: "*" is not a local-part character here.
      if (allowed.has(address)) continue;
      findings.push({ kind: `email ${address}`, excerpt });
    }
  }
  return findings;
}
