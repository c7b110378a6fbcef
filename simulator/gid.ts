/** Builds a Shopify global id, e.g. gid("ProductVariant", 9007199254740993n). */
export function gid(type: string, id: bigint | string | number): string {
  return `gid://shopify/${type}/${String(id)}`;
}

export interface ParsedGid {
  type: string;
  id: bigint;
  params: URLSearchParams;
}

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?(.*))?$/;

export function parseGid(value: string): ParsedGid | null {
  const match = GID_PATTERN.exec(value);
  if (!match) return null;
  return { type: match[1]!, id: BigInt(match[2]!), params: new URLSearchParams(match[3] ?? "") };
}

/**
 * Accepts a bigint, a decimal string or a GID and returns the numeric id. JS numbers are accepted
 * only when they are safe integers, because larger ones have already lost digits.
 */
export function toBigId(value: bigint | string | number): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError(`id ${value} is not a safe integer; pass a string`);
    return BigInt(value);
  }
  if (/^\d+$/.test(value)) return BigInt(value);
  const parsed = parseGid(value);
  if (!parsed) throw new TypeError(`not an id: ${value}`);
  return parsed.id;
}

export function inventoryLevelGid(locationId: bigint, inventoryItemId: bigint): string {
  return `${gid("InventoryLevel", locationId)}?inventory_item_id=${inventoryItemId}`;
}
