import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtaTestShop, type EtaTestShop } from "../etas/eta-test-shop.ts";

// 2^63: one past PostgreSQL's BIGINT. Found by the fault suite's 10,000-request fuzz, where each of
// these routes answered 500 (Prisma cannot bind the value) instead of refusing the input.
const TOO_BIG = "9223372036854775808";
const LARGEST = "9223372036854775807";

describe("ids beyond BIGINT at every /api route that takes one", () => {
  let t: EtaTestShop;
  beforeAll(async () => {
    t = await startEtaTestShop("Id Range");
  });
  afterAll(() => t?.close());

  it.each([
    ["GET", `/etas/${TOO_BIG}`, undefined],
    ["PUT", `/etas/${TOO_BIG}`, { eta: null }],
    ["POST", "/etas/bulk", { variantIds: [TOO_BIG], eta: null }],
    ["GET", `/controls/variants/${TOO_BIG}`, undefined],
    ["GET", `/subscriptions/variants/${TOO_BIG}/subscribers`, undefined],
    ["POST", `/subscriptions/variants/${TOO_BIG}/send-now`, {}],
    ["GET", `/backorders?variant=${TOO_BIG}`, undefined],
    ["GET", `/backorders?product=${TOO_BIG}`, undefined],
    ["PUT", "/settings", { countedLocationIds: [TOO_BIG] }],
  ])("%s %s is refused as bad input", async (method, path, json) => {
    const res = await t.api(path, { method, ...(json === undefined ? {} : { json }) });
    expect([400, 422]).toContain(res.status);
  });

  it("the largest BIGINT is an id like any other: not found, not a server error", async () => {
    expect((await t.api(`/etas/${LARGEST}`)).status).toBe(404);
    expect((await t.api(`/controls/variants/${LARGEST}`)).status).toBe(404);
    expect((await t.api(`/subscriptions/variants/${LARGEST}/subscribers`)).status).toBe(200);
  });
});
