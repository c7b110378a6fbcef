import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { GraphQLSchema, IntrospectionQuery } from "graphql";
import { buildClientSchema } from "graphql";

let cached: GraphQLSchema | undefined;

/** The Admin API 2026-07 schema from Shopify's introspection JSON, built once per process (~1 s). */
export function loadAdminSchema(): GraphQLSchema {
  if (!cached) {
    const file = new URL("../schema/admin_2026-07.json.gz", import.meta.url);
    const json = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { data: IntrospectionQuery };
    cached = buildClientSchema(json.data);
  }
  return cached;
}
