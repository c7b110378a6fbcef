import { createHmac, timingSafeEqual } from "node:crypto";

export type ProxyQuery = URLSearchParams | Record<string, string | string[] | undefined>;

export type ProxySignatureResult =
  | { ok: true; shop: string; loggedInCustomerId: string | null }
  | {
      ok: false;
      reason: "missing_signature" | "bad_signature" | "stale_timestamp" | "repeated_param" | "missing_shop";
    };

// Params Shopify adds once; a second copy means someone appended their own value after the signed one.
const SINGLE_VALUED = ["shop", "signature", "timestamp", "hmac"] as const;

/**
 * Verifies the `signature` Shopify's app proxy adds to every forwarded request
 * ("Authenticate app proxies"). Pass the query already percent-decoded (URLSearchParams
 * or Express's `req.query`). Several secrets are tried so requests keep passing while the
 * app secret is rotated.
 */
export function verifyProxySignature(
  query: ProxyQuery,
  secret: string | string[],
  now: Date,
  toleranceSeconds = PROXY_TIMESTAMP_TOLERANCE_SECONDS,
): ProxySignatureResult {
  const params = toMultiMap(query);
  if (SINGLE_VALUED.some((key) => (params.get(key)?.length ?? 0) > 1)) {
    return { ok: false, reason: "repeated_param" };
  }
  const signature = params.get("signature")?.[0];
  if (!signature) return { ok: false, reason: "missing_signature" };

  const message = canonicalMessage(params);
  // 64 hex characters; decoding stops at the first one that is not hex, so a malformed signature
  // comes out shorter than a digest and fails the length check below.
  const given = Buffer.from(signature.length === 64 ? signature : "", "hex");
  const secrets = Array.isArray(secret) ? secret : [secret];
  const matches = secrets.some((s) => {
    if (s.length === 0) return false;
    const expected = createHmac("sha256", s).update(message, "utf8").digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!matches) return { ok: false, reason: "bad_signature" };

  // Checked after the signature so the reason only says "stale" about requests Shopify really signed.
  if (!timestampWithin(Number(params.get("timestamp")?.[0]), now.getTime(), toleranceSeconds)) {
    return { ok: false, reason: "stale_timestamp" };
  }

  const shop = params.get("shop")?.[0];
  if (!shop) return { ok: false, reason: "missing_shop" };
  const customer = params.get("logged_in_customer_id")?.[0];
  return { ok: true, shop, loggedInCustomerId: customer ? customer : null };
}

/** How far a signed timestamp may be from our clock, either way. */
export const PROXY_TIMESTAMP_TOLERANCE_SECONDS = 90;

/** A signed `timestamp` (seconds) within `toleranceSeconds` of `nowMs`. */
export function timestampWithin(timestamp: number, nowMs: number, toleranceSeconds: number): boolean {
  return Number.isFinite(timestamp) && Math.abs(nowMs / 1000 - timestamp) <= toleranceSeconds;
}

/**
 * The hex signature Shopify would put on these params (any existing `signature` is ignored).
 * Used by tests and the simulator's storefront forwarder.
 */
export function signProxyParams(params: ProxyQuery, secret: string): string {
  return hmacHex(canonicalMessage(toMultiMap(params)), secret);
}

/**
 * `key=value` per key (repeated values joined by ","), sorted, concatenated with no separator.
 * Only `signature` is left out: Shopify signs every other param it forwards, `hmac` included.
 * Plain code-unit sort, which equals the byte order Shopify sorts by for the ASCII keys it sends.
 */
function canonicalMessage(params: Map<string, string[]>): string {
  return [...params]
    .filter(([key]) => key !== "signature")
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
}

function hmacHex(message: string, secret: string): string {
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

function toMultiMap(query: ProxyQuery): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  if (query instanceof URLSearchParams) {
    for (const [key, value] of query) add(key, value);
  } else {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) add(key, v);
    }
  }
  return map;
}
