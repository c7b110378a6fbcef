import type { Config } from "../config.ts";

export type DkimKey = { domainName: string; keySelector: string; privateKey: string };

/** The address in a From header value (`"Shop" <orders@shop.example>` -> orders@shop.example). */
export function fromAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** The domain of the address in a From header value (`"Shop" <orders@shop.example>` -> shop.example). */
export function fromDomain(from: string): string | null {
  const address = fromAddress(from);
  const at = address.lastIndexOf("@");
  return at > 0 ? address.slice(at + 1).toLowerCase() : null;
}

/**
 * nodemailer's `dkim` option for one message: always the operator's domain (it publishes the key),
 * and the sender's own domain too when it differs, so a merchant who delegated the selector to the
 * operator's key (a CNAME, docs/operations.md) gets a signature aligned with their From address.
 * A signature whose domain has not published the key fails on its own and costs the other nothing.
 */
export function dkimSigning(dkim: Config["dkim"], from: string): { keys: DkimKey[] } | undefined {
  if (!dkim) return undefined;
  const key = (domainName: string): DkimKey => ({
    domainName,
    keySelector: dkim.selector,
    privateKey: dkim.privateKey,
  });
  const sender = fromDomain(from);
  return { keys: [key(dkim.domain), ...(sender && sender !== dkim.domain ? [key(sender)] : [])] };
}
