import { GraphQLError } from "graphql";
import { MAX_PAGE_SIZE } from "../constants.ts";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ last_id: key }), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { last_id?: unknown };
    if (typeof parsed.last_id === "string") return parsed.last_id;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
    extensions: { code: "BAD_REQUEST" },
  });
}

/**
 * Relay connection over an in-memory list, with Shopify's rules: one of first/last is required
 * and capped at 250, except inside bulk operations, which page through everything.
 */
export function connection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  keyOf: (item: T) => string,
  toNode: (item: T) => unknown,
  bulk = false,
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
  let list = args.reverse ? [...items].reverse() : [...items];
  if (args.after) {
    const key = decodeCursor(args.after);
    const index = list.findIndex((item) => keyOf(item) === key);
    list = index >= 0 ? list.slice(index + 1) : [];
  }
  if (args.before) {
    const key = decodeCursor(args.before);
    const index = list.findIndex((item) => keyOf(item) === key);
    list = index >= 0 ? list.slice(0, index) : list;
  }
  const total = list.length;
  let page = list;
  if (first !== null) page = page.slice(0, first);
  if (last !== null) page = page.slice(Math.max(0, page.length - last));
  const edges = page.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
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
