import { isIP } from "node:net";

/**
 * Which proxies in front of the app may name the client in `X-Forwarded-For`, in the two forms
 * express's `trust proxy` takes: a hop count (how many proxies append to the header, Shopify's app
 * proxy included) or a list of addresses and CIDR ranges. docs/operations.md has the value for
 * each kind of deployment.
 */
export type TrustProxy = number | readonly string[];

/** Trusting more hops than this is a typo, not a deployment. */
export const MAX_TRUSTED_HOPS = 10;

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

const FORMS =
  "a hop count (1 = Shopify's app proxy only, 2 = Shopify and one load balancer, …) or a comma-separated " +
  "list of addresses and CIDR ranges (loopback, linklocal, uniquelocal, 10.0.0.0/8, fd00::/8, …)";

export type TrustProxyParse = { ok: true; value: TrustProxy } | { ok: false; message: string };

function checkRange(entry: string): string | null {
  if (NAMED_RANGES.has(entry)) return null;
  const [address = "", bits, extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return `"${entry}" is not an address or CIDR range`;
  if (bits === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) {
    return `"${entry}" has a prefix length outside 0-${max}`;
  }
  return null;
}

/** Pure: the setting as express takes it, or why it is refused. */
export function parseTrustProxy(raw: string): TrustProxyParse {
  const value = raw.trim();
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_TRUSTED_HOPS) {
      return {
        ok: false,
        message: `${hops} hops is more than any deployment has (at most ${MAX_TRUSTED_HOPS})`,
      };
    }
    return { ok: true, value: hops };
  }
  if (value === "true" || value === "false") {
    return {
      ok: false,
      message:
        value === "true"
          ? "true would believe any X-Forwarded-For a client sends, so every client could pick its own address; " +
            `give ${FORMS}`
          : `use 0 to trust no proxy; otherwise give ${FORMS}`,
    };
  }
  const entries = value.split(",").map((entry) => entry.trim());
  if (value === "" || entries.some((entry) => entry === "")) {
    return { ok: false, message: `must be ${FORMS}` };
  }
  for (const entry of entries) {
    const problem = checkRange(entry);
    if (problem) return { ok: false, message: `${problem}; must be ${FORMS}` };
  }
  return { ok: true, value: Object.freeze(entries) };
}
