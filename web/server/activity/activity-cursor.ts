import { isShopifyIdText } from "../shopify-id.ts";

/**
 * The activity log merges two tables into one newest-first stream. Order: time desc, then webhook
 * rows before notification rows, then id desc, so a cursor (the last item shown) splits it exactly
 * even when rows share a timestamp.
 */
export type ActivitySource = "webhook" | "notification";
export type ActivityCursor = { at: Date; source: ActivitySource; id: string };

export function encodeCursor(cursor: ActivityCursor): string {
  return Buffer.from(JSON.stringify({ ...cursor, at: cursor.at.toISOString() })).toString("base64url");
}

export function decodeCursor(raw: string | undefined): ActivityCursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Record<string, unknown>;
    const at = new Date(String(value.at));
    const source = value.source;
    const id = value.id;
    if (Number.isNaN(at.getTime()) || (source !== "webhook" && source !== "notification")) return null;
    if (typeof id !== "string" || (source === "webhook" && !isShopifyIdText(id))) return null;
    return { at, source, id };
  } catch {
    return null;
  }
}

function compareIds(source: ActivitySource, a: string, b: string): number {
  if (source === "webhook") {
    const x = BigInt(a);
    const y = BigInt(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Negative when `a` comes first in the stream (is newer). */
export function compareActivity(a: ActivityCursor, b: ActivityCursor): number {
  const time = b.at.getTime() - a.at.getTime();
  if (time !== 0) return time;
  if (a.source !== b.source) return a.source === "webhook" ? -1 : 1;
  return compareIds(a.source, b.id, a.id);
}
