import { LRUCache } from "lru-cache";
import {
  PROXY_TIMESTAMP_TOLERANCE_SECONDS as TOLERANCE,
  timestampWithin,
  verifyProxySignature,
} from "../proxy/verify-proxy-signature.ts";
import { parseVariantIds } from "./proxy-eta-answer.ts";

/** A GET /proxy/eta URL whose app proxy signature verified: its shop, signed timestamp and variant ids. */
export type SignedRead = {
  shop: string;
  /** The signed `timestamp` (seconds), checked against the clock on every use. */
  timestamp: number;
  /** The canonical variant ids (parseVariantIds), or null when they are not valid (express answers 400). */
  ids: string[] | null;
};

/** Verified URLs one process remembers (least recently used out first), and the longest it keeps. */
const MAX_ENTRIES = 10_000;
const MAX_URL_LENGTH = 1_024;

/**
 * The signed reads of this process, by their exact URL (docs/ingress-performance.md, "Fourth pass"):
 * a URL seen before is not parsed, its signature not computed again, its variant ids not parsed
 * again; its timestamp is checked against the clock every time, so a remembered URL is refused once
 * it leaves the window exactly as a fresh one would. Sound because the verdict of a signature is a
 * function of the URL's bytes and the process's secrets alone, and the URL carries the signed
 * timestamp: a repeat within the window is a replay Shopify's contract already accepts. Only URLs
 * that verified are remembered, so an attacker cannot fill it; a forged URL never matches one
 * (it would need the signature's bytes) and is verified in full, with timingSafeEqual.
 */
export function createSignedReads(
  secrets: readonly string[],
  now: () => number = Date.now,
): (url: string) => SignedRead | null {
  const secretList = [...secrets];
  const known = new LRUCache<string, SignedRead>({ max: MAX_ENTRIES, ttl: 2 * TOLERANCE * 1000 });
  return (url) => {
    const at = now();
    const remembered = known.get(url);
    if (remembered) return timestampWithin(remembered.timestamp, at, TOLERANCE) ? remembered : null;
    const mark = url.indexOf("?");
    const query = new URLSearchParams(mark === -1 ? "" : url.slice(mark + 1));
    const verified = verifyProxySignature(query, secretList, new Date(at));
    if (!verified.ok) return null;
    let ids: string[] | null;
    try {
      ids = parseVariantIds(query.getAll("variant_ids"));
    } catch {
      ids = null;
    }
    const read: SignedRead = { shop: verified.shop, timestamp: Number(query.get("timestamp")), ids };
    if (url.length <= MAX_URL_LENGTH) known.set(url, read);
    return read;
  };
}
