import { GraphQLError } from "graphql";
import { MAX_PAGE_SIZE } from "../constants.ts";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** A sort position: the sort key's value of the item (when sorted by one) and its id. */
type CursorPosition = { key: string; value?: SortValue };
export type SortValue = string | number;

/** Shopify's cursors are base64 JSON of the last item's id and, under a sort key, its value. */
export function encodeCursor(key: string, value?: SortValue): string {
  const body = value === undefined ? { last_id: key } : { last_id: key, last_value: value };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      last_id?: unknown;
      last_value?: unknown;
    };
    if (typeof parsed.last_id === "string") {
      const value = parsed.last_value;
      return typeof value === "string" || typeof value === "number"
        ? { key: parsed.last_id, value }
        : { key: parsed.last_id };
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
    extensions: { code: "BAD_REQUEST" },
  });
}

const compareKeys = (a: string, b: string) =>
  /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(BigInt(a) - BigInt(b)) : a < b ? -1 : a > b ? 1 : 0;

function comparePositions(a: CursorPosition, b: CursorPosition): number {
  if (a.value !== undefined && b.value !== undefined && a.value !== b.value)
    return a.value < b.value ? -1 : 1;
  return Math.sign(compareKeys(a.key, b.key));
}

/**
 * Relay connection over an in-memory list, with Shopify's rules: one of first/last is required
 * and capped at 250, except inside bulk operations, which page through everything. With
 * `sortValueOf` the list is sorted by (value, id) and cursors are positions in that order, as
 * Shopify's are: a page after a cursor starts past that position even if its item has since
 * changed or left the results.
 */
export function connection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  keyOf: (item: T) => string,
  toNode: (item: T) => unknown,
  bulk = false,
  sortValueOf?: (item: T) => SortValue,
) {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (!bulk) {
    if (first === null && last === null) {
      throw new GraphQLError("you must provide one of first or last", {
        extensions: { code: "BAD_REQUEST" },
      });
    }
    const size = first ?? last ?? 0;
    if (size > MAX_PAGE_SIZE || size < 0) {
      throw new GraphQLError(
        `The ${first !== null ? "first" : "last"} argument must be between 0 and ${MAX_PAGE_SIZE}`,
        {
          extensions: { code: "BAD_REQUEST" },
        },
      );
    }
  }
  const positionOf = (item: T): CursorPosition =>
    sortValueOf ? { key: keyOf(item), value: sortValueOf(item) } : { key: keyOf(item) };
  let list = sortValueOf
    ? [...items].sort((a, b) => comparePositions(positionOf(a), positionOf(b)))
    : [...items];
  if (args.reverse) list.reverse();
  const direction = args.reverse ? -1 : 1;
  if (args.after) {
    const cursor = decodeCursor(args.after);
    if (sortValueOf) list = list.filter((item) => comparePositions(positionOf(item), cursor) * direction > 0);
    else {
      const index = list.findIndex((item) => keyOf(item) === cursor.key);
      list = index >= 0 ? list.slice(index + 1) : [];
    }
  }
  if (args.before) {
    const cursor = decodeCursor(args.before);
    if (sortValueOf) list = list.filter((item) => comparePositions(positionOf(item), cursor) * direction < 0);
    else {
      const index = list.findIndex((item) => keyOf(item) === cursor.key);
      list = index >= 0 ? list.slice(0, index) : list;
    }
  }
  const total = list.length;
  let page = list;
  if (first !== null) page = page.slice(0, first);
  if (last !== null) page = page.slice(Math.max(0, page.length - last));
  const edges = page.map((item) => ({
    cursor: encodeCursor(keyOf(item), sortValueOf?.(item)),
    node: toNode(item),
  }));
  const start = list.indexOf(page[0] as T);
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: page.length > 0 ? start + page.length < total : false,
      hasPreviousPage: start > 0 || Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
