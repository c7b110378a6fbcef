/** A line of a storefront cart: a variant, how many, and its line item properties in form order. */
export interface CartLine {
  variantId: string;
  quantity: number;
  properties: Array<[name: string, value: string]>;
}

/**
 * Adds to a cart as Shopify does: the same variant with the same properties grows that line;
 * different properties make a line of their own (each keeps what the shopper was told).
 */
export function addCartLine(lines: CartLine[], added: CartLine): CartLine[] {
  const key = lineKey(added);
  const same = lines.findIndex((line) => lineKey(line) === key);
  if (same === -1) return [...lines, added];
  return lines.map((line, i) => (i === same ? { ...line, quantity: line.quantity + added.quantity } : line));
}

/** Like Shopify's line item key: the variant id, then what else makes the line distinct. */
export function lineKey(line: Pick<CartLine, "variantId" | "properties">): string {
  return `${line.variantId}:${Buffer.from(JSON.stringify(line.properties)).toString("base64url")}`;
}

export type ParsedCartAdd = { ok: true; line: CartLine } | { ok: false; error: string };

/**
 * Reads a product form post (`id`, `quantity`, `properties[Name]`), the fields Shopify's
 * /cart/add accepts. Properties keep their form order.
 */
export function parseCartAdd(body: Record<string, unknown>): ParsedCartAdd {
  const id = body.id;
  if (typeof id !== "string" || !/^\d{1,20}$/.test(id)) return { ok: false, error: "Choose a variant." };
  const rawQuantity = body.quantity ?? "1";
  const quantity = typeof rawQuantity === "string" ? Number(rawQuantity) : NaN;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000)
    return { ok: false, error: "Quantity must be a whole number from 1 to 10000." };
  const properties: CartLine["properties"] = [];
  for (const [field, value] of Object.entries(body)) {
    const name = /^properties\[(.+)\]$/.exec(field)?.[1];
    if (name === undefined) continue;
    if (typeof value !== "string" || value.length > 1000 || name.length > 255)
      return { ok: false, error: `Property ${name.slice(0, 40)} is not a short text.` };
    properties.push([name, value]);
  }
  return { ok: true, line: { variantId: id, quantity, properties } };
}

/** What the cart, checkout and order show: private (`_name`) and empty properties stay hidden. */
export function visibleProperties(properties: CartLine["properties"]): Array<[string, string]> {
  return properties.filter(([name, value]) => !name.startsWith("_") && value.trim() !== "");
}
