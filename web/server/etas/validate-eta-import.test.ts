import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/read-csv.ts";
import { planEtaImport, readImportHeader, type ImportLookup } from "./validate-eta-import.ts";

const BIG = "9007199254740993"; // above 2^53
const TODAY = "2026-12-01";
const lookup: ImportLookup = {
  ids: new Set([BIG, "11", "12"]),
  skus: new Map<string, bigint[]>([
    ["A-1", [BigInt(BIG)]],
    ["B-2", [11n]],
    ["DUP", [11n, 12n]],
  ]),
};

function plan(csv: string) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.message);
  const header = readImportHeader(parsed.records);
  if ("row" in header) return { header };
  return planEtaImport(parsed.records, header, lookup, TODAY);
}

describe("readImportHeader", () => {
  it.each([
    ["sku,message\n", 'the header needs an "eta" column and a "sku" or "variant_id" column'],
    ["eta,message\n", 'the header needs an "eta" column and a "sku" or "variant_id" column'],
    ["sku,eta,ETA\n", 'column "eta" appears twice'],
  ])("refuses %j", (csv, message) => {
    expect(plan(csv)).toEqual({ header: { row: 1, message } });
  });
});

describe("planEtaImport", () => {
  it("maps good rows by sku or id (id wins), case-insensitive header, extra columns ignored", () => {
    const result = plan(
      `SKU,Variant_ID,product_title,eta,message\r\nA-1,,Mug,2026-12-15,From Lyon\r\nwhatever,11,Cup,,\r\n,,,,\r\n\r\n,gid://shopify/ProductVariant/12,x,2027-01-02, hi \r\n`,
    );
    expect(result).toEqual({
      rows: 3,
      errors: [],
      warnings: [],
      changes: [
        { variantId: BigInt(BIG), eta: "2026-12-15", message: "From Lyon" },
        { variantId: 11n, eta: null, message: null },
        { variantId: 12n, eta: "2027-01-02", message: "hi" },
      ],
    });
  });

  it("warns about a date before the shop's today on its row, and still applies it", () => {
    expect(plan("sku,eta\nB-2,2026-11-30\nA-1,2026-12-01\n")).toMatchObject({
      errors: [],
      warnings: [{ row: 2, column: "eta", message: expect.stringMatching(/^2026-11-30 has already passed/) }],
      changes: [
        { variantId: 11n, eta: "2026-11-30" },
        { variantId: BigInt(BIG), eta: "2026-12-01" },
      ],
    });
  });

  it("keeps messages when there is no message column", () => {
    expect(plan("sku,eta\nB-2,2026-12-01\n")).toMatchObject({
      changes: [{ variantId: 11n, eta: "2026-12-01" }],
    });
    expect("message" in (plan("sku,eta\nB-2,2026-12-01\n") as { changes: object[] }).changes[0]!).toBe(false);
  });

  it("reports every bad row with its spreadsheet row number and applies nothing", () => {
    const result = plan(
      [
        "sku,variant_id,eta,message",
        "A-1,,2026-12-15,ok", // row 2: fine
        "NOPE,,2026-12-15,", // 3: unknown sku
        ",99,2026-12-15,", // 4: unknown id
        "B-2,,15/12/2026,", // 5: bad date
        ",12,2026-02-30,", // 6: impossible date
        ",,2026-12-15,", // 7: no identifier
        `,${BIG},2026-12-20,`, // 8: duplicate of row 2
        "DUP,,2026-12-15,", // 9: ambiguous sku
        ",abc,2026-12-15,", // 10: not an id
        "A-1,,2026-12-15,x,extra", // 11: too many fields
        "", // 12: a blank line is skipped but still counts
        "NOPE2,,2026-12-15,", // 13
      ].join("\n"),
    );
    expect(result).toMatchObject({ rows: 11, changes: [] });
    expect((result as { errors: unknown[] }).errors).toEqual([
      { row: 3, column: "sku", message: 'no variant with sku "NOPE"' },
      { row: 4, column: "variant_id", message: "no variant 99 in this shop" },
      { row: 5, column: "eta", message: '"15/12/2026" is not a date as YYYY-MM-DD' },
      { row: 6, column: "eta", message: '"2026-02-30" is not a date as YYYY-MM-DD' },
      { row: 7, message: "a sku or a variant_id is required" },
      { row: 8, message: `variant ${BIG} is already on row 2` },
      { row: 9, column: "sku", message: 'sku "DUP" matches 2 variants: use variant_id' },
      { row: 10, column: "variant_id", message: '"abc" is not a variant id' },
      { row: 11, message: "5 fields but the header has 4" },
      { row: 13, column: "sku", message: 'no variant with sku "NOPE2"' },
    ]);
  });

  it("refuses a message over 255 characters", () => {
    const result = plan(`sku,eta,message\nB-2,2026-12-01,${"x".repeat(256)}\n`);
    expect((result as { errors: unknown[] }).errors).toEqual([
      { row: 2, column: "message", message: "longer than 255 characters" },
    ]);
  });
});
