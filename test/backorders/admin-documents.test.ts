import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, parse, validate, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { ALL_DOCUMENTS, BULK_SYNC_QUERY } from "../../web/server/shopify/admin/documents/index.ts";

const file = new URL("../../simulator/schema/admin_2026-07.json.gz", import.meta.url);
const schema = buildClientSchema(
  (JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { data: IntrospectionQuery }).data,
);

describe("Admin GraphQL documents of the backorder engine", () => {
  it.each(
    [...ALL_DOCUMENTS, BULK_SYNC_QUERY].map((doc) => [
      doc.match(/(query|mutation) (\w+)/)?.[2] ?? "bulk",
      doc,
    ]),
  )("%s validates against Admin 2026-07", (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});
