type Json = Record<string, unknown>;

function isConnection(value: unknown): value is { edges?: Array<{ node: unknown }>; nodes?: unknown[] } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((k) => k === "edges" || k === "nodes" || k === "pageInfo") &&
    ("edges" in value || "nodes" in value)
  );
}

function nodesOf(connection: { edges?: Array<{ node: unknown }>; nodes?: unknown[] }): unknown[] {
  return connection.edges ? connection.edges.map((edge) => edge.node) : (connection.nodes ?? []);
}

/**
 * Shopify's bulk JSONL: one line per connection node; nested connections are flattened into
 * their own lines right after the parent, pointing back with `__parentId`.
 */
export function toJsonl(data: Json): { jsonl: string; objectCount: number; rootObjectCount: number } {
  const lines: string[] = [];
  let rootObjectCount = 0;
  const emitNode = (node: unknown, parentId: string | null) => {
    if (node === null || typeof node !== "object") return;
    const children: Array<unknown> = [];
    const own = strip(node as Json, children);
    if (parentId !== null) own.__parentId = parentId;
    lines.push(JSON.stringify(own));
    const id = typeof own.id === "string" ? own.id : parentId;
    for (const child of children) for (const childNode of nodesOf(child as Json)) emitNode(childNode, id);
  };
  for (const value of Object.values(data)) {
    if (!isConnection(value)) continue;
    for (const node of nodesOf(value)) {
      rootObjectCount += 1;
      emitNode(node, null);
    }
  }
  return {
    jsonl: lines.length > 0 ? `${lines.join("\n")}\n` : "",
    objectCount: lines.length,
    rootObjectCount,
  };
}

/** Copies an object without its nested connections, which are collected into `children`. */
function strip(object: Json, children: unknown[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (isConnection(value)) children.push(value);
    else if (value !== null && typeof value === "object" && !Array.isArray(value))
      out[key] = strip(value as Json, children);
    else out[key] = value;
  }
  return out;
}
