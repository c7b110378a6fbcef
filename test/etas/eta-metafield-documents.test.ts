import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, parse, validate, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { ETA_METAFIELD_DOCUMENTS } from "../../web/server/etas/eta-metafield-documents.ts";

const file = new URL("../../simulator/schema/admin_2026-07.json.gz", import.meta.url);
const schema = buildClientSchema(
  (JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { data: IntrospectionQuery }).data,
);

describe("Admin GraphQL documents of the ETA sync", () => {
  it.each(ETA_METAFIELD_DOCUMENTS.map((doc) => [doc.match(/mutation (\w+)/)?.[1], doc]))(
    "%s validates against Admin 2026-07",
    (_name, doc) => {
      expect(validate(schema, parse(doc!)).map((e) => e.message)).toEqual([]);
    },
  );
});
